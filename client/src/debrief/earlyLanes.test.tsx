import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, render } from '@testing-library/react';
import type { TimelineEntry } from '@ecoute/engine';
import { debriefTimeline, type Debrief, type DebriefCompact } from '@ecoute/protocol';
import { renderWithSession } from '../test/renderWithSession.js';
import { DebriefApp } from './DebriefApp.js';
import { DebriefView } from './DebriefView.js';
import { FakeDebriefApi, debriefFixture, longTimeline, shortCall, timeline } from './debriefFixture.js';
import { paintEarlyLanes } from './earlyLanes.js';
import { paintWhenArrived } from './earlyPaint.js';
import type { LanesContext } from './lanesPaint.js';
import { debriefOfColumns } from './timeline.js';

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

/** A 2D context that logs every call and every property set, in order, one log per paint. */
class CallLog {
  readonly paints: string[][] = [];
  readonly canvas2d = (): LanesContext =>
    new Proxy({} as Record<string, unknown>, {
      get:
        (_target, name: string) =>
        (...args: unknown[]) => {
          if (name === 'setTransform') this.paints.push([]);
          this.paints.at(-1)?.push(`${name}(${JSON.stringify(args)})`);
        },
      set: (_target, name: string, value: unknown) => {
        this.paints.at(-1)?.push(`${name}=${JSON.stringify(value)}`);
        return true;
      },
    }) as unknown as LanesContext;
}

/** The answer as the server sends it (`?timeline=columns`), through JSON. */
function compactOf(debrief: Debrief): DebriefCompact {
  const { entries, ...rest } = debrief;
  return JSON.parse(JSON.stringify({ ...rest, timeline: debriefTimeline(entries) })) as DebriefCompact;
}

/** A call rung before its pickup (call time starts later), variables moving, a bookmark. */
function ringingCall(): TimelineEntry[] {
  const rows: Parameters<typeof timeline>[0] = [
    [0, 'listener', { kind: 'join', name: 'Camille' }],
    [4_000, 'listener', { kind: 'pickup' }],
  ];
  for (let i = 1; i < 600; i += 1) {
    const t = 4_000 + i * 300;
    rows.push(
      i % 3 === 0
        ? [t, 'system', { kind: 'variable', variable: 'detresse', value: i % 11, previous: 4 }]
        : i % 3 === 1
          ? [t, 'caller', { kind: 'line', line: 'x', text: `Réplique ${i}` }]
          : [t, 'trainer', { kind: 'bookmark', comment: `Repère ${i}` }],
    );
  }
  return timeline(rows);
}

/** Tag, class, inline style and text of a subtree: what its layout depends on. */
function shape(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.textContent);
  if (!(node instanceof Element)) return '';
  const copy = node.cloneNode(true) as Element;
  copy.normalize();
  const walk = (element: Element): string =>
    `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}" style="${element.getAttribute('style') ?? ''}">` +
    [...element.childNodes]
      .map((child) =>
        child instanceof Element ? walk(child) : child.textContent ? JSON.stringify(child.textContent) : '',
      )
      .join('') +
    `</${element.tagName.toLowerCase()}>`;
  return walk(copy);
}

describe("earlyLanes: a debrief link's lanes painted before React", () => {
  it.each([
    ['a short call', () => debriefFixture()],
    ['a call rung before its pickup', () => debriefFixture({}, ringingCall())],
    ['a long call', () => debriefFixture({}, longTimeline(3_000))],
  ])('paints, call for call, what the lanes paint at their first render (%s)', (_name, make) => {
    const early = new CallLog();
    const root = document.createElement('div');
    document.body.append(root);
    expect(paintEarlyLanes(root, compactOf(make()), 'fr', early.canvas2d)).not.toBeNull();
    const react = new CallLog();
    const initial = debriefOfColumns(compactOf(make()));
    renderWithSession(
      <DebriefView initial={initial} api={new FakeDebriefApi(initial)} canvas2d={react.canvas2d} />,
    );
    expect(early.paints).toHaveLength(1);
    expect(early.paints[0]!.length).toBeGreaterThan(20);
    expect(early.paints[0]).toEqual(react.paints[0]);
    expect(root.querySelector('[data-lanes-painted="true"]')).not.toBeNull();
  });

  it("builds the page's first screen as React renders it first: same elements, classes, sizes and texts", () => {
    for (const viewer of ['trainer', 'listener'] as const) {
      const make = () => debriefFixture({ viewer, callOver: viewer === 'listener' ? false : true });
      const root = document.createElement('div');
      document.body.append(root);
      paintEarlyLanes(root, compactOf(make()), 'fr', new CallLog().canvas2d);
      window.history.pushState({}, '', '/debrief/s1');
      const { container } = render(
        <DebriefApp
          page={
            <DebriefView
              initial={debriefOfColumns(compactOf(make()))}
              api={new FakeDebriefApi(make())}
              canvas2d={new CallLog().canvas2d}
            />
          }
          leave={() => undefined}
        />,
      );
      for (const selector of [
        '.skip-link',
        '.app-header',
        '.debrief__header',
        '.debrief__timeline > h2',
        '.playback',
        '.lanes__toolbar',
        '.lanes__labels',
        '.lanes__spacer',
        '.lanes > .hint',
      ]) {
        const mine = root.querySelector(selector);
        expect(mine).not.toBeNull();
        expect([selector, shape(mine!)]).toEqual([selector, shape(container.querySelector(selector)!)]);
      }
      cleanup();
      root.remove();
    }
  });

  it('stays out of the way until React takes over: inert, the title and language set', () => {
    const root = document.createElement('div');
    document.body.append(root);
    paintEarlyLanes(root, compactOf(debriefFixture()), 'en', new CallLog().canvas2d);
    expect([...root.children].every((child) => (child as HTMLElement).inert)).toBe(true);
    expect(root.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe("Debrief — Appel d'entraînement · Écoute");
  });
});

describe('paintWhenArrived: when the early paint happens', () => {
  const ok = (debrief: Debrief) => Promise.resolve({ ok: true as const, data: compactOf(debrief) });

  it('paints once the answer is in and resolves once that frame was presented', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const log = new CallLog();
    await expect(
      paintWhenArrived(ok(debriefFixture({}, shortCall())), () => root, log.canvas2d),
    ).resolves.toBe(true);
    expect(log.paints).toHaveLength(1);
    expect(root.querySelector('.lanes__view[data-lanes-painted="true"] canvas')).not.toBeNull();
  });

  it('paints nothing for a failed answer (the page tells it) or a root React filled first', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const log = new CallLog();
    const failed = Promise.resolve({ ok: false as const, code: 'auth/forbidden' });
    await expect(paintWhenArrived(failed, () => root, log.canvas2d)).resolves.toBe(false);
    expect(root.childNodes).toHaveLength(0);
    const page = document.createElement('p');
    root.append(page);
    await expect(paintWhenArrived(ok(debriefFixture()), () => root, log.canvas2d)).resolves.toBe(false);
    expect([...root.childNodes]).toEqual([page]);
    expect(log.paints).toHaveLength(0);
  });
});
