// The engine's words as codes and parameters: what the studio words in its page's language. The
// French `message` the command line prints is the same message worded with the engine's templates.
import { describe, expect, it } from '@jest/globals';
import { stringify } from 'yaml';
import {
  ENGINE_MESSAGE_CODES,
  ENGINE_MESSAGES,
  frenchText,
  wordMessage,
  type EngineMessage,
} from './messages.js';
import { compileScenario } from './scenario/compile.js';
import { ScenarioError } from './scenario/issues.js';
import { parseScenario } from './scenario/parse.js';
import type { Scenario, ScenarioInput } from './scenario/schema.js';
import { startTestRun, testScenario, testScenarioInput } from './testing/fixtures.js';
import { lintPlayThroughs, lintScenario } from './tools/lint.js';
import { parsePlayThroughs } from './tools/play-throughs.js';
import { runPlayThrough, runScenarioTests } from './tools/test-runner.js';
import { scenarioGraphModel } from './views/graph-model.js';

const lintOf = (edit: (s: ScenarioInput) => void) => {
  const input = testScenarioInput();
  edit(input);
  return lintScenario('appel-test.yaml', stringify(input)).issues;
};

/** Every code a message uses, its parameters' included. */
const codesOf = (message: EngineMessage): string[] => [
  message.code,
  ...Object.values(message.params ?? {}).flatMap((p) =>
    typeof p === 'object' && 'code' in p ? codesOf(p) : [],
  ),
];

// An English-like table: a template per code, each parameter shown, to see what goes where.
const tagged = (message: EngineMessage) =>
  wordMessage(message, (code) =>
    [`<${code}>`, ...(ENGINE_MESSAGES[code].match(/\{\w+\}/g) ?? []).map((placeholder) => placeholder)].join(
      ' ',
    ),
  );

describe('lint issues as codes with parameters', () => {
  const issues = [
    ...lintOf((s) => {
      s.variables['fatigue'] = { label: 'Fatigue', min: 0, max: 10, initial: 0 };
      s.lines['jamais_dite'] = { text: 'Personne ne me dit (soupir).' };
      s.injects = { ...s.injects, orage: { label: 'Orage', help: 'Un orage.' } };
      s.summary = 'TODO';
      s.machine.states['perdu'] = { label: 'Perdu', on: { ecouter: { target: 'debut' } } };
      s.machine.states['debut']!.on!['informer'] = [{ target: 'fin_ok' }, { target: 'milieu' }];
      delete s.rubric;
    }),
    ...lintOf((s) => {
      s.machine.states['impasse'] = { label: 'Impasse' };
      s.machine.states['debut']!.on!['agir'] = { target: 'impasse' };
    }),
  ];

  it('gives each issue its message as a code and parameters, worded in French as `message`', () => {
    expect(issues.length).toBeGreaterThan(8);
    for (const issue of issues) {
      expect(issue.text).toBeDefined();
      expect({ code: issue.code, message: frenchText(issue.text!) }).toEqual({
        code: issue.code,
        message: issue.message,
      });
    }
    expect(issues.map((i) => i.text!.code).sort()).toEqual(
      expect.arrayContaining([
        'lint.dead_end',
        'lint.inject_never_offered',
        'lint.line_never_said',
        'lint.missing_rubric',
        'lint.placeholder_text',
        'lint.spoken_direction',
        'lint.unreachable_state',
        'lint.unreachable_transition',
        'lint.unused_variable',
      ]),
    );
  });

  it('names the labels as parameters, not inside the words', () => {
    const unreachable = issues.find((i) => i.text?.code === 'lint.unreachable_state');
    expect(unreachable?.text).toEqual({ code: 'lint.unreachable_state', params: { state: 'Perdu' } });
    const shadowed = issues.find((i) => i.text?.code === 'lint.unreachable_transition');
    expect(tagged(shadowed!.text!)).toBe(
      '<lint.unreachable_transition> <lint.transition.state> Debut <lint.transition.event> Informer' +
        ' <lint.transition.target> Fin ok <lint.transition.target> Milieu',
    );
  });

  it('codes the play-through lint too', () => {
    const issues = lintPlayThroughs(
      'tests/appel-test.tests.yaml',
      stringify({
        scenario: 'appel-test',
        tests: [
          {
            name: 't',
            steps: [
              { at: 0, pickup: true },
              { at: 1000, move: 'danser' },
            ],
            end: { ending: 'ok', outcome: 'best' },
          },
        ],
      }),
      testScenario(),
    );
    expect(issues.map((i) => [i.text?.code, i.message])).toEqual([
      ['lint.test.move_missing', expect.any(String)],
    ]);
  });
});

describe('parse errors as codes with parameters', () => {
  it("gives each its message as a code, yaml's and zod's words in both languages", () => {
    const text = stringify(testScenarioInput());
    const errors = (broken: string) => {
      const parsed = parseScenario(broken, 'appel.yaml');
      if (parsed.ok) throw new Error('it parsed');
      return parsed.errors;
    };
    const all = [
      ...errors(`${text}\ntitle: encore`),
      ...errors(text.replace('durationMinutes: 5', 'durationMinutes: cinq')),
      ...errors(text.replace('\nmachine:', '\n\tmachine:')),
      ...errors(text.replace('type: say', 'type: chanter')),
    ];
    for (const issue of all) expect(frenchText(issue.text!)).toBe(issue.message);
    expect(all.map((issue) => codesOf(issue.text!).slice(0, 2))).toEqual([
      ['parse.in_file', 'parse.duplicate_key'],
      ['parse.in_file', 'parse.schema'],
      ...all.slice(2, -1).map(() => ['parse.in_file', 'parse.yaml']),
      ['parse.in_file', 'parse.unknown_action'],
    ]);
    const schema = all[1]!.text!.params!['message'] as EngineMessage;
    expect(schema.params!['detail']).toEqual({
      fr: 'Entrée invalide\u00a0: nombre attendu, chaîne de caractères reçue',
      en: 'Invalid input: expected number, received string',
    });
    expect(wordMessage(schema, (code) => ENGINE_MESSAGES[code], 'en')).toBe(
      'Invalid input: expected number, received string',
    );
  });
});

describe('reference errors as codes with parameters', () => {
  it('names what is missing as a parameter', () => {
    const parsed = parseScenario(
      stringify({ ...testScenarioInput(), hangupEnding: 'rien' }).replace(
        /line: bonjour\b/,
        'line: inconnue',
      ),
    );
    if (parsed.ok) throw new Error('it parsed');
    for (const issue of parsed.errors) expect(frenchText(issue.text!)).toBe(issue.message);
    expect(parsed.errors.map((issue) => issue.text)).toEqual([
      { code: 'ref.hangup_ending', params: { ending: 'rien' } },
      { code: 'ref.line_missing', params: { line: 'inconnue' } },
    ]);
  });
});

describe("a play-through's checks as codes with parameters", () => {
  const compiled = compileScenario(testScenario());

  it('gives each failure its message as a code, worded in French as `failures`', () => {
    const result = runPlayThrough(compiled, {
      name: 'essai',
      seed: 1,
      steps: [
        {
          at: 0,
          pickup: true,
          expect: { lines: [], states: ['fin'], variables: { detresse: 9, inconnue: 1 } },
        },
        { at: 10, move: 'jamais' },
        { at: 20, inject: 'sonnette', expect: { error: 'session/paused' } },
        { at: 30, pause: true, expect: { error: 'input/not_available' } },
        { at: 40, wait: true },
      ],
      end: { ending: 'ok', outcome: 'best', reason: 'scenario' },
      rubric: { nulle_part: true },
    });
    expect(result.failureTexts.map(frenchText)).toEqual(result.failures);
    expect(result.failureTexts.map((text) => text.code)).toEqual([
      'test.lines',
      'test.states',
      'test.variable',
      'test.variable_unknown',
      'test.refused',
      'test.refused_otherwise',
      'test.accepted',
      'test.not_ended',
      'test.criterion_missing',
    ]);
    // The run's own refusal inside, as its code: a page words it too.
    expect(tagged(result.failureTexts[4]!)).toBe(
      '<test.refused> <test.step> 10 <test.step.move> jamais input/not_available <run.move_not_now> jamais',
    );
  });

  it("names a generated path with a code, and says the call's ending in codes", () => {
    const report = runScenarioTests(compiled, undefined);
    expect(report.generated.length).toBeGreaterThan(0);
    for (const path of report.generated) expect(frenchText(path.nameText!)).toBe(path.name);
    expect(report.generated[0]!.nameText!.code).toBe('test.generated.shortest');
    const ended = runPlayThrough(compiled, {
      name: 'fin',
      seed: 1,
      steps: [
        { at: 0, pickup: true },
        { at: 10, hangup: true },
      ],
      end: { ending: null, outcome: null, reason: 'trainer' },
      rubric: {},
    });
    expect(ended.failureTexts.map(frenchText)).toEqual(ended.failures);
    expect(ended.failureTexts.map((text) => codesOf(text))).toEqual([
      ['test.ending', 'test.ending.none', 'test.ending.stopped'],
      ['test.reason'],
    ]);
  });

  it("codes a play-through file's times out of order", () => {
    const parsed = parsePlayThroughs(
      stringify({
        scenario: 'appel-test',
        tests: [
          {
            name: 't',
            steps: [
              { at: 5, pickup: true },
              { at: 1, wait: true },
            ],
            end: { ending: 'ok', outcome: 'best' },
          },
        ],
      }),
      'x.tests.yaml',
    );
    if (parsed.ok) throw new Error('it parsed');
    expect(parsed.errors.map((issue) => frenchText(issue.text!))).toEqual(
      parsed.errors.map((i) => i.message),
    );
    expect(parsed.errors.map((issue) => codesOf(issue.text!))).toEqual([
      ['parse.in_file', 'test.times_order'],
    ]);
  });
});

describe("a run's refusals as codes with parameters", () => {
  it('gives each refusal its message as a code, worded in French as `message`', () => {
    const { run } = startTestRun();
    const refusals = [
      run.apply({ kind: 'move', move: 'ecouter' }),
      run.apply({ kind: 'unhold' }),
      (run.apply({ kind: 'pickup' }), run.apply({ kind: 'move', move: 'danser' })),
      run.apply({ kind: 'inject', inject: 'orage' }),
      run.apply({ kind: 'move', move: 'jamais' }),
      run.apply({ kind: 'speak', text: 'Bonjour ?', line: 'bonjour' }),
      run.apply({
        kind: 'interpret',
        n: 5,
        text: 'Je vous écoute.',
        move: 'ecouter',
        score: 1,
        runnerUp: null,
        understood: true,
      }),
      (run.apply({ kind: 'pause' }), run.apply({ kind: 'move', move: 'ecouter' })),
      (run.apply({ kind: 'end' }), run.apply({ kind: 'pickup' })),
    ].flatMap((result) => (result.ok ? [] : [result]));
    for (const refusal of refusals) expect(frenchText(refusal.text)).toBe(refusal.message);
    expect(refusals.map((refusal) => refusal.text.code)).toEqual([
      'run.move_not_now',
      'run.not_connected',
      'run.unknown_move',
      'run.unknown_inject',
      'run.move_not_now',
      'run.no_caller_actor',
      'run.interpretation_order',
      'run.paused',
      'run.ended',
    ]);
    expect(refusals[2]!.text.params).toEqual({ move: 'danser' });
  });
});

describe("the schema's own rules as codes", () => {
  it('codes them where the text is read and where a scenario is compiled unchecked', () => {
    const text = stringify(testScenarioInput());
    const parsed = parseScenario(
      text.replace('id: appel-test', 'id: Appel Test').replace('  detresse:', '  Detresse:'),
    );
    if (parsed.ok) throw new Error('it parsed');
    for (const issue of parsed.errors) expect(frenchText(issue.text!)).toBe(issue.message);
    expect(parsed.errors.map((issue) => codesOf(issue.text!))).toEqual([
      ['schema.scenario_id'],
      ['parse.invalid_key', 'schema.id'],
    ]);

    // compileScenario's structural check: zod's words as they were, `text` beside them.
    const unchecked: Scenario = { ...structuredClone(testScenario()), durationMinutes: 'cinq' as never };
    unchecked.variables['detresse']!.min = 99;
    let issues: ScenarioError['issues'] = [];
    try {
      compileScenario(unchecked);
    } catch (error) {
      if (error instanceof ScenarioError) issues = error.issues;
    }
    expect(issues.map((issue) => frenchText(issue.text!))).toEqual(issues.map((issue) => issue.message));
    expect(issues.map((issue) => codesOf(issue.text!))).toEqual([['parse.schema'], ['schema.bounds']]);
    const zod = issues[0]!.text!;
    expect(wordMessage(zod, (code) => ENGINE_MESSAGES[code], 'en')).toBe(issues[0]!.message);
  });
});

describe('the graph as codes with parameters', () => {
  it('gives each edge its trigger and guard as a message', () => {
    const edges = scenarioGraphModel(testScenario()).edges;
    for (const edge of edges) expect(frenchText(edge.text!)).toBe(edge.label);
    const after = edges.find((e) => e.kind === 'after');
    expect(after?.text).toEqual({ code: 'graph.after.seconds', params: { seconds: 1 } });
    const guarded = edges.find((e) => e.id === 'milieu|agir|0');
    expect(codesOf(guarded!.text!)).toEqual([
      'graph.guarded',
      'graph.move',
      'condition.and',
      'condition.and',
      'condition.and',
      'condition.visited',
      'condition.flag',
      'condition.compare',
      'condition.not',
      'condition.moveCount',
    ]);
  });
});

describe('wordMessage', () => {
  it('fills parameters, a message parameter worded by the same table', () => {
    const english = { 'graph.guarded': '{trigger} [{guard}]', 'graph.after.seconds': 'after {seconds} s' };
    const text = wordMessage(
      {
        code: 'graph.guarded',
        params: { trigger: { code: 'graph.after.seconds', params: { seconds: 20 } }, guard: 'x' },
      },
      (code) => (english as Record<string, string>)[code] ?? ENGINE_MESSAGES[code],
    );
    expect(text).toBe('after 20 s [x]');
  });

  it('lists every code once', () => {
    expect(new Set(ENGINE_MESSAGE_CODES).size).toBe(Object.keys(ENGINE_MESSAGES).length);
  });
});
