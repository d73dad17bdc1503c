// The group debrief's tab: the comparison shown as soon as the tab is, with no menu when the
// class played one scenario; a menu when it played several; a sentence before any round; what
// is loading said meanwhile.
import { useState } from 'react';
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen } from '@testing-library/react';
import type { ClassCall, GroupDebrief } from '@ecoute/protocol';
import { translate } from '../i18n/catalogue.js';
import { renderWithSession } from '../test/renderWithSession.js';
import type { ApiResult } from '../ui/requestJson.js';
import { GroupDebriefTab, type LoadGroupDebrief } from './GroupDebriefTab.js';

const call = (round: number, scenarioId: string, scenarioTitle: string): ClassCall => ({
  sessionId: `s${round}-${scenarioId}`,
  round,
  group: 1,
  scenarioId,
  scenarioTitle,
  members: [],
  status: 'ended',
  outcome: null,
  trainerLink: null,
  observerLink: null,
});
const debriefOf = (id: string, title: string): GroupDebrief => ({
  classId: 'c',
  scenario: { id, title },
  graph: { nodes: [], edges: [] },
  transitions: [],
  calls: [],
});

/** The debrief's answers, given by the test when it says so; each request remembered. */
function pendingLoads() {
  const asked: { scenarioId: string; answer: (r: ApiResult<GroupDebrief>) => void }[] = [];
  const load = (_classId: string, scenarioId: string) =>
    new Promise<ApiResult<GroupDebrief>>((answer) => asked.push({ scenarioId, answer }));
  return { asked, load };
}
/** The tab hidden until the test's « show » (the class page's tab selected). */
function ShownLater({ calls, load }: { calls: ClassCall[]; load: LoadGroupDebrief }) {
  const [shown, setShown] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setShown(true)}>
        show
      </button>
      <GroupDebriefTab classId="c" calls={calls} shown={shown} load={load} />
    </>
  );
}
const transitionsHeading = () =>
  screen.queryByRole('heading', { name: translate('fr', 'classroom.debrief.transitions') });

describe('GroupDebriefTab', () => {
  it('with one scenario played: no menu, its comparison as soon as the tab is shown, the loading said', async () => {
    const { asked, load } = pendingLoads();
    const calls = [call(1, 'appel', "Appel d'entraînement"), call(2, 'appel', "Appel d'entraînement")];
    renderWithSession(<ShownLater calls={calls} load={load} />);
    expect(asked).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'show' }));
    expect(asked.map((a) => a.scenarioId)).toEqual(['appel']);
    expect(screen.getByRole('status').textContent).toBe(translate('fr', 'classroom.debrief.loading'));
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button', { name: translate('fr', 'classroom.debrief.load') })).toBeNull();
    const named = `${translate('fr', 'classroom.debrief.scenario')}${translate('fr', 'ui.separator.colon')}Appel d'entraînement`;
    expect(screen.getByText(named, { normalizer: (text) => text })).toBeTruthy();
    await act(async () => asked[0]!.answer({ ok: true, data: debriefOf('appel', "Appel d'entraînement") }));
    expect(transitionsHeading()).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('with several: a menu on the last round’s scenario, compared at once; another on « Comparer les appels »', async () => {
    const { asked, load } = pendingLoads();
    const calls = [call(1, 'a', 'Premier appel'), call(2, 'b', 'Second appel')];
    renderWithSession(<GroupDebriefTab classId="c" calls={calls} shown load={load} />);
    const menu = screen.getByRole('combobox', { name: translate('fr', 'classroom.debrief.scenario') });
    expect((menu as HTMLSelectElement).value).toBe('b');
    expect(asked.map((a) => a.scenarioId)).toEqual(['b']);
    fireEvent.change(menu, { target: { value: 'a' } });
    expect(asked).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: translate('fr', 'classroom.debrief.load') }));
    expect(asked.map((a) => a.scenarioId)).toEqual(['b', 'a']);
    // The first answer, come late, is not the one shown.
    await act(async () => asked[1]!.answer({ ok: true, data: debriefOf('a', 'Premier appel') }));
    await act(async () => asked[0]!.answer({ ok: true, data: debriefOf('b', 'Second appel') }));
    expect(transitionsHeading()).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('before any round: says so, asks nothing', () => {
    const { asked, load } = pendingLoads();
    renderWithSession(<GroupDebriefTab classId="c" calls={[]} shown load={load} />);
    expect(screen.getByRole('status').textContent).toBe(translate('fr', 'classroom.debrief.noCalls'));
    expect(asked).toEqual([]);
  });
});
