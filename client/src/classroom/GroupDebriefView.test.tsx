import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import type { GroupDebrief, GroupDebriefCall } from '@ecoute/protocol';
import { translate } from '../i18n/catalogue.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { GroupDebriefView } from './GroupDebriefView.js';

const call = (n: number, outcome: GroupDebriefCall['measures']['outcome']): GroupDebriefCall => ({
  sessionId: `s${n}`,
  round: 1,
  group: n,
  listener: `Écoutant ${n}`,
  path: [],
  transitions: [],
  measures: { timeToPickup: null, timeToFirstOpenQuestion: null, timeToAlertColleague: null, outcome },
  rubric: [],
});

const debrief: GroupDebrief = {
  classId: 'c',
  scenario: { id: 'x', title: "Appel d'entraînement" },
  graph: { nodes: [], edges: [] },
  transitions: [],
  calls: [
    call(1, {
      ending: null,
      outcome: null,
      reason: 'trainer',
      message: 'Appel terminé par le formateur ou la formatrice.',
      at: { seq: 9, t: 60_000 },
    }),
    call(2, {
      ending: 'perdue',
      outcome: null,
      reason: 'scenario',
      message: 'Elle raccroche, perdue.',
      at: { seq: 12, t: 90_000 },
    }),
  ],
};

describe('GroupDebriefView, each call’s outcome in English', () => {
  it('says a call the trainer ended in the page’s words; an ending’s own message stays French', () => {
    renderWithSession(<GroupDebriefView debrief={debrief} />, { lang: 'en' });
    expect(screen.getByRole('link', { name: translate('en', 'endReason.trainer') })).toBeTruthy();
    expect(screen.queryByText(/formateur/)).toBeNull();
    expect(screen.getByText('Elle raccroche, perdue.').getAttribute('lang')).toBe('fr');
  });
});

describe('GroupDebriefView, the paths taken', () => {
  it('says when a call took a transition in words, not the graph’s notation', () => {
    const guarded: GroupDebrief = {
      ...debrief,
      graph: {
        nodes: [
          { id: 'a', label: 'Guidage pas à pas', parent: null, type: 'atomic', description: null },
          { id: 'b', label: 'Connectée', parent: null, type: 'final', description: null },
        ],
        edges: [
          {
            id: 't1',
            source: 'a',
            target: 'b',
            label: 'Guider pas à pas [« Guider pas à pas » fait ≥ 3 fois]',
            kind: 'move',
            text: {
              code: 'graph.guarded',
              params: {
                trigger: { code: 'graph.move', params: { label: 'Guider pas à pas' } },
                guard: {
                  code: 'condition.moveCount',
                  params: { label: 'Guider pas à pas', op: '≥', value: 3, now: '' },
                },
              },
            },
          },
        ],
      },
      transitions: [{ edge: 't1', from: 'a', to: null, calls: 2, times: 2 }],
    };
    renderWithSession(<GroupDebriefView debrief={guarded} />);
    const nth = translate('fr', 'classroom.debrief.when.nth.other', { n: 3 });
    expect(
      screen.getByRole('cell', {
        name: translate('fr', 'classroom.debrief.when.guardedTime', {
          trigger: 'Guider pas à pas',
          condition: translate('fr', 'classroom.debrief.when.time.ge', { nth }),
        }),
      }),
    ).toBeTruthy();
    expect(screen.getByRole('cell', { name: translate('fr', 'classroom.debrief.stays') })).toBeTruthy();
    expect(screen.queryByText(/\[|≥/)).toBeNull();
  });
});
