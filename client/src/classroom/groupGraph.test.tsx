// The group debrief's graph: the server's counts per edge become, per drawn edge, how many calls
// took it — written on the edge (« 3 appels ») and by its thickness, loops included — and one
// chosen call's path is highlighted; the transitions' table is the graph's text form.
import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import type { ScenarioGraph } from '@ecoute/engine';
import type { GroupDebrief, GroupDebriefCall } from '@ecoute/protocol';
import { flowEdges } from '../charts/flowEdges.js';
import { edgeKey } from '../charts/graphPath.js';
import { stateRects } from '../charts/graphCanvas.js';
import { groupTitleRoom, layoutGraph } from '../charts/layoutGraph.js';
import { translate, type MessageParams } from '../i18n/catalogue.js';
import type { MessageKey } from '../i18n/fr.js';
import { renderWithSession } from '../test/renderWithSession.js';
import { GroupDebriefView } from './GroupDebriefView.js';
import { edgeCallCounts, groupHighlight } from './groupGraph.js';

const node = (
  id: string,
  label: string,
  parent: string | null = null,
  type: 'atomic' | 'compound' = 'atomic',
) => ({
  id,
  label,
  parent,
  type,
  description: null,
});
const edge = (id: string, source: string, target: string | null, label: string) => ({
  id,
  source,
  target,
  label,
  kind: 'move' as const,
});

const graph: ScenarioGraph = {
  nodes: [
    node('accueil', 'Accueil'),
    node('ecoute', 'Elle explique', null, 'compound'),
    node('ecoute.en_ligne', 'En ligne', 'ecoute'),
    node('rappel', 'Rappel convenu'),
  ],
  edges: [
    edge('accueil|se_presenter|0', 'accueil', 'ecoute', 'Se présenter'),
    edge('ecoute|acted|0', 'ecoute', 'ecoute.en_ligne', 'Après une action'),
    edge('ecoute.en_ligne|after 20000|0', 'ecoute.en_ligne', 'ecoute.en_ligne', 'après 20 s'),
    edge('ecoute|reformuler|0', 'ecoute', null, 'Reformuler'),
    edge('ecoute|proposer_rappel|0', 'ecoute', 'rappel', 'Proposer un rappel'),
    edge('|sonnette|0', '', null, 'Sonnette'),
  ],
};

const call = (n: number, edges: [string, number][], path: string[]): GroupDebriefCall => ({
  sessionId: `s${n}`,
  round: 1,
  group: n,
  listener: `Écoutant ${n}`,
  path: path.map((state, i) => ({ state, at: { seq: i + 1, t: i * 1000 } })),
  transitions: edges.map(([id, times]) => ({ edge: id, times })),
  measures: { timeToPickup: null, timeToFirstOpenQuestion: null, timeToAlertColleague: null, outcome: null },
  rubric: [],
});

const debrief: GroupDebrief = {
  classId: 'c',
  scenario: { id: 'x', title: 'X' },
  graph,
  transitions: [
    { edge: 'accueil|se_presenter|0', from: 'accueil', to: 'ecoute', calls: 3, times: 3 },
    { edge: 'ecoute|acted|0', from: 'ecoute', to: 'ecoute.en_ligne', calls: 3, times: 4 },
    { edge: 'ecoute|reformuler|0', from: 'ecoute', to: null, calls: 1, times: 1 },
    { edge: 'ecoute|proposer_rappel|0', from: 'ecoute', to: 'rappel', calls: 1, times: 1 },
    {
      edge: 'ecoute.en_ligne|after 20000|0',
      from: 'ecoute.en_ligne',
      to: 'ecoute.en_ligne',
      calls: 1,
      times: 2,
    },
    { edge: '|sonnette|0', from: '', to: null, calls: 1, times: 1 },
  ],
  calls: [
    call(
      1,
      [
        ['accueil|se_presenter|0', 1],
        ['ecoute|acted|0', 1],
      ],
      ['accueil', 'ecoute.en_ligne'],
    ),
    call(
      2,
      [
        ['accueil|se_presenter|0', 1],
        ['ecoute|acted|0', 2],
        ['ecoute.en_ligne|after 20000|0', 2],
        ['ecoute|reformuler|0', 1],
        ['|sonnette|0', 1],
      ],
      ['accueil', 'ecoute.en_ligne'],
    ),
    call(
      3,
      [
        ['accueil|se_presenter|0', 1],
        ['ecoute|acted|0', 1],
        ['ecoute|proposer_rappel|0', 1],
      ],
      ['accueil', 'ecoute.en_ligne', 'rappel'],
    ),
  ],
};

const i18n = {
  lang: 'fr' as const,
  t: (key: MessageKey, params?: MessageParams) => translate('fr', key, params),
};
const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));

describe('the group debrief graph', () => {
  it('counts the calls per drawn edge: transitions between states, loops of self-transitions and reactions', () => {
    expect(edgeCallCounts(debrief)).toEqual(
      new Map([
        [edgeKey('accueil', 'ecoute'), 3],
        [edgeKey('ecoute', 'ecoute.en_ligne'), 3],
        // The timer's self-transition and the reaction of another state: one loop each.
        [edgeKey('ecoute.en_ligne', 'ecoute.en_ligne'), 1],
        [edgeKey('ecoute', 'ecoute'), 1],
        [edgeKey('ecoute', 'rappel'), 1],
      ]),
    );
  });

  it('starts an edge from a group into its own state under the group’s title, not across it', async () => {
    // « Elle explique son problème » on two lines: the edge into « En ligne » ran down from the
    // group's top through its title.
    const layout = await layoutGraph(graph, undefined, true);
    const group = stateRects(layout).get('ecoute')!;
    const key = edgeKey('ecoute', 'ecoute.en_ligne');
    const title = group.y + groupTitleRoom(true) - 6;
    expect(layout.edges.find((edge) => edge.key === key)!.points[0]!.y).toBeLessThan(title);
    const edges = flowEdges(layout, groupHighlight(debrief, null), i18n, labels, edgeCallCounts(debrief));
    const points = edges.find((edge) => edge.id === key)!.data!.points;
    expect(points.length).toBeGreaterThanOrEqual(2);
    for (const point of points) expect(point.y).toBeGreaterThanOrEqual(title);
  });

  it('writes each edge’s number of calls on it, thicker as more calls took it', async () => {
    const counts = edgeCallCounts(debrief);
    const layout = await layoutGraph(graph, undefined, true);
    const edges = new Map(
      flowEdges(layout, groupHighlight(debrief, null), i18n, labels, counts).map((e) => [e.id, e]),
    );
    const into = edges.get(edgeKey('accueil', 'ecoute'))!;
    expect(into.label).toBe('3 appels');
    expect(into.ariaLabel).toContain('3 appels');
    const loop = edges.get(edgeKey('ecoute.en_ligne', 'ecoute.en_ligne'))!;
    expect(loop.label).toBe('1 appel');
    expect(loop.data?.loopWidth).toBeGreaterThan(0);
    expect(edges.get(edgeKey('ecoute', 'ecoute'))!.label).toBe('1 appel');
    const thick = (id: string) => Number(edges.get(id)!.style?.strokeWidth);
    expect(thick(edgeKey('accueil', 'ecoute'))).toBeGreaterThan(thick(edgeKey('ecoute', 'rappel')));
    // Without counts (the trainer's graph): no loops, no numbers.
    const plain = flowEdges(await layoutGraph(graph), groupHighlight(debrief, null), i18n, labels);
    expect(plain.some((e) => e.source === e.target)).toBe(false);
    expect(plain.some((e) => e.label !== undefined)).toBe(false);
  }, 20_000);

  it('highlights the edges one chosen call took', async () => {
    const layout = await layoutGraph(graph, undefined, true);
    const taken = flowEdges(layout, groupHighlight(debrief, 's3'), i18n, labels, edgeCallCounts(debrief))
      .filter((e) => e.className?.includes('state-edge--taken'))
      .map((e) => e.id)
      .sort();
    expect(taken).toEqual(
      [
        edgeKey('accueil', 'ecoute'),
        edgeKey('ecoute', 'ecoute.en_ligne'),
        edgeKey('ecoute', 'rappel'),
      ].sort(),
    );
    expect([...groupHighlight(debrief, 's3').visited].sort()).toEqual(
      ['accueil', 'ecoute', 'ecoute.en_ligne', 'rappel'].sort(),
    );
  }, 20_000);

  it('puts the measures in a box that scrolls by keyboard, named as a table (cut at 390 px)', () => {
    renderWithSession(<GroupDebriefView debrief={debrief} />);
    // The rubric's table (none in this debrief) is in one the same way.
    for (const table of ['Mesures']) {
      const box = screen.getByRole('region', { name: `Tableau\u00a0: ${table}` });
      expect(box.getAttribute('tabindex')).toBe('0');
      expect(within(box).getByRole('table')).toBeTruthy();
    }
  });

  it('writes the measures as durations, each a link to its moment', () => {
    const timed: GroupDebrief = {
      ...debrief,
      calls: debrief.calls.map((c, i) =>
        i === 0
          ? {
              ...c,
              measures: {
                ...c.measures,
                timeToPickup: { ms: 3_000, from: null, to: { seq: 2, t: 3_000 } },
                timeToFirstOpenQuestion: {
                  ms: 65_000,
                  from: { seq: 2, t: 3_000 },
                  to: { seq: 9, t: 68_000 },
                },
              },
            }
          : c,
      ),
    };
    renderWithSession(<GroupDebriefView debrief={timed} />);
    const table = screen.getByRole('table', { name: i18n.t('classroom.debrief.measures') });
    const callName = i18n.t('classroom.debrief.call', { group: 1, round: 1, name: 'Écoutant 1' });
    const row = within(table).getByRole('row', { name: (name) => name.startsWith(callName) });
    const pickup = within(row).getByRole('link', { name: i18n.t('debrief.span.seconds', { seconds: 3 }) });
    expect(pickup.getAttribute('href')).toBe('/debrief/s1?seq=2');
    expect(
      within(row).getByRole('link', { name: i18n.t('debrief.span.minutes', { minutes: 1, seconds: '05' }) }),
    ).toBeTruthy();
  });

  it('gives the transitions as a table (from, when, to, calls), and the chosen call’s times', () => {
    renderWithSession(<GroupDebriefView debrief={debrief} />);
    const table = within(screen.getByRole('region', { name: "Chemins pris (nombre d'appels)" })).getByRole(
      'table',
    );
    const rows = within(table).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'DeQuandVersAppels',
      'AccueilSe présenterElle explique3',
      'Elle expliqueAprès une actionEn ligne3',
      `Elle expliqueReformuler${i18n.t('classroom.debrief.stays')}1`,
      'Elle expliqueProposer un rappelRappel convenu1',
      'En ligneaprès 20 sEn ligne1',
      `${i18n.t('classroom.debrief.anyState')}Sonnette${i18n.t('classroom.debrief.stays')}1`,
    ]);
    fireEvent.change(screen.getByRole('combobox', { name: 'Chemin mis en évidence' }), {
      target: { value: 's2' },
    });
    const chosen = within(table).getAllByRole('row');
    expect(chosen[0]!.textContent).toBe("DeQuandVersAppelsFois dans l'appel choisi");
    expect(chosen.map((row) => row.lastElementChild!.textContent)).toEqual([
      "Fois dans l'appel choisi",
      '1',
      '2',
      '1',
      '—',
      '2',
      '1',
    ]);
  });
});
