import { describe, it, expect } from '@jest/globals';
import { stringify } from 'yaml';
import { testScenarioInput } from '../testing/fixtures.js';
import { parseScenario, SCENARIO_LIMITS } from './parse.js';
import type { ScenarioInput } from './schema.js';

const yamlOf = (edit: (s: ScenarioInput) => void = () => {}): string => {
  const input = testScenarioInput();
  edit(input);
  return stringify(input);
};

function errorsOf(text: string) {
  const result = parseScenario(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

/** A guard against an expanded or exponential input (minutes, or the process's memory), not a speed
 * limit: generous enough for a busy machine. */
const GUARD_MS = 15_000;

/** Runs `fn`, failing if it takes longer than `ms` (hostile inputs must be refused quickly). */
function quickly<T>(ms: number, fn: () => T): T {
  const started = performance.now();
  const value = fn();
  expect(performance.now() - started).toBeLessThan(ms);
  return value;
}

describe('parseScenario', () => {
  it('accepts a valid scenario and applies defaults', () => {
    const result = parseScenario(
      yamlOf((s) => {
        delete s.injects;
        delete s.locale;
        s.machine.states['milieu']!.states!['humeur']!.states!['calme']!.on = {};
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.locale).toBe('fr-FR');
    expect(result.scenario.injects).toEqual({});
    expect(result.scenario.persona.voice).toEqual({ lang: 'fr-FR', rate: 1, pitch: 1 });
  });

  it('refuses a 5 MB document without parsing it', () => {
    const text = `summary: "${'a'.repeat(5 * 1024 * 1024)}"\n`;
    const errors = quickly(GUARD_MS, () => errorsOf(text));
    expect(errors).toEqual([
      {
        code: 'scenario/too_large',
        message: expect.stringContaining('1000000'),
        text: { code: 'parse.too_large', params: { max: 1_000_000 } },
      },
    ]);
  });

  it('counts bytes, not characters', () => {
    const text = `# ${'é'.repeat(SCENARIO_LIMITS.maxBytes / 2 + 10)}\n`;
    expect(text.length).toBeLessThan(SCENARIO_LIMITS.maxBytes);
    expect(errorsOf(text)[0]?.code).toBe('scenario/too_large');
  });

  it('refuses an alias bomb (billion laughs) in bounded time', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      const prev = names[i - 1];
      levels.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const errors = quickly(GUARD_MS, () => errorsOf(levels.join('\n')));
    expect(errors[0]?.code).toBe('scenario/aliases');
  });

  it('refuses deep flow nesting before yaml recurses into it', () => {
    const text = `machine: ${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const errors = quickly(GUARD_MS, () => errorsOf(text));
    expect(errors[0]?.code).toBe('scenario/too_deep');
  });

  it('refuses deep block nesting', () => {
    let text = '';
    for (let i = 0; i < 200; i++) text += `${' '.repeat(i)}k:\n`;
    text += `${' '.repeat(200)}v`;
    const errors = quickly(GUARD_MS, () => errorsOf(text));
    expect(errors[0]?.code).toBe('scenario/too_deep');
  });

  it('refuses nesting built from aliases, each node within the limit', () => {
    // Three nodes 30 deep, each inside the next through an alias: the document's nodes stay under
    // the limit, the value read from it is 90 deep (the value's own check runs when aliases exist).
    const nest = (inner: string) => `${'['.repeat(30)}${inner}${']'.repeat(30)}`;
    const text = `a: &a ${nest('1')}\nb: &b ${nest('*a')}\nmachine: ${nest('*b')}\n`;
    expect(errorsOf(text)[0]?.code).toBe('scenario/too_deep');
    const shallow = `a: &a ${nest('1')}\nmachine: ${nest('*a')}\n`;
    expect(errorsOf(shallow)[0]?.code).not.toBe('scenario/too_deep');
  });

  it('reports YAML syntax errors with their line and column', () => {
    const errors = errorsOf('id: appel\ntitle: "non fermé\nversion: 1\n');
    expect(errors[0]).toMatchObject({
      code: 'scenario/yaml',
      line: expect.any(Number),
      column: expect.any(Number),
    });
    // Said once, by the issue's own line and column (the studio, the import), not again in its words.
    expect(errors[0]?.message).not.toMatch(/line \d|column \d/);
    const duplicate = errorsOf('id: a\nid: b\n');
    expect(duplicate[0]).toMatchObject({ code: 'scenario/yaml', line: 2, column: 1 });
  });

  it("says YAML syntax errors in French words for an author, yaml's English left out", () => {
    const said = (text: string) => errorsOf(text).map((e) => `${e.line}:${e.column} ${e.message}`);
    expect(said('id: appel\ntitle: "Bonjour\n')).toEqual([
      `3:1 YAML invalide : guillemet fermant « " » manquant : un texte ouvert par « " » plus haut n'est jamais refermé`,
    ]);
    expect(said("id: appel\ntitle: 'Bonjour\n")[0]).toMatch(
      /^3:1 YAML invalide : apostrophe fermante « ' » manquante/,
    );
    // A French apostrophe in a text between apostrophes: the most likely slip of all.
    expect(said("id: appel\ntitle: 'l'appel'\n")[0]).toMatch(/^2:11 YAML invalide : texte en trop .* « '' »/);
    expect(said('machine:\n  initial: [un, deux\n  states: {}\n')).toEqual([
      `3:3 YAML invalide : crochet fermant « ] » manquant, ou la liste « [ … ] » continue sur une ligne pas assez décalée vers la droite`,
    ]);
    expect(said('machine:\n\tinitial: debut\n')).toEqual([
      `2:1 YAML invalide : tabulation en début de ligne : décaler avec des espaces, jamais avec des tabulations`,
    ]);
    expect(said('id: appel\ntitle: Bonjour: madame\n')[0]).toMatch(
      /^2:8 YAML invalide : « : » suivi d'un espace dans une valeur : mettre la valeur entre guillemets/,
    );
    expect(said('id: appel\ntitle\n')[0]).toMatch(/^2:1 YAML invalide : « : » manquant après la clé/);
    expect(said('machine:\n  initial: debut\n states: {}\n')[0]).toMatch(
      /^3:1 YAML invalide : ligne mal décalée : les clés d'un même bloc commencent à la même colonne/,
    );
    expect(said('title: @appel\n')[0]).toMatch(
      /^1:8 YAML invalide : une valeur ne peut pas commencer par « @ »/,
    );
    expect(said('title: "C:\\dossier"\n')[0]).toMatch(
      /^1:11 YAML invalide : « \\d » n'est pas permis entre guillemets/,
    );
    expect(said('id: a\n]\n')).toEqual([`2:1 YAML invalide : « ] » inattendu à cet endroit`]);
    // Without yaml's English: « Missing closing "quote », « Flow sequence in block collection… ».
    for (const text of ['a: "x\n', 'a:\n  b: [x\n  c: 1\n', 'a:\n\tb: 1\n', 'a: b: c\n', "a: 'l'x'\n"]) {
      expect(errorsOf(text)[0]?.message).not.toMatch(
        /\b(Missing|must|Flow|Tabs|are|not|Nested|Unexpected)\b/,
      );
    }
  });

  it('reports schema errors with the path, line and column of the value', () => {
    const text = yamlOf((s) => {
      (s as { version: unknown }).version = 'un';
    });
    const line = text.split('\n').findIndex((l) => l.startsWith('version:')) + 1;
    const errors = errorsOf(text);
    expect(errors).toEqual([
      {
        code: 'scenario/schema',
        message: expect.any(String),
        text: {
          code: 'parse.schema',
          params: { detail: { fr: expect.any(String), en: expect.any(String) } },
        },
        path: 'version',
        line,
        column: 10,
      },
    ]);
  });

  it('quotes what zod names in French guillemets with narrow no-break spaces, not straight quotes', () => {
    const one = errorsOf(`${yamlOf()}machine_inconnue: 1\n`);
    expect(one[0]).toMatchObject({ code: 'scenario/schema', path: 'machine_inconnue' });
    expect(one[0]?.message).toBe('Clé non reconnue : \u00ab\u202fmachine_inconnue\u202f\u00bb');
    const two = errorsOf(`${yamlOf()}titre: a\nresume: b\n`);
    expect(two[0]?.message).toBe(
      'Clés non reconnues : \u00ab\u202ftitre\u202f\u00bb, \u00ab\u202fresume\u202f\u00bb',
    );
    expect(two[0]?.message).not.toContain('"');
  });

  it('agrees zod’s « chaîne de caractères » with what it expected or received', () => {
    const received = errorsOf(yamlOf((s) => ((s as { version: unknown }).version = 'deux')));
    expect(received[0]?.message).toBe('Entrée invalide\u00a0: nombre attendu, chaîne de caractères reçue');
    const expected = errorsOf(yamlOf((s) => ((s as { title: unknown }).title = 3)));
    expect(expected[0]?.message).toBe('Entrée invalide\u00a0: chaîne de caractères attendue, nombre reçu');
  });

  it('names an unknown action, with its path', () => {
    const text = yamlOf((s) => {
      s.machine.states['debut']!.entry = [{ type: 'shout', params: { line: 'bonjour' } } as never];
    });
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'scenario/schema',
      path: 'machine.states.debut.entry.0.type',
      line: expect.any(Number),
    });
    expect(errors[0]?.message).toBe(
      'action inconnue « shout » : actions permises : say, adjust, set, flag, cue, note, end',
    );
  });

  it('names an unknown guard', () => {
    const errors = errorsOf(
      yamlOf((s) => {
        s.machine.states['debut']!.on = {
          ecouter: { target: 'milieu', guard: { type: 'random', params: {} } as never },
        };
      }),
    );
    expect(errors[0]?.message).toMatch(/garde inconnue.*« random »/);
    expect(errors[0]?.path).toBe('machine.states.debut.on.ecouter.guard.type');
  });

  it("accepts the trainer's notes under the persona, optional", () => {
    const result = parseScenario(
      yamlOf((s) => {
        (s.persona as Record<string, unknown>)['trainerNotes'] = 'Leviers : la batterie.';
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.persona.trainerNotes).toBe('Leviers : la batterie.');
    const without = parseScenario(yamlOf(() => {}));
    if (!without.ok) throw new Error(JSON.stringify(without.errors));
    expect(without.scenario.persona.trainerNotes).toBeUndefined();
  });

  it('reports unknown fields at the field', () => {
    const text = yamlOf((s) => {
      (s.persona as Record<string, unknown>)['secret'] = 'x';
    });
    const line = text.split('\n').findIndex((l) => l.trim().startsWith('secret:')) + 1;
    expect(errorsOf(text)[0]).toMatchObject({
      code: 'scenario/schema',
      path: 'persona.secret',
      line,
      column: 3,
    });
  });

  it('reports dangling references with their path and line', () => {
    const text = yamlOf((s) => {
      s.machine.states['debut']!.entry = [{ type: 'say', params: { line: 'inexistante' } }];
    });
    const line = text.split('\n').findIndex((l) => l.includes('inexistante')) + 1;
    const errors = errorsOf(text);
    expect(errors).toEqual([
      {
        code: 'scenario/reference',
        message: expect.stringContaining('inexistante'),
        text: { code: 'ref.line_missing', params: { line: 'inexistante' } },
        path: 'machine.states.debut.entry.0.params.line',
        line,
        column: expect.any(Number),
      },
    ]);
  });

  it('checks ids: reserved names, move/inject collisions, unknown events, targets, flags, endings', () => {
    const errors = errorsOf(
      yamlOf((s) => {
        s.moves['say'] = { label: 'x', category: 'listening', help: 'x' };
        s.injects!['agir'] = { label: 'x', help: 'x' };
        s.hangupEnding = 'nulle_part';
        s.machine.states['debut']!.on = {
          danser: 'milieu',
          ecouter: 'nulle_part',
          informer: { guard: { type: 'flag', params: { name: 'jamais_pose' } }, target: 'milieu' },
          agir: {
            guard: { type: 'visited', params: { state: 'milieu.rien' } },
            actions: { type: 'end', params: { ending: 'pas_de_fin' } },
          },
        };
        s.machine.on = { bruit: 'milieu' };
      }),
    );
    const summary = errors.map((e) => [e.code, e.path]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ['scenario/reference', 'moves.say'],
        ['scenario/reference', 'injects.agir'],
        ['scenario/reference', 'hangupEnding'],
        ['scenario/reference', 'machine.states.debut.on.danser'],
        ['scenario/reference', 'machine.states.debut.on.ecouter'],
        ['scenario/reference', 'machine.states.debut.on.informer.guard.params.name'],
        ['scenario/reference', 'machine.states.debut.on.agir.guard.params.state'],
        ['scenario/reference', 'machine.states.debut.on.agir.actions.params.ending'],
        ['scenario/reference', 'machine.on.bruit'],
      ]),
    );
    expect(errors.every((e) => e.line !== undefined)).toBe(true);
  });

  it('refuses unguarded always loops at compile time', () => {
    const selfLoop = errorsOf(
      yamlOf((s) => {
        s.machine.states['debut']!.always = {
          actions: { type: 'adjust', params: { variable: 'detresse', by: 1 } },
        };
      }),
    );
    expect(selfLoop[0]).toMatchObject({ code: 'scenario/cycle', path: 'machine.states.debut.always' });
    const selfTarget = errorsOf(yamlOf((s) => (s.machine.states['debut']!.always = 'debut')));
    expect(selfTarget[0]?.code).toBe('scenario/cycle');
    const pingPong = errorsOf(
      yamlOf((s) => {
        s.machine.states['a'] = { always: 'b' };
        s.machine.states['b'] = { always: [{ target: 'a' }] };
        s.machine.states['debut']!.on = { ecouter: 'a' };
      }),
    );
    expect(pingPong[0]).toMatchObject({
      code: 'scenario/cycle',
      message: expect.stringMatching(/a → b → a|b → a → b/),
    });
    // Guarded, or leading to a state without always: fine.
    const fine = parseScenario(
      yamlOf((s) => {
        s.machine.states['a'] = { always: 'b' };
        s.machine.states['b'] = {
          always: {
            target: 'a',
            guard: { type: 'compare', params: { variable: 'detresse', op: '>', value: 5 } },
          },
        };
      }),
    );
    expect(fine.ok).toBe(true);
  });

  it('never throws, whatever the text', () => {
    const samples = [
      '',
      '42',
      '- a\n- b',
      'null',
      '~',
      '{',
      ']]]',
      '\u0000\u0001',
      '&a [*a]',
      '!!binary x',
      'a: !!js/function "x"',
      '%YAML 9\n---\na',
      '---\na: 1\n---\nb: 2',
    ];
    let seed = 12345;
    for (let i = 0; i < 200; i++) {
      let s = '';
      for (let j = 0; j < 60; j++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        s += ' \n:-[]{}&*!|>\'"#%@`,?abc0'[seed % 26];
      }
      samples.push(s);
    }
    for (const text of samples) {
      const result = parseScenario(text, 'essai.yaml');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) expect(e.code).toMatch(/^scenario\//);
        expect(result.errors[0]?.message.startsWith('essai.yaml : ')).toBe(true);
      }
    }
  });
});
