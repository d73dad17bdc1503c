// Every scenario file of the library: lint-clean, named after its id, its play-through tests
// (`<id>.tests.yaml`, one Jest test each) pass, the generated path to each ending plays to that
// ending, and the library calls reach 100 % of their states through their written tests.
// Files are picked up as they appear: a new scenario needs no change here.
import { describe, it, expect } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import {
  CallRun,
  compileScenario,
  formatLintIssue,
  frenchTypographyProblems,
  generatedPlayThrough,
  lintFiles,
  ManualScheduler,
  parsePlayThroughs,
  parseScenario,
  pathsToEndings,
  runPlayThrough,
  runScenarioTests,
  scoreRubric,
  SessionClock,
  type CompiledScenario,
  type LintFile,
  type Observation,
  type PlayThroughFile,
  type TimelineEntry,
} from '@ecoute/engine';

const dir = new URL('../', import.meta.url);
const LIBRARY = [
  'renouvellement-mutuelle',
  'detresse-suicidaire',
  'etudiante-crous',
  'hameconnage-carte-vitale',
  'violence-conjugale-numerique',
  'proche-aidant-mere',
  'titre-sejour-portail',
];
/** Search bounds for the generated paths in this suite (the CLI searches further). */
const SEARCH = { limit: 600, budget: 600 };

const all = readdirSync(dir).sort();
const scenarioFiles = all.filter((f) => f.endsWith('.yaml') && !f.endsWith('.tests.yaml'));
const testFiles = all.filter((f) => f.endsWith('.tests.yaml'));
const read = (file: string): LintFile => ({
  path: `scenarios/${file}`,
  text: readFileSync(new URL(file, dir), 'utf8'),
});

interface Loaded {
  compiled?: CompiledScenario;
  tests?: PlayThroughFile;
  problem?: string;
}

function load(file: string): Loaded {
  const parsed = parseScenario(read(file).text, file);
  if (!parsed.ok) return { problem: parsed.errors.map((e) => `${e.code} ${e.message}`).join('\n') };
  let compiled: CompiledScenario;
  try {
    compiled = compileScenario(parsed.scenario);
  } catch (err) {
    return { problem: String(err) };
  }
  const testsName = file.replace(/\.yaml$/, '.tests.yaml');
  if (!existsSync(new URL(testsName, dir))) return { compiled };
  const tests = parsePlayThroughs(read(testsName).text, testsName);
  if (!tests.ok) return { compiled, problem: tests.errors.map((e) => `${e.code} ${e.message}`).join('\n') };
  return { compiled, tests: tests.file };
}

/** The lines said by a timer that re-enters its state: said again at each silence, they need wordings. */
function linesOfRepeatingTimers(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => linesOfRepeatingTimers(child, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'after' && value && typeof value === 'object') {
        for (const timer of Object.values(value).flat()) {
          if (!timer || typeof timer !== 'object' || !('reenter' in timer) || timer.reenter !== true)
            continue;
          const actions = 'actions' in timer ? [timer.actions].flat() : [];
          for (const action of actions as { type?: string; params?: { line?: string } }[])
            if (action?.type === 'say' && action.params?.line) found.add(action.params.line);
        }
      }
      linesOfRepeatingTimers(value, found);
    }
  }
  return found;
}

/** The timeline of a call picked up at 0 and hung up by the listener at `hangUpAt`. */
function pickUpAndHangUp(compiled: CompiledScenario, hangUpAt: number): TimelineEntry[] {
  const scheduler = new ManualScheduler();
  const clock = new SessionClock(scheduler);
  const entries: TimelineEntry[] = [];
  const push = (t: number, entry: Record<string, unknown>) =>
    entries.push({ seq: entries.length + 1, t, at: '2026-01-01T00:00:00.000Z', ...entry } as TimelineEntry);
  const run = new CallRun(compiled, {
    clock,
    seed: 1,
    onTimer: (timed) =>
      timed.forEach((o) => push(o.t, { source: 'system', kind: 'observation', observation: o.observation })),
  });
  for (const [at, input] of [
    [0, { kind: 'pickup' }],
    [hangUpAt, { kind: 'hangup' }],
  ] as const) {
    scheduler.advanceTo(at);
    const result = run.apply(input);
    push(at, { source: 'listener', kind: 'input', input });
    if (result.ok)
      for (const observation of result.observations)
        push(at, { source: 'system', kind: 'observation', observation });
  }
  run.dispose();
  return entries;
}

describe('scenario library', () => {
  it('has the tutorial call and its tests', () => {
    expect(scenarioFiles).toContain('appel-entrainement.yaml');
    expect(testFiles).toContain('appel-entrainement.tests.yaml');
  });

  it('README: the commented example is the tutorial call, comments aside', () => {
    const readme = readFileSync(new URL('README.md', dir), 'utf8');
    const example = /## Exemple complet commenté[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    const fromReadme = parseScenario(example ?? '');
    const fromFile = parseScenario(read('appel-entrainement.yaml').text);
    expect(fromReadme.ok && fromFile.ok && fromReadme.scenario).toEqual(fromFile.ok && fromFile.scenario);
  });

  it.each(testFiles)('%s belongs to a scenario file', (file) => {
    expect(scenarioFiles).toContain(file.replace(/\.tests\.yaml$/, '.yaml'));
  });

  describe.each(scenarioFiles)('%s', (file) => {
    const loaded = load(file);
    const { compiled, tests } = loaded;
    const id = compiled?.scenario.id ?? file.replace(/\.yaml$/, '');

    // Warnings too: a built-in call is a model to copy (none keeps a placeholder of the blank
    // template, `lint/template_text`, nor anything else to look at).
    it('lints without errors nor warnings (its tests file included)', () => {
      const testsName = file.replace(/\.yaml$/, '.tests.yaml');
      const files = [read(file), ...(existsSync(new URL(testsName, dir)) ? [read(testsName)] : [])];
      expect(lintFiles(files).map(formatLintIssue)).toEqual([]);
    });

    it('is named after its id and starts with the schema comment; so does its tests file', () => {
      expect(loaded.problem).toBeUndefined();
      expect(file).toBe(`${id}.yaml`);
      expect(read(file).text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
      if (tests) {
        expect(tests.scenario).toBe(id);
        expect(read(`${id}.tests.yaml`).text.split('\n')[0]).toBe(
          '# yaml-language-server: $schema=./tests.schema.json',
        );
      }
    });

    if (LIBRARY.includes(id) || id === 'appel-entrainement') {
      it('has play-through tests and a rubric', () => {
        expect(tests?.tests.length ?? 0).toBeGreaterThan(0);
        expect(compiled?.scenario.rubric?.length ?? 0).toBeGreaterThan(0);
      });
    }

    const playThroughs = compiled && tests ? tests.tests.map((t) => [t.name, t] as const) : [];
    if (playThroughs.length > 0) {
      it.each(playThroughs)('parcours : %s', (_name, test) => {
        const result = runPlayThrough(compiled!, test);
        expect(result.failures).toEqual([]);
      });
    }

    if (compiled) {
      const explored = pathsToEndings(compiled, SEARCH);
      const generated = explored.paths.map((p) => [`${p.ending} (${p.length} étapes)`, p] as const);
      if (generated.length > 0) {
        it.each(generated)('chemin généré vers la fin %s', (_name, path) => {
          const result = runPlayThrough(compiled, generatedPlayThrough(path));
          expect(result.failures).toEqual([]);
        });
      }
      it('the generated paths reach at least the hang-up ending', () => {
        expect(explored.paths.map((p) => p.ending)).toContain(compiled.scenario.hangupEnding);
      });
    }

    if (compiled?.scenario.rubric) {
      it('nothing earns points by doing nothing: picked up, hung up after 3 s, no criterion met', () => {
        const results = scoreRubric(compiled, pickUpAndHangUp(compiled, 3000)).filter(
          (r) => r.kind === 'auto',
        );
        expect(results.length).toBeGreaterThan(0);
        expect(results.filter((r) => r.met === true).map((r) => r.criterion)).toEqual([]);
      });
    }

    if (LIBRARY.includes(id) || id === 'appel-entrainement') {
      it('its written tests enter every state (100 % state coverage), and a library call takes every transition', () => {
        const report = runScenarioTests(compiled!, tests, { skipGenerated: true });
        expect(report.coverage.states.missing).toEqual([]);
        if (LIBRARY.includes(id)) expect(report.coverage.transitions.missing).toEqual([]);
      });
    }

    if (LIBRARY.includes(id) && compiled) {
      it('varied prompts: a line a repeating timer says has other wordings', () => {
        // The « toujours là ? » of a silence comes back whatever timer says it.
        const repeated = [...linesOfRepeatingTimers(compiled.scenario.machine)];
        if (compiled.scenario.lines.toujours_la && !repeated.includes('toujours_la'))
          repeated.push('toujours_la');
        expect(repeated.length).toBeGreaterThan(0);
        const single = repeated.filter(
          (line) => (compiled.scenario.lines[line]?.variants?.length ?? 0) === 0,
        );
        expect(single).toEqual([]);
      });
    }
  });

  it('detresse-suicidaire: the best ending says what was done and what to work on, from the rubric', () => {
    const { compiled, tests } = load('detresse-suicidaire.yaml');
    const late = tests!.tests.find((t) => t.name.startsWith('Alerte tardive'))!;
    const result = runPlayThrough(compiled!, late);
    expect(result.failures).toEqual([]);
    const [done, toWork] = (result.endingMessage ?? '').split('À travailler\u00a0:');
    expect(done).toContain('Ce que vous avez fait\u00a0:');
    expect(done).toContain("obtient l'adresse où il se trouve");
    expect(done).not.toContain('fait alerter sans retard');
    expect(toWork).toContain('fait alerter sans retard');
    // A listener who alerted in time is praised for it instead.
    const onTime = tests!.tests.find((t) => t.end.outcome === 'best' && t !== late)!;
    const other = runPlayThrough(compiled!, onTime);
    expect(other.endingMessage?.split('À travailler\u00a0:')[0]).toContain('fait alerter sans retard');
  });

  it('detresse-suicidaire: asleep before his address, or asleep waiting for help: the endings say what to work on', () => {
    const { compiled, tests } = load('detresse-suicidaire.yaml');
    const play = (start: string) => {
      const test = tests!.tests.find((t) => t.name.startsWith(start))!;
      const result = runPlayThrough(compiled!, test);
      expect(result.failures).toEqual([]);
      return (result.endingMessage ?? '').split('À travailler\u00a0:');
    };
    const awake = "quand il s'assoupit, lui parle dans les 20 secondes";
    const [doneLost, toWorkLost] = play("Il s'assoupit, ne répond plus");
    expect(doneLost).toContain('sans adresse, les secours ne peuvent pas partir');
    expect(doneLost).toContain('alerte un·e collègue');
    expect(toWorkLost).toContain(awake);
    expect(toWorkLost).toContain("obtient l'adresse où il se trouve");
    const [doneAsleep, toWorkAsleep] = play('Adresse connue et alerte donnée');
    expect(doneAsleep).toContain("obtient l'adresse où il se trouve");
    expect(toWorkAsleep).toContain(awake);
  });

  it('phone numbers: each persona has its own, in the ranges reserved for fiction; public services keep theirs', () => {
    // Arcep reserves six blocks for fiction (never given to a subscriber; national numbering plan,
    // decision 2018-0881): 01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49, 06 39 98 xx xx. The
    // others are real public lines.
    const PUBLIC = new Set(['0 892 705 705', '09 69 39 00 00']);
    // A number the caller spells out starts in a fiction block too (« zéro quatre, soixante-cinq… »,
    // not the Var's real « zéro quatre, quatre-vingt-quatorze »); public lines (08, 09) are exempt.
    const SPOKEN_BLOCKS: Record<string, string> = {
      un: 'quatre-vingt-dix-neuf',
      deux: 'soixante et un',
      trois: 'cinquante-trois',
      quatre: 'soixante-cinq',
      cinq: 'trente-six',
      six: 'trente-neuf',
    };
    const owners = new Map<string, Set<string>>();
    let spokenNumbers = 0;
    for (const id of LIBRARY) {
      const text = read(`${id}.yaml`).text;
      for (const [number] of text.matchAll(/\b0 ?[1-9](?:[ .]?\d{2,3}){3,4}\b/g)) {
        if (PUBLIC.has(number)) continue;
        expect([
          number,
          /^0(1 99 00|2 61 91|3 53 01|4 65 71|5 36 49|6 39 98)( \d{2}){2}$/.test(number),
        ]).toEqual([number, true]);
        owners.set(number, (owners.get(number) ?? new Set()).add(id));
      }
      for (const [spoken, zone, next] of text.matchAll(
        /zéro (un|deux|trois|quatre|cinq|six), ([a-zé-]+(?: et [a-z]+)?)/gi,
      )) {
        expect([spoken, next]).toEqual([spoken, SPOKEN_BLOCKS[zone!.toLowerCase()]]);
        spokenNumbers += 1;
      }
    }
    expect(owners.size).toBeGreaterThanOrEqual(5);
    expect(spokenNumbers).toBeGreaterThanOrEqual(4); // the mutuelle's landline, spelled out
    const shared = [...owners].filter(([, ids]) => ids.size > 1).map(([n]) => n);
    expect(shared).toEqual([]);
  });

  it('appel-entrainement: the silence timer fires after 20 s of silence, not before, and speaking resets it', () => {
    const { compiled } = load('appel-entrainement.yaml');
    const scheduler = new ManualScheduler();
    const clock = new SessionClock(scheduler);
    const timed: { t: number; observation: Observation }[] = [];
    const run = new CallRun(compiled!, { clock, seed: 1, onTimer: (o) => timed.push(...o) });
    run.apply({ kind: 'pickup' });
    run.apply({ kind: 'move', move: 'se_presenter' });
    scheduler.advanceBy(15_000);
    run.apply({ kind: 'say', text: 'Je vous écoute, prenez votre temps.' });
    scheduler.advanceBy(19_999);
    expect(timed).toEqual([]);
    scheduler.advanceBy(1);
    expect(timed).toEqual([
      {
        t: 35_000,
        observation: {
          kind: 'line',
          line: 'toujours_la',
          text: 'Allô\u00a0? Vous êtes toujours là\u00a0?',
          cue: 'silence',
          voice: { rate: 0.8 },
        },
      },
      { t: 35_000, observation: { kind: 'variable', variable: 'detresse', value: 4, previous: 3 } },
    ]);
    scheduler.advanceBy(20_000);
    expect(timed.map((e) => e.t)).toEqual([35_000, 35_000, 55_000, 55_000]);
  });

  // The phone's hold (« Mettre en attente ») plays the hold music itself (the engine's cue,
  // `CallRun.holdOrResume`): a call whose hold writes that cue too said it twice in the transcript
  // (détresse and mutuelle until v6, étudiante, hameçonnage, proche and titre until v5). Each
  // call's hold state, and whether a trainer's note comes with the hold.
  it.each([
    ['detresse-suicidaire', 'ligne.en_attente', true],
    ['renouvellement-mutuelle', 'echange.attente', false],
    ['etudiante-crous', 'ecoute.en_attente', true],
    ['hameconnage-carte-vitale', 'en_attente', true],
    ['proche-aidant-mere', 'ecoute.en_attente', false],
    ['titre-sejour-portail', 'ecoute.en_attente', false],
  ] as const)(
    "%s: the phone's hold plays the hold music once (the engine's cue, not the scenario's too)",
    (id, holdState, noted) => {
      const { compiled } = load(`${id}.yaml`);
      const scheduler = new ManualScheduler();
      const clock = new SessionClock(scheduler);
      const run = new CallRun(compiled!, { clock, seed: 1, onTimer: () => undefined });
      run.apply({ kind: 'pickup' });
      run.apply({ kind: 'move', move: 'se_presenter' });
      scheduler.advanceBy(5_000);
      const held = run.apply({ kind: 'hold' });
      expect(held.ok).toBe(true);
      const cues = held.ok ? held.observations.filter((o) => o.kind === 'cue').map((o) => o.cue) : [];
      expect(cues).toEqual(['hold_music']);
      // The scenario's hold all the same: the caller is on hold (in détresse, the trainer's note
      // says why it is a trap).
      expect(run.states).toContain(holdState);
      if (noted) expect(held.ok && held.observations.some((o) => o.kind === 'note')).toBe(true);
      run.dispose();
    },
  );
});

// What people read (titles, the persona, lines, moves, endings, the rubric's labels and help…)
// names no internal id: a trainer reads « besoin compris », never `besoin_compris`. The machine,
// `substance`, `hangupEnding`, ids and the rubric's `auto` rules are the author's, not shown.
const NOT_SHOWN = new Set(['machine', 'substance', 'hangupEnding', 'id', 'auto']);
const SNAKE_ID = /\b[a-z0-9]+(?:_[a-z0-9]+)+\b/;

function shownTexts(value: unknown, at: string, out: { at: string; text: string }[] = []) {
  if (typeof value === 'string') out.push({ at, text: value });
  else if (Array.isArray(value)) value.forEach((v, i) => shownTexts(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value))
      if (!NOT_SHOWN.has(key)) shownTexts(v, at ? `${at}.${key}` : key, out);
  return out;
}

/**
 * What is wrong with the French typography of each text of `value`, one item per text, named by its
 * path. Every string of the scenario, the machine's too (its state labels and descriptions, the
 * lines its actions say are read): an id has no space to get wrong.
 */
function typographyProblems(value: unknown, at = ''): string[] {
  if (typeof value === 'string') {
    const found = frenchTypographyProblems(value);
    return found.length > 0 ? [`${at} (${found.join(', ')}) ${value}`] : [];
  }
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => typographyProblems(inner, `${at}.${key}`));
  return [];
}

/** Each text of `value` that writes the curly apostrophe ’ (U+2019), named by its path: every string. */
function curlyApostrophes(value: unknown, at = ''): string[] {
  if (typeof value === 'string') return value.includes('\u2019') ? [`${at} ${value}`] : [];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) => curlyApostrophes(inner, `${at}.${key}`));
  return [];
}

describe('Built-in calls: texts shown to people', () => {
  it('the check finds an id written in a rubric help', () => {
    const texts = shownTexts({ rubric: [{ criteria: [{ help: 'pose le drapeau besoin_compris' }] }] }, '');
    expect(texts.filter((t) => SNAKE_ID.test(t.text)).map((t) => t.at)).toEqual([
      'rubric[0].criteria[0].help',
    ]);
  });

  it.each(scenarioFiles)('%s shows no snake_case id', (file) => {
    const parsed = parseScenario(read(file).text, file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const found = shownTexts(parsed.scenario, '').filter((t) => SNAKE_ID.test(t.text));
    expect(found).toEqual([]);
  });

  // On a phone a line broke after « or before ? where the space was an ordinary one (the
  // hameçonnage's title, « Hameçonnage : « votre carte Vitale expire » »): French typography wants
  // U+00A0 (or the narrow U+202F) before : ; ? ! and inside « », as the client's catalogue has it.
  it('the typography check finds an ordinary space inside « » or before a colon', () => {
    expect(typographyProblems({ title: 'Hameçonnage : « votre carte Vitale expire »' })).toHaveLength(1);
    expect(
      typographyProblems({ title: 'Hameçonnage\u00a0: «\u00a0votre carte Vitale expire\u00a0»' }),
    ).toEqual([]);
  });

  it.each(scenarioFiles)('%s: no-break spaces before : ; ? ! and inside « », in every text', (file) => {
    const parsed = parseScenario(read(file).text, file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(typographyProblems(parsed.scenario)).toEqual([]);
  });

  // The client's catalogues and the server write the straight apostrophe (') only; the calls mixed
  // in the curly one (’), so a trainer reading a call saw both, from one line to the next.
  it('the apostrophe check finds a curly one, in a variant as in a label', () => {
    expect(
      curlyApostrophes({
        lines: {
          allo: { text: "Allô\u00a0? C'est bien ici\u00a0?", variants: ['Il y a quelqu\u2019un\u00a0?'] },
        },
        flags: { signalee: { label: 'signalement de l\u2019agence' } },
      }),
    ).toEqual([
      '.lines.allo.variants.0 Il y a quelqu\u2019un\u00a0?',
      '.flags.signalee.label signalement de l\u2019agence',
    ]);
    expect(curlyApostrophes({ title: "Appel d'entraînement" })).toEqual([]);
  });

  it.each(scenarioFiles)("%s: straight apostrophes (') only, in every text", (file) => {
    const parsed = parseScenario(read(file).text, file);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(curlyApostrophes(parsed.scenario)).toEqual([]);
  });
});
