// A caller who would say the same line twice, word for word, because the move that makes her say
// it stays in its state and nothing stops it from being played again: one warning per line and
// move, named by their texts and labels, at the line (where the forms add other wordings). A move
// played once only (a guard on a flag it sets, a count of itself, a target elsewhere, an
// immediate transition or the listener's `acted` that leaves the state) and a line with variants
// say nothing.
import { describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import { frenchText, msg } from '../messages.js';
import type { GuardConfig, ScenarioInput } from '../scenario/schema.js';
import { testScenario } from '../testing/fixtures.js';
import { lintScenario } from './lint.js';
import { VariantsLintCode } from './lint-variants.js';

type Machine = ScenarioInput['machine'];
const say = (line: string) => ({ type: 'say' as const, params: { line } });
const flag = (name: string, value?: boolean) => ({
  type: 'flag' as const,
  params: value === undefined ? { name } : { name, value },
});
const isFlag = (name: string): GuardConfig => ({ type: 'flag', params: { name } });
const notFlag = (name: string): GuardConfig => ({ type: 'not', params: { guard: isFlag(name) } });

/** The test call with `machine` (a state `ecoute` whose moves say `merci`), linted: its repeated lines. */
function repeated(machine: Machine, edit: (s: ScenarioInput) => void = () => {}) {
  const text = stringify(
    testScenario((s) => {
      s.machine = machine;
      edit(s);
    }),
  );
  return lintScenario('s.yaml', text).issues.filter((i) => i.code === VariantsLintCode.RepeatedLine);
}

/**
 * A call in `ecoute` (labelled « Elle écoute »), with `on` there, a way out (`informer` → fin) and
 * a move elsewhere that sets the flag `compris`.
 */
const inEcoute = (on: Record<string, unknown>, more: Record<string, unknown> = {}): Machine =>
  ({
    id: 'call',
    initial: 'ecoute',
    states: {
      ecoute: {
        label: 'Elle écoute',
        on: { informer: 'fin', jamais: { target: 'ailleurs', actions: [flag('compris')] }, ...on },
        ...more,
      },
      ailleurs: { on: { informer: 'fin' } },
      fin: { type: 'final', entry: [{ type: 'end', params: { ending: 'ok' } }] },
    },
  }) as Machine;

const warningFor = (
  move: string,
  line: string,
  where = msg('lint.repeated_line.state', { label: 'Elle écoute' }),
) => msg('lint.repeated_line', { line, move, where });

describe('repeated line lint', () => {
  it('warns about a move without target that says a line without variants, named by texts and labels, at the line', () => {
    const issues = repeated(inEcoute({ ecouter: { actions: [say('merci')] } }));
    expect(issues.map((i) => [i.severity, i.text])).toEqual([['warning', warningFor('Écouter', 'Merci.')]]);
    const [issue] = issues;
    expect(issue?.message).toBe(frenchText(issue!.text!));
    expect(issue?.message).toMatch(/^réplique «\u00a0Merci\.\u00a0» redite mot pour mot/);
    expect(issue?.message).toContain(
      "l'action «\u00a0Écouter\u00a0» la fait dire dans l'état «\u00a0Elle écoute\u00a0»",
    );
    // How to mend it: the line's other wordings, in the forms or in the text.
    expect(issue?.message).toContain(
      'onglet «\u00a0Répliques\u00a0», champ «\u00a0Autres formulations\u00a0»',
    );
    expect(issue?.message).toContain('une liste variants sous la réplique');
    // At the line (`merci:` in `lines`), where « Corriger dans les formulaires » leads.
    const text = stringify(
      testScenario((s) => (s.machine = inEcoute({ ecouter: { actions: [say('merci')] } }))),
    );
    expect(text.split('\n')[issue!.line! - 1]).toMatch(/^ {2}merci:/);
  });

  it('warns about a self-loop, a move of the whole call, and each line a move says', () => {
    expect(
      repeated(
        inEcoute({ ecouter: { target: 'ecoute', reenter: true, actions: [say('merci'), say('aie')] } }),
      ).map((i) => i.text),
    ).toEqual([warningFor('Écouter', 'Merci.'), warningFor('Écouter', 'Pas encore…')]);
    expect(
      repeated({ ...inEcoute({}), on: { agir: { actions: [say('aie')] } } } as Machine).map((i) => i.text),
    ).toEqual([warningFor('Agir', 'Pas encore…', msg('lint.repeated_line.anywhere'))]);
    // A self-loop says the lines of entering the state again too.
    expect(
      repeated(inEcoute({ ecouter: { target: 'ecoute', reenter: true } }, { entry: [say('bonjour')] })).map(
        (i) => i.text,
      ),
    ).toEqual([warningFor('Écouter', 'Bonjour ?')]);
  });

  it('warns where a guard lets the move come back: a fallback, a count above one, the same line under two guards', () => {
    // Guided too early: the fallback is taken as long as the flag is not set, and it does not set it.
    expect(
      repeated(
        inEcoute({ agir: [{ guard: isFlag('compris'), target: 'ailleurs' }, { actions: [say('aie')] }] }),
      ).map((i) => i.text),
    ).toEqual([warningFor('Agir', 'Pas encore…')]);
    expect(
      repeated(
        inEcoute({
          agir: [
            {
              guard: { type: 'moveCount', params: { move: 'agir', op: '>=', value: 3 } },
              target: 'ailleurs',
            },
            { actions: [say('aie')] },
          ],
        }),
      ).map((i) => i.text),
    ).toEqual([warningFor('Agir', 'Pas encore…')]);
    expect(
      repeated(
        inEcoute({
          ecouter: {
            guard: { type: 'moveCount', params: { move: 'ecouter', op: '<=', value: 2 } },
            actions: [say('merci')],
          },
        }),
      ).map((i) => i.text),
    ).toEqual([warningFor('Écouter', 'Merci.')]);
    // Said once under a threshold (setting the flag), then under the flag: twice in a row.
    expect(
      repeated(
        inEcoute({
          ecouter: [
            { guard: isFlag('dit'), actions: [say('merci')] },
            {
              guard: { type: 'compare', params: { variable: 'confiance', op: '>=', value: 3 } },
              actions: [say('merci'), flag('dit')],
            },
            { actions: [say('aie')] },
          ],
        }),
      ).map((i) => i.text),
    ).toEqual([warningFor('Écouter', 'Merci.'), warningFor('Écouter', 'Pas encore…')]);
  });

  it('says nothing of a line with variants, nor of a move played once only', () => {
    const once = (on: Record<string, unknown>, more?: Record<string, unknown>) =>
      repeated(inEcoute(on, more));
    expect(
      repeated(inEcoute({ ecouter: { actions: [say('merci')] } }), (s) => {
        s.lines['merci'] = { text: 'Merci.', variants: ['Merci bien.', 'Merci, vraiment.'] };
      }),
    ).toEqual([]);
    // A target elsewhere; a guard on a flag it sets; a count of itself that stops at one.
    expect(once({ ecouter: { target: 'ailleurs', actions: [say('merci')] } })).toEqual([]);
    expect(once({ ecouter: { guard: notFlag('dit'), actions: [say('merci'), flag('dit')] } })).toEqual([]);
    expect(
      once({
        ecouter: {
          guard: { type: 'moveCount', params: { move: 'ecouter', op: '<=', value: 1 } },
          actions: [say('merci')],
        },
      }),
    ).toEqual([]);
    // The flag's fallback: once the flag is set, the first candidate answers.
    expect(
      once({
        ecouter: [{ guard: isFlag('dit'), target: 'ailleurs' }, { actions: [say('merci'), flag('dit')] }],
      }),
    ).toEqual([]);
    // A threshold its own adjustment crosses: below 3 before, 8 at least after.
    expect(
      once({
        ecouter: {
          guard: { type: 'compare', params: { variable: 'confiance', op: '<', value: 3 } },
          actions: [say('merci'), { type: 'adjust', params: { variable: 'confiance', by: 5 } }],
        },
      }),
    ).toEqual([]);
    // An immediate transition that leaves the state once the move set its flag.
    expect(
      once(
        { ecouter: { actions: [say('merci'), flag('coupe')] } },
        { always: { guard: isFlag('coupe'), target: 'ailleurs' } },
      ),
    ).toEqual([]);
    // The listener's `acted`, sent right after a heard move, that leaves the state.
    expect(once({ ecouter: { actions: [say('merci')] }, acted: 'ailleurs' })).toEqual([]);
    // A state entered below that takes the move itself answers it the next time.
    expect(
      repeated({
        id: 'call',
        initial: 'ecoute',
        states: {
          ecoute: {
            initial: 'a',
            on: { informer: 'fin', ecouter: { target: '.b', actions: [say('merci')] } },
            states: { a: {}, b: { on: { ecouter: '#call.fin' } } },
          },
          fin: { type: 'final', entry: [{ type: 'end', params: { ending: 'ok' } }] },
        },
      } as Machine),
    ).toEqual([]);
  });

  it('still warns when only `acted` would leave, for a move the caller does not hear', () => {
    expect(
      repeated(inEcoute({ ecouter: { actions: [say('merci')] }, acted: 'ailleurs' }), (s) => {
        s.moves['ecouter'] = { ...s.moves['ecouter']!, heard: false };
      }).map((i) => i.text),
    ).toEqual([warningFor('Écouter', 'Merci.')]);
  });
});
