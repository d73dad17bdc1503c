import { describe, expect, it } from '@jest/globals';
import { parseScenario } from '@ecoute/engine';
import {
  addEntry,
  addItem,
  editYaml,
  idFrom,
  plainOf,
  readDocument,
  removeAt,
  setValue,
  viewDocument,
} from './document.js';
import { keepLayout, linesOf, merged } from './keepLayout.js';
import {
  addState,
  addTransition,
  deleteState,
  renameState,
  resolveTarget,
  stateReferences,
  targetFrom,
  transitionsFrom,
} from './machineEdit.js';
import { changed, libraryFiles as files, readLibraryFile as read } from './testFixtures.js';

const TRAINING = read('appel-entrainement.yaml');

const parsed = (text: string) => {
  const result = parseScenario(text);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.scenario;
};

describe('yaml edits keep the text as written', () => {
  it.each(files)('an edit that changes nothing gives %s back byte for byte', (file) => {
    const text = read(file);
    expect(editYaml(text, () => undefined)).toBe(text);
  });

  it('one field changed is one line changed: comments, order and folded lines stay', () => {
    const after = editYaml(TRAINING, (doc) => setValue(doc, ['persona', 'name'], 'Josiane'));
    expect(changed(TRAINING, after)).toEqual(['-name: Monique Lefèvre', '+name: Josiane']);
    // The folded summary (two lines in the file; yaml alone writes it on one) is untouched.
    expect(after.split('\n').slice(0, 12)).toEqual(TRAINING.split('\n').slice(0, 12));
    expect(after).toContain("# Un silence de 20 s : elle s'inquiète.");
  });

  it('an edit inside a folded scalar takes the rewritten lines, and only those', () => {
    const original = 'a: 1\nlong: un texte\n  sur deux lignes\n# note\nb: 2\n';
    const doc = readDocument(original);
    const base = doc.toString({ lineWidth: 0 });
    expect(keepLayout(original, base, base)).toBe(original);
    setValue(doc, ['b'], 3);
    expect(keepLayout(original, base, doc.toString({ lineWidth: 0 }))).toBe(
      'a: 1\nlong: un texte\n  sur deux lignes\n# note\nb: 3\n',
    );
    const doc2 = readDocument(original);
    setValue(doc2, ['long'], 'court');
    expect(keepLayout(original, base, doc2.toString({ lineWidth: 0 }))).toBe(
      'a: 1\nlong: court\n# note\nb: 2\n',
    );
  });

  it('the one-region shortcut gives what the full merge gives', () => {
    const edits: ((doc: ReturnType<typeof readDocument>) => void)[] = [
      (doc) => setValue(doc, ['persona', 'name'], 'Josiane'),
      (doc) => addEntry(doc, ['lines'], 'nouvelle', { text: 'Une réplique.' }),
      (doc) => addItem(doc, ['moves', 'reformuler', 'examples'], 'Si je comprends bien'),
      (doc) => removeAt(doc, ['lines', 'allo']),
      (doc) => setValue(doc, ['summary'], 'Un résumé court.'),
      (doc) => renameState(doc, 'guidage', 'pas_a_pas'),
    ];
    for (const edit of edits) {
      const doc = readDocument(TRAINING);
      const base = doc.toString({ lineWidth: 0 });
      edit(doc);
      const edited = doc.toString({ lineWidth: 0 });
      expect(keepLayout(TRAINING, base, edited)).toBe(
        merged(linesOf(TRAINING), linesOf(base), linesOf(edited)),
      );
    }
  });

  it('a new entry is added last, one line like its siblings; removing it gives the text back', () => {
    const added = editYaml(TRAINING, (doc) =>
      addEntry(doc, ['lines'], 'nouvelle', { text: 'Une réplique.' }),
    );
    const lines = Object.keys(parsed(added).lines);
    expect(lines.at(-1)).toBe('nouvelle');
    expect(changed(TRAINING, added)).toEqual(['+nouvelle:', '+text: Une réplique.']);
    const flow = 'lines:\n  a: { text: Un. }\n  b: { text: Deux. }\n';
    expect(editYaml(flow, (doc) => addEntry(doc, ['lines'], 'c', { text: 'Trois.' }))).toBe(
      `${flow}  c: { text: Trois. }\n`,
    );
    expect(editYaml(added, (doc) => removeAt(doc, ['lines', 'nouvelle']))).toBe(TRAINING);
  });

  it('variants and examples are list items; an optional field emptied is removed', () => {
    let text = editYaml(TRAINING, (doc) => addItem(doc, ['lines', 'allo', 'variants'], 'Allô ? Allô ?'));
    text = editYaml(text, (doc) => setValue(doc, ['lines', 'allo', 'direction'], 'Elle hésite.', true));
    expect(parsed(text).lines['allo']).toMatchObject({
      variants: ['Allô ? Allô ?'],
      direction: 'Elle hésite.',
    });
    text = editYaml(text, (doc) => setValue(doc, ['lines', 'allo', 'direction'], '', true));
    text = editYaml(text, (doc) => removeAt(doc, ['lines', 'allo', 'variants', 0], true));
    expect(text).toBe(TRAINING);
  });

  it('ids are made from words, unique', () => {
    expect(idFrom('Se présenter', [])).toBe('se_presenter');
    expect(idFrom('Se présenter', ['se_presenter'])).toBe('se_presenter_2');
    expect(idFrom("L'écoute active, vraiment très bien", [])).toBe('l_ecoute_active_vraiment');
    expect(idFrom('12 !', [], 'etat')).toBe('etat');
  });
});

describe('the machine edited as a graph', () => {
  it('targets are written the way a state writes them, and read back to the same state', () => {
    expect(targetFrom('appel', 'accueil', 'ecoute')).toBe('ecoute');
    expect(targetFrom('appel', 'ecoute', 'ecoute.en_ligne')).toBe('ecoute.en_ligne');
    expect(targetFrom('appel', 'ecoute.en_ligne', 'guidage')).toBe('#appel.guidage');
    expect(targetFrom('appel', '', 'guidage')).toBe('.guidage');
    for (const [source, target] of [
      ['accueil', 'ecoute'],
      ['ecoute.en_ligne', 'guidage'],
      ['', 'ecoute.en_ligne'],
      ['ecoute', 'ecoute.en_ligne'],
    ] as const)
      expect(resolveTarget('appel', source, targetFrom('appel', source, target))).toBe(target);
  });

  it('a state and transitions added from the graph make a call the engine reads', () => {
    const text = editYaml(TRAINING, (doc) => {
      addState(doc, '', 'attente', { label: 'En attente' });
      addTransition(doc, {
        source: 'ecoute.en_ligne',
        trigger: { kind: 'event', event: 'expliquer_role' },
        target: 'attente',
      });
      addTransition(doc, {
        source: 'attente',
        trigger: { kind: 'after', ms: 30000 },
        target: 'rappel',
        guard: { type: 'compare', params: { variable: 'confiance', op: '>=', value: 5 } },
        actions: [{ type: 'say', params: { line: 'rappel' } }],
      });
      // A second transition on the same trigger: a candidate tried after the first.
      addTransition(doc, { source: 'attente', trigger: { kind: 'after', ms: 30000 }, target: 'perdue' });
    });
    const scenario = parsed(text);
    const attente = scenario.machine.states['attente']!;
    expect(attente.label).toBe('En attente');
    expect(attente.after?.['30000']).toEqual([
      {
        target: 'rappel',
        guard: { type: 'compare', params: { variable: 'confiance', op: '>=', value: 5 } },
        actions: { type: 'say', params: { line: 'rappel' } },
      },
      'perdue',
    ]);
    expect(scenario.machine.states['ecoute']!.states!['en_ligne']!.on).toEqual({
      expliquer_role: '#appel.attente',
    });
    expect(text.startsWith(TRAINING.slice(0, TRAINING.indexOf('machine:')))).toBe(true);
  });

  it('a new child state becomes its parent’s initial state', () => {
    const text = editYaml(TRAINING, (doc) => addState(doc, 'guidage', 'etape', { label: 'Étape' }));
    const guidage = parsed(text).machine.states['guidage']!;
    expect(guidage.initial).toBe('etape');
    expect(Object.keys(guidage.states ?? {})).toEqual(['etape']);
  });

  it('renaming a state rewrites every reference: targets, rubric, substance, guards; the rest stays', () => {
    const withGuard = editYaml(TRAINING, (doc) =>
      addTransition(doc, {
        source: 'accueil',
        trigger: { kind: 'event', event: 'reformuler' },
        target: null,
        guard: { type: 'visited', params: { state: 'guidage' } },
      }),
    );
    const text = editYaml(withGuard, (doc) => renameState(doc, 'guidage', 'pas_a_pas'));
    const scenario = parsed(text);
    expect(Object.keys(scenario.machine.states)).toEqual([
      'accueil',
      'ecoute',
      'pas_a_pas',
      'connectee',
      'rappel',
      'perdue',
    ]);
    expect(scenario.substance).toEqual({ reached: ['pas_a_pas'] });
    const criteria = (scenario.rubric ?? []).flatMap((c) => c.criteria);
    expect(criteria.find((c) => 'auto' in c && 'state' in c.auto)).toMatchObject({
      auto: { state: 'pas_a_pas' },
    });
    expect(scenario.machine.states['accueil']!.on!['reformuler']).toEqual({
      guard: { type: 'visited', params: { state: 'pas_a_pas' } },
    });
    expect(JSON.stringify(scenario.machine)).not.toContain('guidage"');
    // Nothing but the references changed: every changed line names the new state.
    for (const line of changed(withGuard, text).filter((l) => l.startsWith('+')))
      expect(line).toContain('pas_a_pas');
  });

  it('renaming a parent rewrites the paths inside it, each target in its own form', () => {
    let text = editYaml(TRAINING, (doc) => {
      addTransition(doc, {
        source: 'accueil',
        trigger: { kind: 'after', ms: 5000 },
        target: 'ecoute.en_ligne',
      });
      addTransition(doc, {
        source: 'ecoute.en_ligne',
        trigger: { kind: 'event', event: 'reformuler' },
        target: 'ecoute.en_ligne',
      });
    });
    text = editYaml(text, (doc) => renameState(doc, 'ecoute', 'explication'));
    const states = parsed(text).machine.states;
    expect(states['explication']!.initial).toBe('en_ligne');
    expect(states['explication']!.on!['acted']).toEqual({ target: '.en_ligne' });
    expect(states['explication']!.states!['en_ligne']!.on).toEqual({ reformuler: 'en_ligne' });
    expect(states['accueil']!.after!['5000']).toBe('explication.en_ligne');
    expect(states['accueil']!.on!['se_presenter']).toMatchObject({ target: 'explication' });
  });

  it('deleting a state lists what used it, then removes them with it; the engine still reads the call', () => {
    const doc = readDocument(TRAINING);
    const refs = stateReferences(doc, 'guidage');
    expect(refs.map((r) => r.kind).sort()).toEqual(['criterion', 'substance', 'target']);
    expect(refs.find((r) => r.kind === 'target')).toMatchObject({
      source: 'ecoute',
      trigger: 'guider_pas_a_pas',
    });
    const text = editYaml(TRAINING, (d) => deleteState(d, 'guidage'));
    const scenario = parsed(text);
    expect(Object.keys(scenario.machine.states)).not.toContain('guidage');
    expect(scenario.substance).toBeUndefined();
    // The transition to it went; the other candidate of the same move stays.
    expect(scenario.machine.states['ecoute']!.on!['guider_pas_a_pas']).toMatchObject([
      { actions: [{ type: 'say', params: { line: 'pas_si_vite' } }, {}, {}] },
    ]);
    expect(
      (scenario.rubric ?? []).flatMap((c) => c.criteria).some((c) => 'auto' in c && 'state' in c.auto),
    ).toBe(false);
    // The comments of the machine are still there.
    expect(text).toContain("# Un silence de 20 s : elle s'inquiète.");
  });

  it('deleting the initial state makes the next one initial; a state inside is not listed', () => {
    const doc = readDocument(TRAINING);
    expect(stateReferences(doc, 'ecoute').some((r) => r.kind === 'initial')).toBe(false);
    const text = editYaml(TRAINING, (d) => deleteState(d, 'accueil'));
    expect(parsed(text).machine.initial).toBe('ecoute');
  });

  it("a state's transitions are listed one candidate at a time, and one can be removed", () => {
    const doc = readDocument(TRAINING);
    const out = transitionsFrom(doc, 'ecoute');
    expect(out.map((t) => [t.trigger, t.targets])).toEqual([
      ['acted', ['ecoute.en_ligne']],
      ['question_ouverte', []],
      ['reformuler', []],
      ['valider_emotion', []],
      ['expliquer_role', []],
      ['guider_pas_a_pas', ['guidage']],
      ['guider_pas_a_pas', []],
      ['proposer_rappel', ['rappel']],
      ['always', ['perdue']],
    ]);
    expect(transitionsFrom(doc, 'accueil').map((t) => t.trigger)).toEqual([
      'se_presenter',
      'question_ouverte',
      'after 20000',
    ]);
    const gone = out.find((t) => t.trigger === 'proposer_rappel')!;
    const text = editYaml(TRAINING, (d) => removeAt(d, gone.path, true));
    expect(parsed(text).machine.states['ecoute']!.on!['proposer_rappel']).toBeUndefined();
    const delay = transitionsFrom(doc, 'accueil').find((t) => t.trigger === 'after 20000')!;
    expect(
      parsed(editYaml(TRAINING, (d) => removeAt(d, delay.path, true))).machine.states['accueil']!.after,
    ).toBeUndefined();
  });

  it('a delay is keyed as a number, as the library writes it; a second transition on it joins its candidates', () => {
    // « En ligne » waits 20 s (`20000:`, read as a number): a candidate with a condition goes first.
    const guard = { type: 'compare', params: { variable: 'detresse', op: '>=', value: 8 } };
    const text = editYaml(TRAINING, (doc) =>
      addTransition(doc, {
        source: 'ecoute.en_ligne',
        trigger: { kind: 'after', ms: 20000 },
        target: 'perdue',
        guard,
      }),
    );
    expect(text).not.toContain('"20000"');
    const after = parsed(text).machine.states['ecoute']!.states!['en_ligne']!.after!;
    expect(Object.keys(after)).toEqual(['20000']);
    expect(after['20000']).toEqual([
      { target: '#appel.perdue', guard },
      expect.objectContaining({ target: 'en_ligne', reenter: true }),
    ]);
    // A new delay: `15000:`, never `"15000":`, and repeating (back to its own state, re-entered).
    const repeat = editYaml(TRAINING, (doc) =>
      addTransition(doc, {
        source: 'accueil',
        trigger: { kind: 'after', ms: 15000 },
        target: 'accueil',
        reenter: true,
      }),
    );
    expect(repeat).toMatch(
      /\n {8}15000: \{ target: accueil, reenter: true \}\n|\n {8}15000:\n {10}target: accueil\n {10}reenter: true\n/,
    );
    expect(parsed(repeat).machine.states['accueil']!.after!['15000']).toEqual({
      target: 'accueil',
      reenter: true,
    });
  });

  it('the rename keeps every file of the library readable', () => {
    for (const file of files) {
      const text = read(file);
      const scenario = parsed(text);
      const first = Object.keys(scenario.machine.states)[0]!;
      const renamed = editYaml(text, (doc) => renameState(doc, first, `${first}_bis`));
      expect(Object.keys(parsed(renamed).machine.states)).toContain(`${first}_bis`);
    }
  });
});

describe('one parsed document per text version', () => {
  /** The same edit as `editYaml`, from a fresh parse of the text every time. */
  const freshEdit = (text: string, edit: (doc: ReturnType<typeof readDocument>) => void): string => {
    const doc = readDocument(text);
    const base = doc.toString({ lineWidth: 0 });
    edit(doc);
    return keepLayout(text, base, doc.toString({ lineWidth: 0 }));
  };
  // Each with whether its result is spliced into the text at one place (then the edited document
  // is the new text's); a rename changes several places, merged line by line: parsed again.
  const edits: [(doc: ReturnType<typeof readDocument>) => void, boolean][] = [
    [(doc) => setValue(doc, ['persona', 'name'], 'Josiane'), true],
    [(doc) => setValue(doc, ['persona', 'name'], 'Josiane B'), true],
    [(doc) => addEntry(doc, ['lines'], 'nouvelle', { text: 'Bonjour ?' }), true],
    [(doc) => addItem(doc, ['lines', 'nouvelle', 'variants'], 'Allô ?'), true],
    [(doc) => renameState(doc, 'guidage', 'pas_a_pas'), false],
    [(doc) => setValue(doc, ['lines', 'nouvelle', 'direction'], 'Elle hésite.', true), true],
    [(doc) => removeAt(doc, ['lines', 'nouvelle'], true), true],
    // A value given plain (yaml keeps it so), then edited inside as the rubric's form does.
    [
      (doc) => addItem(doc, ['rubric', 0, 'criteria'], { id: 'nouveau', label: 'Nouveau', judged: true }),
      true,
    ],
    [
      (doc) => {
        const path = ['rubric', 0, 'criteria', 2];
        if (doc.hasIn([...path, 'judged'])) doc.deleteIn([...path, 'judged']);
        doc.setIn([...path, 'auto'], doc.createNode({ move: 'reformuler' }, { flow: true }));
      },
      true,
    ],
  ];

  it('a chain of edits reuses the document the last edit made, and writes what fresh parses write', () => {
    let text = TRAINING;
    let expected = TRAINING;
    plainOf(text);
    for (const [edit, reused] of edits) {
      let edited: unknown;
      text = editYaml(text, (doc) => {
        edited = doc;
        edit(doc);
      });
      expected = freshEdit(expected, edit);
      expect(text).toBe(expected);
      // The next reading of the new text is the edited document itself, not a new parse…
      if (reused) expect(viewDocument(text)).toBe(edited);
      else expect(viewDocument(text)).not.toBe(edited);
      // …and it reads as the text does.
      expect(plainOf(text)).toEqual(readDocument(text).toJS());
    }
  });

  it('a text the cache does not hold (an undo, a keystroke) is parsed again', () => {
    const after = editYaml(TRAINING, (doc) => setValue(doc, ['persona', 'name'], 'Josiane'));
    const before = viewDocument(TRAINING);
    expect(before).not.toBe(viewDocument(after));
    expect(plainOf(TRAINING)).toEqual(readDocument(TRAINING).toJS());
    expect(editYaml(TRAINING, (doc) => setValue(doc, ['persona', 'name'], 'Josiane'))).toBe(after);
  });

  it('an edit that throws leaves no half-edited document behind', () => {
    plainOf(TRAINING);
    expect(() =>
      editYaml(TRAINING, (doc) => {
        setValue(doc, ['persona', 'name'], 'Perdue');
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(plainOf(TRAINING)).toEqual(readDocument(TRAINING).toJS());
  });
});
