// The studio's columns: the forms first, the call's text (YAML) folded under them, the graph beside;
// the text unfolded by a click stays unfolded in this browser, a problem's « Aller à la ligne »
// unfolds it for the visit only. A read-only call (no forms) shows its text open.
import { afterEach, describe, expect, it } from '@jest/globals';
import { act, fireEvent, renderHook, screen } from '@testing-library/react';
import { renderWithSession } from '../test/renderWithSession.js';
import { BLANK, fr_ } from '../test/studioHarness.js';
import { STORED_SWITCHES } from '../ui/useStoredSwitch.js';
import { FormsPanel } from './forms/FormsPanel.js';
import { StudioPanes } from './StudioPanes.js';
import { TextFold, useTextFold } from './TextFold.js';
import { plainOf } from './yamlEdit/document.js';

afterEach(() => window.localStorage.clear());

function Studio({ readOnly = false, playing = false }: { readOnly?: boolean; playing?: boolean }) {
  const fold = useTextFold();
  return (
    <StudioPanes
      playing={playing}
      forms={readOnly ? null : <FormsPanel data={plainOf(BLANK)} edit={() => undefined} states={[]} />}
      text={
        <TextFold
          fold={readOnly ? null : fold}
          headingId="text"
          heading={fr_('editor.text')}
          intro={fr_('studio.forms.intro')}
        >
          <textarea aria-label={fr_('editor.textLabel')} defaultValue={BLANK} />
        </TextFold>
      }
      graph={
        <section className="studio__graph" aria-labelledby="states">
          <h2 id="states">{fr_('editor.states')}</h2>
        </section>
      }
    />
  );
}

const text = () => screen.getByRole('textbox', { name: fr_('editor.textLabel') });
const folded = () => text().closest('details')?.open === false;
const summary = () => screen.getByRole('heading', { level: 2, name: fr_('editor.text') }).closest('summary')!;
const before = (a: Element, b: Element) =>
  (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

describe("the studio's columns", () => {
  it('open on the forms, the text folded under them, then the graph; headings in order', () => {
    renderWithSession(<Studio />);
    const firstField = screen.getByRole('textbox', { name: fr_('studio.forms.call.title') });
    expect(before(firstField, summary())).toBe(true);
    expect(before(summary(), screen.getByRole('heading', { name: fr_('editor.states') }))).toBe(true);
    expect(folded()).toBe(true);
    const headings = screen.getAllByRole('heading').map((h) => ({
      level: Number(h.tagName.slice(1)),
      name: h.textContent,
    }));
    expect(headings.filter((h) => h.level === 2).map((h) => h.name)).toEqual([
      fr_('studio.forms.heading'),
      fr_('editor.text'),
      fr_('editor.states'),
    ]);
    // No level skipped on the way down (h2 → h3 → h4).
    headings.reduce((last, h) => {
      expect(h.level).toBeLessThanOrEqual(last + 1);
      return h.level;
    }, 1);
  });

  it('keeps the text unfolded in this browser once a click unfolds it, and folded once folded again', () => {
    const first = renderWithSession(<Studio />);
    fireEvent.click(summary());
    expect(folded()).toBe(false);
    expect(window.localStorage.getItem(STORED_SWITCHES.studioText)).toBe('on');
    first.unmount();
    // Another visit (a reload): the text opens unfolded.
    const again = renderWithSession(<Studio />);
    expect(folded()).toBe(false);
    fireEvent.click(summary());
    expect(folded()).toBe(true);
    again.unmount();
    renderWithSession(<Studio />);
    expect(folded()).toBe(true);
  });

  it('unfolds for a problem pointing at a line without keeping it; a read-only call shows its text', () => {
    const fold = renderHook(() => useTextFold());
    act(() => fold.result.current.reveal());
    expect(fold.result.current.open).toBe(true);
    expect(window.localStorage.getItem(STORED_SWITCHES.studioText)).toBeNull();
    // Folded again by hand: that is the kept choice.
    act(() => fold.result.current.toggle());
    expect(fold.result.current.open).toBe(false);
    expect(window.localStorage.getItem(STORED_SWITCHES.studioText)).toBe('off');

    renderWithSession(<Studio readOnly />);
    expect(text().closest('details')).toBeNull();
    expect(screen.queryByRole('heading', { name: fr_('studio.forms.heading') })).toBeNull();
  });

  it('puts the graph first while a test plays', () => {
    renderWithSession(<Studio playing />);
    expect(before(screen.getByRole('heading', { name: fr_('editor.states') }), summary())).toBe(true);
    expect(folded()).toBe(true);
  });
});
