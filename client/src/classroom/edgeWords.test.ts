// The group debrief's « Quand »: the library's training call's guarded edges in a trainer's words,
// in French and English, never the graph's notation (« [ … ] », « ≥ », « fait ≥ 3 fois »).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { parseScenario, scenarioGraphModel, type EngineMessage } from '@ecoute/engine';
import { translate } from '../i18n/catalogue.js';
import { engineText } from '../i18n/engineText.js';
import { edgeWhenWords } from './edgeWords.js';

const dir = new URL('../../../scenarios/', import.meta.url);
const parsed = parseScenario(readFileSync(new URL('appel-entrainement.yaml', dir), 'utf8'));
if (!parsed.ok) throw new Error('the training call should read');
const scenario = parsed.scenario;
const graph = scenarioGraphModel(scenario);
const guide = scenario.moves['guider_pas_a_pas']!.label;
const flag = scenario.flags['besoin_compris']!.label;

/** The edge of `move` whose condition is of `kind` (`condition.flag`, `condition.moveCount`). */
function edgeText(kind: string): EngineMessage {
  const edge = graph.edges.find(
    (e) =>
      e.text?.code === 'graph.guarded' &&
      (e.text.params?.guard as EngineMessage | undefined)?.code === kind &&
      e.label.startsWith(guide),
  );
  if (!edge?.text) throw new Error(`no edge of « ${guide} » with ${kind}`);
  return edge.text;
}
const notation = /[[\]≥≤]/;

describe('edgeWhenWords', () => {
  it('says which time of the move takes the edge: « à partir de la 3ᵉ fois »', () => {
    const fr = edgeWhenWords('fr', edgeText('condition.moveCount'));
    const nth = translate('fr', 'classroom.debrief.when.nth.other', { n: 3 });
    expect(fr).toBe(
      translate('fr', 'classroom.debrief.when.guardedTime', {
        trigger: guide,
        condition: translate('fr', 'classroom.debrief.when.time.ge', { nth }),
      }),
    );
    expect(fr).not.toMatch(notation);
    expect(fr).not.toContain(
      translate('fr', 'engine.condition.moveCount', { label: guide, op: '≥', value: 3, now: '' }),
    );
    expect(edgeWhenWords('en', edgeText('condition.moveCount'))).toBe(`${guide}, from the 3rd time on`);
  });

  it('says a flag as « une fois » it is set', () => {
    const fr = edgeWhenWords('fr', edgeText('condition.flag'));
    expect(fr).toBe(
      translate('fr', 'classroom.debrief.when.guardedOnce', {
        trigger: guide,
        condition: translate('fr', 'classroom.debrief.when.flag', { label: flag }),
      }),
    );
    expect(fr).not.toMatch(notation);
    expect(edgeWhenWords('en', edgeText('condition.flag'))).toBe(`${guide}, once “${flag}”`);
  });

  it('words comparisons, ordinals and another move’s count without signs', () => {
    const compare: EngineMessage = {
      code: 'graph.guarded',
      params: {
        trigger: { code: 'graph.move', params: { label: 'Reformuler' } },
        guard: {
          code: 'condition.and',
          params: {
            left: { code: 'condition.compare', params: { label: 'Détresse', op: '≥', value: 8, now: '' } },
            right: { code: 'condition.moveCount', params: { label: 'Écouter', op: '≥', value: 1, now: '' } },
          },
        },
      },
    };
    expect(edgeWhenWords('en', compare)).toBe(
      'Reformuler, if Détresse at 8 or more and “Écouter” done at least 1 time',
    );
    expect(edgeWhenWords('fr', compare)).not.toMatch(notation);
    const first: EngineMessage = {
      code: 'graph.guarded',
      params: {
        trigger: { code: 'graph.move', params: { label: 'Reformuler' } },
        guard: { code: 'condition.moveCount', params: { label: 'Reformuler', op: '=', value: 1, now: '' } },
      },
    };
    expect(edgeWhenWords('fr', first)).toBe('Reformuler, à la 1ʳᵉ fois');
    expect(edgeWhenWords('en', first)).toBe('Reformuler, the 1st time');
  });

  it('leaves an edge without a condition in the engine’s words', () => {
    const plain = graph.edges.find((e) => e.text && e.text.code !== 'graph.guarded')!.text!;
    expect(edgeWhenWords('en', plain)).toBe(engineText('en', plain));
  });
});
