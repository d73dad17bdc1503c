// A debrief link's lanes painted before React is there (`earlyPaint.ts` calls it once the answer
// and the page's catalogue arrived): plain DOM with the same elements, classes and texts as the
// page's first render (`AppLayout`, `DebriefHeader`, `DebriefView`, `TimelineLanes`), so the lanes
// sit where React then draws them, and the same picture on their canvas (`fittedPicture`,
// `paintLanes`). React's first commit replaces it whole (`createRoot` clears its container in the
// same task as it inserts its own): no frame shows the page without its lanes. Until then it is
// `inert` (its buttons would do nothing): the keyboard and screen readers reach the page once
// React took it over.
import type { DebriefCompact } from '@ecoute/protocol';
import { formatBound } from '../charts/curveScale.js';
import { curveStyle } from '../charts/curveStyle.js';
import { translate, type Lang, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { joinParts } from '../i18n/joinParts.js';
import { formatDuration } from '../ui/formatDuration.js';
import { LANES, type Lane } from './lanes.js';
import {
  CURVES_HEIGHT,
  LANES_HEIGHT,
  LANE_HEIGHT,
  MARKS_HEIGHT,
  RULER_HEIGHT,
  SHARE_RANGE,
  curveY,
  fittedPicture,
  paintLanes,
  paletteFor,
  type LanesContext,
} from './lanesPaint.js';
import { seriesOfTimeline } from './moment.js';
import { SPEEDS } from './speeds.js';
import { callOrigin, debriefOfColumns, timelineOf } from './timeline.js';

const LANE_KEYS: Record<Lane, MessageKey> = {
  caller: 'debrief.lane.caller',
  listener: 'debrief.lane.listener',
  trainer: 'debrief.lane.trainer',
  system: 'debrief.lane.system',
};

type Child = Node | string | null | false;

/** An element with its attributes (`false`/`undefined`: left out) and children. */
function h(
  tag: string,
  attributes: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== false) element.append(child);
  return element;
}

/** Inline sizes in px, as React writes a `style` prop (through the CSSOM, as React does). */
function sized<T extends HTMLElement | SVGElement>(element: T, style: Record<string, number>): T {
  for (const [name, value] of Object.entries(style)) element.style.setProperty(name, `${value}px`);
  return element;
}

/** `SeriesKey`'s SVG line. */
function seriesKey(index: number): SVGSVGElement {
  const style = curveStyle(index);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  for (const [name, value] of Object.entries({
    class: 'series-key',
    width: '28',
    height: '8',
    viewBox: '0 0 28 8',
    'aria-hidden': 'true',
  }))
    svg.setAttribute(name, value);
  svg.style.color = style.colour;
  const line = document.createElementNS(ns, 'line');
  for (const [name, value] of Object.entries({
    x1: '0',
    y1: '4',
    x2: '28',
    y2: '4',
    stroke: 'currentColor',
    'stroke-width': '3',
  }))
    line.setAttribute(name, value);
  if (style.dash.length) line.setAttribute('stroke-dasharray', style.dash.join(' '));
  svg.append(line);
  return svg;
}

export interface EarlyLanes {
  /** The lanes' canvas, painted. */
  canvas: HTMLCanvasElement;
  /** The width the lanes were drawn at (px). */
  width: number;
}

/**
 * Builds the page's first screen in `root` (empty) from the debrief's answer and paints its
 * lanes; `canvas2d` gives the canvas's context (a test passes a recording one).
 */
export function paintEarlyLanes(
  root: HTMLElement,
  compact: DebriefCompact,
  lang: Lang,
  canvas2d: (canvas: HTMLCanvasElement) => LanesContext | null = (canvas) => canvas.getContext('2d'),
): EarlyLanes | null {
  const t = (key: MessageKey, params?: MessageParams) => translate(lang, key, params);
  const debrief = debriefOfColumns(compact);
  const timeline = timelineOf(debrief);
  const { scenario, session } = debrief;
  const origin = callOrigin(timeline);
  const format = (time: number) => formatDuration(Math.max(0, time - origin));
  const ending = timeline.firstOfKind('observation:ending');
  const opening = ending >= 0 ? ending : timeline.count - 1;
  const series = seriesOfTimeline(timeline, scenario.variables);
  const trainer = debrief.viewer === 'trainer';
  const title = t('debrief.title', { scenario: scenario.title });
  document.title = joinParts(t, [title, t('app.name')], 'dot');
  document.documentElement.lang = lang;

  const button = (text: Child, attributes: Record<string, string | boolean> = {}) =>
    h('button', { type: 'button', class: 'button button--secondary', ...attributes }, text);
  const header = h(
    'header',
    { class: 'debrief__header' },
    h('h1', {}, title),
    h(
      'p',
      { class: 'debrief__back' },
      trainer
        ? h('a', { href: '/sessions' }, t('nav.back.sessions'))
        : h('a', { href: '/' }, t('nav.back.home')),
    ),
    !debrief.callOver && h('p', { class: 'notice' }, t('debrief.callLive')),
    h(
      'div',
      { class: 'debrief__exports', role: 'group', 'aria-label': t('debrief.exports.label') },
      trainer && button(t('debrief.exports.json')),
      trainer && ' ',
      trainer && button(t('debrief.exports.xapi')),
      trainer && ' ',
      trainer && debrief.lrsConfigured && button(t('debrief.exports.lrs')),
      trainer && debrief.lrsConfigured && ' ',
      button(t('debrief.exports.print')),
      h('p', { role: 'status', class: 'muted' }),
      h('div', { role: 'alert', class: 'alert' }),
    ),
  );
  // The caller's voice: no voice is known before the page asked the speech synthesis (after
  // its first paint), so the first render shows the switch off with its note.
  const voice = h(
    'div',
    { class: 'toggle-switch voice-switch' },
    h('input', { id: 'early-voice', type: 'checkbox', role: 'switch', disabled: true }),
    h('label', { for: 'early-voice' }, t('voice.label')),
    h('p', { class: 'hint' }, t('voice.unavailable')),
  );
  const playback = h(
    'div',
    { class: 'playback', role: 'group', 'aria-label': t('debrief.playback.label') },
    button(t('debrief.playback.back')),
    ' ',
    h(
      'button',
      { type: 'button', class: 'button', disabled: timeline.count === 0 },
      t('debrief.playback.play'),
    ),
    ' ',
    button(t('debrief.playback.forward')),
    h(
      'fieldset',
      { class: 'playback__speed' },
      h('legend', {}, t('debrief.playback.speed')),
      ...SPEEDS.map((speed) =>
        h(
          'label',
          {},
          h('input', { type: 'radio', name: 'early-speed', checked: speed === 1 }),
          ' ',
          t('debrief.playback.times', { speed }),
        ),
      ),
    ),
    voice,
    h(
      'p',
      { class: 'playback__time' },
      t('debrief.playback.time', {
        time: format(timeline.t[opening] ?? 0),
        total: format(session.durationMs),
      }),
    ),
  );
  const toolbar = h(
    'div',
    { class: 'lanes__toolbar' },
    h('span', {}, t('debrief.zoom')),
    ' ',
    button(h('span', { class: 'button__sign', 'aria-hidden': 'true' }, '−'), { disabled: true }),
    ' ',
    button(h('span', { class: 'button__sign', 'aria-hidden': 'true' }, '+')),
    ' ',
    h('span', { class: 'muted' }, t('debrief.zoomFit')),
    h(
      'ul',
      { class: 'lanes__legend', 'aria-label': t('debrief.curves') },
      ...series.map((s, i) =>
        h(
          'li',
          {},
          seriesKey(i),
          ' ',
          h('span', { class: 'series-name' }, s.label),
          ' ',
          h(
            'span',
            { class: 'series-range' },
            t('curves.range', { min: formatBound(s.min), max: formatBound(s.max) }),
          ),
        ),
      ),
    ),
    series.length > 0 && h('p', { class: 'hint' }, t('curves.scaleHint')),
  );
  // The zoom buttons' words after their sign, as `TimelineLanes` writes them (the sign keeps them apart).
  const [zoomOut, zoomIn] = toolbar.querySelectorAll('button');
  zoomOut?.append(t('debrief.zoomOut'));
  zoomIn?.append(t('debrief.zoomIn'));
  const labels = sized(
    h(
      'div',
      { class: 'lanes__labels', 'aria-hidden': 'true' },
      sized(
        h(
          'div',
          { class: 'lanes__axis' },
          h('span', { class: 'lanes__axis-title' }, t('debrief.curves')),
          ...[SHARE_RANGE.max, SHARE_RANGE.max / 2, SHARE_RANGE.min].map((share) =>
            sized(h('span', { class: 'lanes__axis-tick' }, t('curves.share', { value: share })), {
              top: curveY(share, SHARE_RANGE),
            }),
          ),
        ),
        { height: CURVES_HEIGHT },
      ),
      sized(h('div'), { height: RULER_HEIGHT }),
      sized(h('div', {}, t('debrief.lane.marks')), { height: MARKS_HEIGHT }),
      ...LANES.map((lane) => sized(h('div', {}, t(LANE_KEYS[lane])), { height: LANE_HEIGHT })),
    ),
    { height: LANES_HEIGHT },
  );
  const canvas = h('canvas', { class: 'lanes__canvas', 'aria-hidden': 'true' }) as HTMLCanvasElement;
  const view = h('div', { class: 'lanes__view', 'data-testid': 'lanes-view', 'data-early': 'true' }, canvas);
  const spacer = h('div', { class: 'lanes__spacer' }, view);
  const scroller = h('div', { class: 'lanes__scroller' }, spacer);
  const lanes = h(
    'div',
    { class: 'lanes' },
    toolbar,
    h('div', { class: 'lanes__body' }, labels, scroller),
    h('p', { class: 'hint' }, t('debrief.lanes.help')),
  );
  const page = h(
    'div',
    { class: 'debrief' },
    header,
    h(
      'section',
      { class: 'panel debrief__timeline' },
      h('h2', {}, t('debrief.timeline.heading')),
      playback,
      lanes,
    ),
  );
  const layout = [
    h('a', { class: 'skip-link', href: '#main' }, t('app.skipToContent')),
    h(
      'header',
      { class: 'app-header' },
      h('a', { href: '/', class: 'app-header__brand' }, t('app.name')),
      h(
        'nav',
        { class: 'language-switch', 'aria-label': t('lang.label') },
        h(
          'ul',
          {},
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', lang: 'fr', 'aria-pressed': lang === 'fr' ? 'true' : 'false' },
              t('lang.fr'),
            ),
          ),
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', lang: 'en', 'aria-pressed': lang === 'en' ? 'true' : 'false' },
              t('lang.en'),
            ),
          ),
        ),
      ),
    ),
    h('main', { class: 'app-main', 'aria-busy': 'true' }, page),
  ];
  // Nothing in it answers a key or a click yet: out of the keyboard's and the screen reader's way.
  for (const element of layout) element.inert = true;
  // As React's first render, at 800 px; then at the scroller's width (one layout, here).
  const size = (width: number) => {
    sized(spacer, { width, height: LANES_HEIGHT });
    sized(view, { width, height: LANES_HEIGHT });
    sized(canvas, { width, height: LANES_HEIGHT });
  };
  size(800);
  root.append(...layout);
  const width = scroller.clientWidth > 0 ? scroller.clientWidth : 800;
  size(width);

  const ctx = canvas2d(canvas);
  if (!ctx) return null;
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(LANES_HEIGHT * ratio);
  const picture = fittedPicture({
    times: timeline.t,
    lanes: timeline.lanes,
    series,
    origin,
    duration: timeline.t[timeline.count - 1] ?? 0,
    width,
  });
  paintLanes(ctx, picture, paletteFor(canvas), ratio);
  // The marks and the moment's line, elements above the canvas as `TimelineLanes` places them.
  const { from, pxPerMs } = picture;
  const to = from + width / pxPerMs;
  for (const mark of debrief.marks ?? []) {
    if (Math.max(mark.t, origin) < from || mark.t > to) continue;
    const element = h('button', {
      type: 'button',
      class: `lanes__mark lanes__mark--${mark.kind}`,
      title: mark.comment,
      'aria-label': t('debrief.marks.jump', { time: format(mark.t), comment: mark.comment }),
    });
    element.style.left = `${(Math.max(mark.t, origin) - from) * pxPerMs}px`;
    element.style.top = `${CURVES_HEIGHT + RULER_HEIGHT}px`;
    view.append(element);
  }
  const cursorX = (Math.max(timeline.t[opening] ?? 0, origin) - from) * pxPerMs;
  if (cursorX >= 0 && cursorX <= width) {
    const cursor = h('div', { class: 'lanes__cursor', 'aria-hidden': 'true' });
    cursor.style.left = '0px';
    cursor.style.transform = `translateX(${cursorX}px)`;
    cursor.style.height = `${LANES_HEIGHT}px`;
    view.append(cursor);
  }
  view.setAttribute('data-markers', String(picture.markers.length));
  view.setAttribute('data-lanes-painted', 'true');
  return { canvas, width };
}
