// The forms and the graph's forms against a real text: every edit goes through the Document API
// into the YAML (the harness holds the text as the editor would), and reads back from it.
import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { lintScenario, parseScenario, scenarioGraphModel } from '@ecoute/engine';
import { renderWithSession } from '../../test/renderWithSession.js';
import { BLANK, current, fr_, Harness, lead, named, queried } from '../../test/studioHarness.js';
import { plainOf } from '../yamlEdit/document.js';
import { fr } from '../../i18n/fr.js';
import { translate } from '../../i18n/catalogue.js';

/** The read-back of « not (Fin already reached) », as the catalogue words it. */
const notReachedFin = translate('fr', 'studio.guard.words.not', {
  condition: translate('fr', 'studio.guard.words.visited', { state: 'Fin' }),
});

/** The advanced options' hints (`studio.forms.renameHint`, `studio.graph.renameHint`) by their common start. */
const forYamlWriters = new RegExp(`^${fr['studio.forms.renameHint'].split(/\s:/)[0]}`);

/**
 * What a trainer reads of `element` without opening `studio.forms.advanced`: its words, the
 * values of its fields and their options' words, the closed `details` left out.
 */
function shownOutsideAdvanced(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  for (const details of Array.from(copy.querySelectorAll('details'))) details.remove();
  const values = Array.from(copy.querySelectorAll('input, textarea')).map(
    (field) => (field as HTMLInputElement).value,
  );
  return [copy.textContent ?? '', ...values].join('\n');
}

describe('the studio forms', () => {
  it("the persona's notes for the trainer: a labelled field, with its hint; written, then emptied (the key goes)", () => {
    renderWithSession(<Harness />);
    const field = screen.getByLabelText(fr_('studio.forms.persona.trainerNotes'));
    expect(field.tagName).toBe('TEXTAREA');
    expect(field.getAttribute('aria-describedby')).toBeTruthy();
    const hint = document.getElementById(field.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(hint?.textContent).toBe(fr_('studio.forms.persona.trainerNotesHint'));
    fireEvent.change(field, { target: { value: 'Leviers : la batterie.' } });
    expect(plainOf(current)?.['persona']).toMatchObject({
      background: 'Seule.',
      trainerNotes: 'Leviers : la batterie.',
    });
    fireEvent.change(field, { target: { value: '' } });
    expect(Object.keys(plainOf(current)?.['persona'] as object)).not.toContain('trainerNotes');
  });

  it('a field writes its key, keeping the comment; a new line with a variant; a move with an example', () => {
    renderWithSession(<Harness />);
    fireEvent.change(screen.getByLabelText(fr_('studio.forms.persona.name')), { target: { value: 'Nadia' } });
    expect(current).toContain('  name: Nadia\n');
    expect(current.startsWith('# Un commentaire qui doit rester.\n')).toBe(true);
    expect((screen.getByLabelText(fr_('studio.forms.persona.name')) as HTMLInputElement).value).toBe('Nadia');

    fireEvent.click(screen.getByRole('tab', { name: fr['studio.forms.lines'] }));
    const lines = screen.getByRole('tabpanel', { name: fr['studio.forms.lines'] });
    fireEvent.change(within(lines).getByLabelText(fr_('studio.forms.lines.new')), {
      target: { value: 'Je suis perdue.' },
    });
    fireEvent.click(within(lines).getByRole('button', { name: fr_('studio.forms.lines.add') }));
    expect(current).toContain('  je_suis_perdue: { text: Je suis perdue. }\n');
    const line = within(lines).getByRole('group', { name: 'Je suis perdue.' });
    fireEvent.change(within(line).getByLabelText(fr_('studio.forms.lines.newVariant')), {
      target: { value: 'Je ne sais plus.' },
    });
    fireEvent.click(within(line).getByRole('button', { name: fr_('studio.forms.add') }));
    expect(plainOf(current)?.['lines']).toMatchObject({
      je_suis_perdue: { text: 'Je suis perdue.', variants: ['Je ne sais plus.'] },
    });

    fireEvent.click(screen.getByRole('tab', { name: fr['studio.forms.moves'] }));
    const moves = screen.getByRole('tabpanel', { name: fr['studio.forms.moves'] });
    const move = within(moves).getByRole('group', { name: 'Se présenter' });
    fireEvent.change(within(move).getByLabelText(fr_('studio.forms.moves.newExample')), {
      target: { value: 'Bonjour, je suis Léa' },
    });
    fireEvent.click(within(move).getByRole('button', { name: fr_('studio.forms.add') }));
    expect(plainOf(current)?.['moves']).toMatchObject({
      se_presenter: { examples: ['Bonjour, je suis Léa'] },
    });
    fireEvent.click(within(moves).getByRole('button', { name: 'Supprimer la phrase 1' }));
    expect(plainOf(current)?.['moves']).toEqual({
      se_presenter: { label: 'Se présenter', category: 'listening', help: 'Dire son prénom.' },
    });
  });

  it('says which moves have no example phrases for free speech, and where to add them', () => {
    renderWithSession(<Harness />);
    fireEvent.click(screen.getByRole('tab', { name: fr['studio.forms.moves'] }));
    const moves = screen.getByRole('tabpanel', { name: fr['studio.forms.moves'] });
    // Queries by text read non-breaking spaces as ordinary ones (testing-library's normaliser).
    const notice = () =>
      within(moves).queryByText((text) => text.startsWith(lead('studio.forms.moves.examplesMissing.one')));
    expect(notice()?.textContent).toBe(fr_('studio.forms.moves.examplesNone'));
    const move = within(moves).getByRole('group', { name: 'Se présenter' });
    expect(within(move).getByText(queried('studio.forms.moves.noExamples'))).not.toBeNull();

    fireEvent.change(within(moves).getByLabelText(fr_('studio.forms.moves.new')), {
      target: { value: 'Rassurer' },
    });
    fireEvent.change(within(moves).getByLabelText(fr_('studio.forms.moves.newHelp')), {
      target: { value: "Dire que la personne a bien fait d'appeler." },
    });
    fireEvent.click(within(moves).getByRole('button', { name: fr_('studio.forms.moves.add') }));
    fireEvent.change(within(move).getByLabelText(fr_('studio.forms.moves.newExample')), {
      target: { value: 'Bonjour, je suis Léa' },
    });
    fireEvent.click(within(move).getByRole('button', { name: fr_('studio.forms.add') }));
    expect(notice()?.textContent).toBe(
      translate('fr', 'studio.forms.moves.examplesMissing.one', { missing: 1, count: 2 }),
    );
    expect(within(move).queryByText(queried('studio.forms.moves.noExamples'))).toBeNull();

    const added = within(moves).getByRole('group', { name: 'Rassurer' });
    fireEvent.change(within(added).getByLabelText(fr_('studio.forms.moves.newExample')), {
      target: { value: 'On va regarder ça ensemble.' },
    });
    fireEvent.click(within(added).getByRole('button', { name: fr_('studio.forms.add') }));
    expect(notice()).toBeNull();
  });

  it('shows a trainer no id: the names people read, the ids only folded under the advanced options', () => {
    renderWithSession(<Harness />);
    for (const [tab, ids] of [
      [fr['studio.forms.lines'], ['bonjour']],
      [fr['studio.forms.moves'], ['se_presenter']],
      ['Fins', ['aidee']],
      [fr['studio.forms.variables'], ['confiance']],
    ] as const) {
      fireEvent.click(screen.getByRole('tab', { name: tab }));
      const panel = screen.getByRole('tabpanel', { name: tab });
      const shown = shownOutsideAdvanced(panel);
      for (const id of ids) expect({ tab, id, shown: shown.includes(id) }).toEqual({ tab, id, shown: false });
      // Who writes the YAML finds the short name there, folded (closed until opened).
      for (const details of Array.from(panel.querySelectorAll('details'))) {
        expect(details.open).toBe(false);
        expect(details.querySelector('summary')?.textContent).toBe(fr['studio.forms.advanced']);
      }
      if (tab === fr['studio.forms.moves'])
        expect(panel.querySelector('details')?.textContent).toContain('se_presenter');
    }
  });

  it('a number is written only once it reads as one; a criterion changes how it is measured', () => {
    renderWithSession(<Harness />);
    const age = screen.getByLabelText(fr_('studio.forms.persona.age'));
    fireEvent.change(age, { target: { value: '-' } });
    expect(current).toContain('  age: 40\n');
    fireEvent.change(age, { target: { value: '71' } });
    expect(current).toContain('  age: 71\n');

    fireEvent.click(screen.getByRole('tab', { name: fr_('studio.forms.rubric') }));
    const criterion = screen.getByRole('group', { name: 'Se présente' });
    fireEvent.change(within(criterion).getByLabelText(fr_('studio.forms.rubric.kind')), {
      target: { value: 'judged' },
    });
    expect(current).toContain('{ id: se_presente, label: Se présente, judged: true }');
  });
});

describe('the rubric: « ne pas… » criteria and a ceiling', () => {
  const kindLabel = () => fr_('studio.forms.rubric.kind');

  it('where the call gets to the heart of the matter: states chosen by their names, none removes it', () => {
    renderWithSession(<Harness initial={`${BLANK}substance: { reached: [fin] }\n`} />);
    fireEvent.click(screen.getByRole('tab', { name: fr_('studio.forms.rubric') }));
    const substance = screen.getByRole('group', { name: fr_('studio.forms.rubric.substance') });
    const box = (name: string) => within(substance).getByRole('checkbox', { name }) as HTMLInputElement;
    expect([box('Accueil').checked, box('Fin').checked]).toEqual([false, true]);
    fireEvent.click(box('Accueil'));
    expect(current).toContain('substance: { reached: [ accueil, fin ] }');
    fireEvent.click(box('Fin'));
    fireEvent.click(box('Accueil'));
    expect(current).not.toContain('substance');
    fireEvent.click(box('Fin'));
    expect(plainOf(current)?.['substance']).toEqual({ reached: ['fin'] });
    expect(parseScenario(current).ok).toBe(true);
  });

  it('a new competency asks for its first criterion: none made silently from its name', () => {
    renderWithSession(<Harness />);
    fireEvent.click(screen.getByRole('tab', { name: fr_('studio.forms.rubric') }));
    const competency = screen.getByLabelText(fr_('studio.forms.rubric.newCompetency'));
    const first = screen.getByLabelText(fr_('studio.forms.rubric.firstCriterion'));
    const add = screen.getByRole('button', { name: fr_('studio.forms.rubric.addCompetency') });
    const before = current;
    fireEvent.change(competency, { target: { value: 'Écoute active' } });
    fireEvent.click(add);
    expect(current).toBe(before);
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(first.ownerDocument.activeElement).toBe(first);
    fireEvent.change(first, { target: { value: 'Reformule le problème' } });
    fireEvent.click(add);
    const rubric = plainOf(current)?.['rubric'] as { label: string; criteria: { label: string }[] }[];
    expect(rubric.at(-1)).toEqual({
      id: 'ecoute_active',
      label: 'Écoute active',
      criteria: [{ id: 'reformule_le_probleme', label: 'Reformule le problème', judged: true }],
    });
  });

  it('a move never made, a state never reached, a variable at most: written, and read back as such', () => {
    renderWithSession(<Harness />);
    fireEvent.click(screen.getByRole('tab', { name: fr_('studio.forms.rubric') }));
    const criterion = () => screen.getByRole('group', { name: 'Se présente' });
    const kind = () => within(criterion()).getByLabelText(kindLabel()) as HTMLSelectElement;

    fireEvent.change(kind(), { target: { value: 'notMove' } });
    expect(current).toContain('auto: { notMove: se_presenter }');
    // Read back: the kind and its move, not « la formatrice ou le formateur ».
    expect(kind().selectedOptions[0]?.textContent).toBe(fr_('studio.forms.rubric.kind.notMove'));
    expect(
      (within(criterion()).getByLabelText(fr_('studio.forms.rubric.move')) as HTMLSelectElement).value,
    ).toBe('se_presenter');

    fireEvent.change(kind(), { target: { value: 'notState' } });
    expect(current).toContain('auto: { notState: accueil }');
    expect(kind().selectedOptions[0]?.textContent).toBe(fr_('studio.forms.rubric.kind.notState'));
    // Its field picks among the states, not the moves.
    const state = within(criterion()).getByLabelText(fr_('studio.forms.rubric.state')) as HTMLSelectElement;
    expect(state.value).toBe('accueil');
    expect([...state.options].map((o) => o.value)).not.toContain('se_presenter');
    expect(within(criterion()).queryByLabelText(fr_('studio.forms.rubric.move'))).toBeNull();

    fireEvent.change(kind(), { target: { value: 'variable' } });
    fireEvent.change(within(criterion()).getByLabelText(fr_('studio.forms.rubric.max')), {
      target: { value: '4' },
    });
    fireEvent.change(within(criterion()).getByLabelText(fr_('studio.forms.rubric.min')), {
      target: { value: '' },
    });
    expect(current).toContain('auto: { variable: confiance, max: 4 }');
    expect(parseScenario(current).ok).toBe(true);
  });
});

describe('who reads what the author writes', () => {
  /** The hint a field is described by (its `aria-describedby`), as a screen reader reads it. */
  const hintOf = (field: HTMLElement) =>
    field.ownerDocument.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent;

  it("a move's help says the listener reads it in guided mode; an inject's, that the trainer does", () => {
    renderWithSession(
      <Harness
        initial={BLANK.replace(
          'endings:',
          'injects:\n  sonnette: { label: Sonnette, help: On sonne. }\nendings:',
        )}
      />,
    );
    fireEvent.click(screen.getByRole('tab', { name: fr_('studio.forms.moves') }));
    const move = screen.getByRole('group', { name: 'Se présenter' });
    expect(hintOf(within(move).getByLabelText(fr_('studio.forms.help')))).toBe(
      fr_('studio.forms.moves.helpHint'),
    );
    fireEvent.click(screen.getByRole('tab', { name: fr_('studio.forms.injects') }));
    const inject = screen.getByRole('group', { name: 'Sonnette' });
    expect(hintOf(within(inject).getByLabelText(fr_('studio.forms.help')))).toBe(
      fr_('studio.forms.injects.helpHint'),
    );
  });

  it('a new move or inject is asked its help with its name: never its name again as its help', () => {
    renderWithSession(<Harness />);
    const table = (tab: 'studio.forms.moves' | 'studio.forms.injects') => {
      fireEvent.click(screen.getByRole('tab', { name: fr_(tab) }));
      return screen.getByRole('tabpanel', { name: fr_(tab) });
    };
    const moves = table('studio.forms.moves');
    const help = within(moves).getByLabelText(fr_('studio.forms.moves.newHelp'));
    // Its hint says who reads it, as the entry's own help field does.
    expect(hintOf(help)).toBe(fr_('studio.forms.moves.helpHint'));
    fireEvent.change(within(moves).getByLabelText(fr_('studio.forms.moves.new')), {
      target: { value: 'Reformuler' },
    });
    const before = current;
    fireEvent.click(within(moves).getByRole('button', { name: fr_('studio.forms.moves.add') }));
    // No help yet: nothing added, said at the field, which takes the focus.
    expect(current).toBe(before);
    expect(within(moves).queryByRole('group', { name: 'Reformuler' })).toBeNull();
    expect(within(moves).getByRole('alert').textContent).toBe(fr_('studio.forms.moves.newHelpMissing'));
    expect(document.activeElement).toBe(help);
    expect(help.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(help, { target: { value: 'Redire avec ses mots ce que la personne a dit.' } });
    fireEvent.click(within(moves).getByRole('button', { name: fr_('studio.forms.moves.add') }));
    expect(plainOf(current)?.['moves']).toMatchObject({
      reformuler: {
        label: 'Reformuler',
        category: 'listening',
        help: 'Redire avec ses mots ce que la personne a dit.',
      },
    });
    expect(within(moves).queryByRole('alert')).toBeNull();
    expect((help as HTMLTextAreaElement).value).toBe('');

    const injects = table('studio.forms.injects');
    fireEvent.change(within(injects).getByLabelText(fr_('studio.forms.injects.new')), {
      target: { value: 'La sonnette retentit' },
    });
    fireEvent.click(within(injects).getByRole('button', { name: fr_('studio.forms.injects.add') }));
    expect(within(injects).getByRole('alert').textContent).toBe(fr_('studio.forms.injects.newHelpMissing'));
    fireEvent.change(within(injects).getByLabelText(fr_('studio.forms.injects.newHelp')), {
      target: { value: 'Un voisin sonne chez la personne.' },
    });
    fireEvent.click(within(injects).getByRole('button', { name: fr_('studio.forms.injects.add') }));
    expect(plainOf(current)?.['injects']).toEqual({
      la_sonnette_retentit: { label: 'La sonnette retentit', help: 'Un voisin sonne chez la personne.' },
    });
  });

  it("a variable's criterion says its bounds hold over the whole call, not only at its end", () => {
    renderWithSession(<Harness />);
    fireEvent.click(screen.getByRole('tab', { name: fr_('studio.forms.rubric') }));
    const criterion = screen.getByRole('group', { name: 'Se présente' });
    expect(criterion.textContent).not.toContain(fr_('studio.forms.rubric.variableHint'));
    fireEvent.change(within(criterion).getByLabelText(fr_('studio.forms.rubric.kind')), {
      target: { value: 'variable' },
    });
    expect(screen.getByRole('group', { name: 'Se présente' }).textContent).toContain(
      fr_('studio.forms.rubric.variableHint'),
    );
  });
});

describe("the caller's voice and the ending of a hang-up, from the forms", () => {
  it("the voice's rate and pitch; the ending kept when the listener hangs up", () => {
    renderWithSession(
      <Harness
        initial={BLANK.replace(
          '  aidee: { outcome: best, message: Aidée. }',
          '  aidee: { outcome: best, message: Aidée. }\n  raccroche: { outcome: failure, message: Il a raccroché. }',
        )}
      />,
    );
    fireEvent.change(screen.getByLabelText(queried('studio.forms.persona.rate')), {
      target: { value: '0,8' },
    });
    fireEvent.change(screen.getByLabelText(queried('studio.forms.persona.pitch')), {
      target: { value: '0.7' },
    });
    expect(current).toContain('  voice: { lang: fr-FR, rate: 0.8, pitch: 0.7 }\n');

    fireEvent.click(screen.getByRole('tab', { name: fr_('studio.forms.endings') }));
    const hangup = screen.getByLabelText(fr_('studio.forms.endings.hangup')) as HTMLSelectElement;
    expect(hangup.selectedOptions[0]?.textContent).toBe('Aidée.');
    fireEvent.change(hangup, { target: { value: 'raccroche' } });
    expect(current).toContain('hangupEnding: raccroche\n');
    expect(parseScenario(current).ok).toBe(true);
  });
});

describe('the graph as forms', () => {
  it('adds a state, renames it with its references, lists them before deleting it', () => {
    renderWithSession(<Harness graphToo />);
    const add = screen.getByRole('form', { name: fr['studio.graph.addState'] });
    fireEvent.change(within(add).getByLabelText(fr['studio.graph.stateName']), {
      target: { value: 'Écoute' },
    });
    fireEvent.change(within(add).getByLabelText(fr_('studio.graph.entryLine')), {
      target: { value: 'bonjour' },
    });
    fireEvent.click(within(add).getByRole('button', { name: fr['studio.graph.addState'] }));
    expect(plainOf(current)?.['machine']).toMatchObject({
      states: { ecoute: { label: 'Écoute', entry: { type: 'say' } } },
    });

    const transition = screen.getByRole('form', { name: fr_('studio.graph.addTransition') });
    fireEvent.change(within(transition).getByLabelText(fr_('studio.graph.from')), {
      target: { value: 'ecoute' },
    });
    fireEvent.change(within(transition).getByLabelText(fr_('studio.graph.trigger')), {
      target: { value: 'se_presenter' },
    });
    fireEvent.change(within(transition).getByLabelText(fr_('studio.graph.to')), { target: { value: 'fin' } });
    fireEvent.click(within(transition).getByRole('button', { name: fr_('studio.graph.addTransition') }));
    expect(current).toContain('      on:\n        se_presenter: fin\n    fin:');

    const state = screen.getByRole('group', { name: fr['studio.graph.editState'] });
    fireEvent.change(within(state).getByLabelText(fr_('studio.graph.state')), { target: { value: 'fin' } });
    fireEvent.change(within(state).getByLabelText(fr_('studio.graph.newName')), {
      target: { value: 'Au revoir' },
    });
    fireEvent.click(within(state).getByRole('button', { name: fr_('studio.graph.rename') }));
    expect(current).not.toMatch(/: fin$/m);
    expect(current.match(/se_presenter: au_revoir/g)).toHaveLength(2);

    // The state's own transitions, each removable.
    fireEvent.change(within(state).getByLabelText(fr_('studio.graph.state')), {
      target: { value: 'accueil' },
    });
    expect(
      within(state).getByRole('button', {
        name: named('studio.graph.removeTransitionNamed', 'Se présenter', 'Au revoir'),
      }),
    ).toBeTruthy();

    fireEvent.change(within(state).getByLabelText(fr_('studio.graph.state')), {
      target: { value: 'ecoute' },
    });
    fireEvent.click(
      within(state).getByRole('button', {
        name: named('studio.graph.removeTransitionNamed', 'Se présenter', 'Au revoir'),
      }),
    );
    expect(current.match(/se_presenter: au_revoir/g)).toHaveLength(1);

    fireEvent.change(within(state).getByLabelText(fr_('studio.graph.state')), {
      target: { value: 'au_revoir' },
    });
    fireEvent.click(within(state).getByRole('button', { name: /Supprimer.*Au revoir/ }));
    const dialog = within(state).getByRole('alertdialog');
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringMatching(/Se présenter.*Accueil/)]);
    expect(dialog.ownerDocument.activeElement).toBe(
      within(dialog).getByRole('button', { name: fr_('studio.graph.deleteConfirm') }),
    );
    act(() =>
      within(dialog)
        .getByRole('button', { name: fr_('studio.graph.deleteConfirm') })
        .click(),
    );
    expect(current).not.toContain('au_revoir');
    expect(current.startsWith('# Un commentaire qui doit rester.\n')).toBe(true);
  });

  it('« Modifier un état » shows the state by its name; its id only under the advanced options', () => {
    renderWithSession(<Harness graphToo />);
    const add = screen.getByRole('form', { name: fr['studio.graph.addState'] });
    fireEvent.change(within(add).getByLabelText(fr['studio.graph.stateName']), {
      target: { value: 'Écoute attentive' },
    });
    fireEvent.click(within(add).getByRole('button', { name: fr['studio.graph.addState'] }));
    const state = screen.getByRole('group', { name: fr['studio.graph.editState'] });
    fireEvent.change(within(state).getByLabelText(fr_('studio.graph.state')), {
      target: { value: 'ecoute_attentive' },
    });
    expect(shownOutsideAdvanced(state)).toContain('Écoute attentive');
    expect(shownOutsideAdvanced(state)).not.toContain('ecoute_attentive');
    const advanced = state.querySelector('details')!;
    expect(advanced.open).toBe(false);
    expect(within(advanced).getByText(forYamlWriters).textContent).toContain('ecoute_attentive');
  });

  it('an empty state name is an error on the field, which keeps the focus', () => {
    renderWithSession(<Harness graphToo />);
    const add = screen.getByRole('form', { name: fr['studio.graph.addState'] });
    const before = current;
    fireEvent.click(within(add).getByRole('button', { name: fr['studio.graph.addState'] }));
    const field = within(add).getByLabelText(fr['studio.graph.stateName']);
    expect(current).toBe(before);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = field.getAttribute('aria-describedby') ?? '';
    expect(field.ownerDocument.getElementById(describedBy)?.textContent).toBe(
      fr_('studio.graph.stateNameRequired'),
    );
    expect(field.ownerDocument.activeElement).toBe(field);
    fireEvent.change(field, { target: { value: 'Écoute' } });
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('a second transition on a move already taken without a condition: replace it, or add it first with one', () => {
    renderWithSession(<Harness graphToo />);
    const add = screen.getByRole('form', { name: fr['studio.graph.addState'] });
    fireEvent.change(within(add).getByLabelText(fr['studio.graph.stateName']), {
      target: { value: 'Écoute active' },
    });
    fireEvent.click(within(add).getByRole('button', { name: fr['studio.graph.addState'] }));

    const transition = screen.getByRole('form', { name: fr_('studio.graph.addTransition') });
    // The form opens on « Accueil » and « Se présenter », already taken: its own defaults are no
    // reason for a warning at page load.
    expect((within(transition).getByLabelText(fr_('studio.graph.from')) as HTMLSelectElement).value).toBe(
      'accueil',
    );
    expect((within(transition).getByLabelText(fr_('studio.graph.trigger')) as HTMLSelectElement).value).toBe(
      'se_presenter',
    );
    expect(within(transition).queryByRole('status')).toBeNull();
    fireEvent.change(within(transition).getByLabelText(fr_('studio.graph.from')), {
      target: { value: 'accueil' },
    });
    fireEvent.change(within(transition).getByLabelText(fr_('studio.graph.trigger')), {
      target: { value: 'se_presenter' },
    });
    fireEvent.change(within(transition).getByLabelText(fr_('studio.graph.to')), {
      target: { value: 'ecoute_active' },
    });
    expect(within(transition).getByRole('status').textContent).toContain(
      translate('fr', 'studio.graph.shadowWarning', { from: 'Accueil', to: 'Fin', trigger: 'Se présenter' }),
    );
    expect(within(transition).queryByRole('button', { name: fr_('studio.graph.addTransition') })).toBeNull();
    fireEvent.click(within(transition).getByRole('button', { name: fr_('studio.graph.replaceExisting') }));
    expect(current).toContain('        se_presenter: ecoute_active\n');
    expect(current).not.toContain('se_presenter: fin');

    // With a condition, it goes before the unguarded one, so both can fire.
    fireEvent.change(within(transition).getByLabelText(fr_('studio.graph.to')), { target: { value: 'fin' } });
    fireEvent.change(within(transition).getByLabelText(fr_('studio.guard.kind')), {
      target: { value: 'flag' },
    });
    fireEvent.change(within(transition).getByLabelText(fr_('studio.action.flagName')), {
      target: { value: 'presse' },
    });
    fireEvent.click(within(transition).getByRole('button', { name: fr_('studio.graph.addTransition') }));
    const on = (plainOf(current)?.['machine'] as { states: { accueil: { on: Record<string, unknown> } } })
      .states.accueil.on;
    expect(on['se_presenter']).toEqual([
      { target: 'fin', guard: { type: 'flag', params: { name: 'presse' } } },
      'ecoute_active',
    ]);
  });

  it('« Modifier un état » lists each transition with where it leads and « Supprimer cette transition »', () => {
    renderWithSession(<Harness graphToo />);
    const add = screen.getByRole('form', { name: fr['studio.graph.addState'] });
    fireEvent.change(within(add).getByLabelText(fr['studio.graph.stateName']), {
      target: { value: 'Écoute active' },
    });
    fireEvent.click(within(add).getByRole('button', { name: fr['studio.graph.addState'] }));
    const state = screen.getByRole('group', { name: fr['studio.graph.editState'] });
    fireEvent.change(within(state).getByLabelText(fr_('studio.graph.state')), {
      target: { value: 'accueil' },
    });
    fireEvent.change(
      within(state).getByRole('combobox', { name: named('studio.graph.changeTargetNamed', 'Se présenter') }),
      {
        target: { value: 'ecoute_active' },
      },
    );
    expect(current).toContain('        se_presenter: ecoute_active\n');
    // What a transition does is read back with it: its actions in words.
    const adding = screen.getByRole('form', { name: fr_('studio.graph.addTransition') });
    fireEvent.change(within(adding).getByLabelText(fr_('studio.graph.from')), {
      target: { value: 'accueil' },
    });
    fireEvent.change(within(adding).getByLabelText(fr_('studio.graph.trigger')), {
      target: { value: 'hangup' },
    });
    fireEvent.change(within(adding).getByLabelText(fr_('studio.graph.to')), {
      target: { value: ':stay' },
    });
    const effects = within(adding).getByRole('group', { name: fr_('studio.graph.transitionActions') });
    fireEvent.change(within(effects).getByLabelText(fr_('studio.action.type')), {
      target: { value: 'adjust' },
    });
    fireEvent.change(within(effects).getByLabelText(fr_('studio.action.by')), { target: { value: '-2' } });
    fireEvent.click(within(effects).getByRole('button', { name: fr_('studio.action.add') }));
    fireEvent.click(within(adding).getByRole('button', { name: fr_('studio.graph.addTransition') }));
    const hangup = within(state)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.startsWith(fr_('studio.graph.trigger.hangup')));
    expect(hangup?.textContent).toContain(
      translate('fr', 'studio.graph.outgoingDoes', {
        actions: translate('fr', 'studio.action.words.adjust', { variable: 'Confiance', by: '-2' }),
      }),
    );
    const remove = within(state).getByRole('button', {
      name: named('studio.graph.removeTransitionNamed', 'Écoute active'),
    });
    expect(remove.textContent).toBe(fr_('studio.graph.removeTransition'));
    fireEvent.click(remove);
    expect(current).not.toContain('se_presenter: ecoute_active');
    expect(
      screen
        .getAllByRole('status')
        .some((s) => (s.textContent ?? '').startsWith(lead('studio.graph.transitionRemoved'))),
    ).toBe(true);
  });
});

describe('actions added to a state or a transition that ends the call', () => {
  /** Picks « Dire une réplique » or « Terminer l'appel » in `picker` and adds it. */
  const addAction = (picker: HTMLElement, type: 'say' | 'end', ref: string) => {
    fireEvent.change(within(picker).getByLabelText(fr_('studio.action.type')), { target: { value: type } });
    fireEvent.change(within(picker).getByLabelText(fr_(`studio.action.ref.${type}`)), {
      target: { value: ref },
    });
    fireEvent.click(within(picker).getByRole('button', { name: fr_('studio.action.add') }));
  };

  it("a line added on entering a final state goes before « Terminer l'appel »: the engine would skip it after", () => {
    renderWithSession(<Harness graphToo />);
    const state = screen.getByRole('group', { name: fr_('studio.graph.editState') });
    fireEvent.change(within(state).getByLabelText(fr_('studio.graph.state')), { target: { value: 'fin' } });
    addAction(within(state).getByRole('group', { name: fr_('studio.graph.addEntry') }), 'say', 'bonjour');
    const entry = (plainOf(current)?.['machine'] as { states: { fin: { entry: unknown } } }).states.fin.entry;
    expect(entry).toEqual([
      { type: 'say', params: { line: 'bonjour' } },
      { type: 'end', params: { ending: 'aidee' } },
    ]);
    // Read back in that order, the order the caller plays them.
    const said = within(state)
      .getAllByRole('listitem')
      .map((li) => li.firstChild?.textContent ?? '');
    expect(said.slice(0, 2)).toEqual([expect.stringMatching(/^Dire/), expect.stringMatching(/^Fin/)]);
  });

  it("a transition's line chosen after « Terminer l'appel » is listed, and written, before it", () => {
    renderWithSession(<Harness graphToo />);
    const form = screen.getByRole('form', { name: fr_('studio.graph.addTransition') });
    fireEvent.change(within(form).getByLabelText(fr_('studio.graph.from')), { target: { value: 'accueil' } });
    fireEvent.change(within(form).getByLabelText(fr_('studio.graph.trigger')), {
      target: { value: 'hangup' },
    });
    fireEvent.change(within(form).getByLabelText(fr_('studio.graph.to')), { target: { value: ':stay' } });
    const picker = within(form).getByRole('group', { name: fr_('studio.graph.transitionActions') });
    addAction(picker, 'end', 'aidee');
    addAction(picker, 'say', 'bonjour');
    const listed = within(form).getByRole('list', { name: fr_('studio.graph.transitionActions') });
    expect(
      within(listed)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent ?? ''),
    ).toEqual([expect.stringMatching(/^Dire/), expect.stringMatching(/^Fin/)]);
    fireEvent.click(within(form).getByRole('button', { name: fr_('studio.graph.addTransition') }));
    const accueil = (
      plainOf(current)?.['machine'] as { states: { accueil: { on: Record<string, unknown> } } }
    ).states.accueil;
    expect(accueil.on['hangup']).toEqual({
      actions: [
        { type: 'say', params: { line: 'bonjour' } },
        { type: 'end', params: { ending: 'aidee' } },
      ],
    });
  });
});

describe("« À tout moment de l'appel »: an inject the trainer may send whatever the state", () => {
  const WITH_INJECT = BLANK.replace(
    'endings:',
    'injects:\n  sonnette: { label: La sonnette retentit, help: On sonne chez la personne. }\nendings:',
  );
  const injectIdle = (text: string) =>
    lintScenario('essai.yaml', text).issues.some((i) => i.code === 'lint/inject_never_offered');

  it('« Depuis » offers no final state: nothing leaves a state that ends the call', () => {
    renderWithSession(<Harness graphToo />);
    const form = screen.getByRole('form', { name: fr_('studio.graph.addTransition') });
    const from = within(form).getByLabelText(fr_('studio.graph.from')) as HTMLSelectElement;
    expect(Array.from(from.options).map((o) => o.textContent)).toEqual([
      'Accueil',
      fr_('studio.graph.wholeCall'),
    ]);
    // Where it leads may still be one.
    const to = within(form).getByLabelText(fr_('studio.graph.to')) as HTMLSelectElement;
    expect(Array.from(to.options).map((o) => o.value)).toContain('fin');
  });

  it('a transition from the whole call is written on the machine, listed, edited and removed there', () => {
    expect(injectIdle(WITH_INJECT)).toBe(true);
    renderWithSession(<Harness graphToo initial={WITH_INJECT} />);
    const form = screen.getByRole('form', { name: fr_('studio.graph.addTransition') });
    fireEvent.change(within(form).getByLabelText(fr_('studio.graph.from')), { target: { value: ':call' } });
    expect(
      (within(form).getByLabelText(fr_('studio.graph.from')) as HTMLSelectElement).selectedOptions[0]
        ?.textContent,
    ).toBe(fr_('studio.graph.wholeCall'));
    fireEvent.change(within(form).getByLabelText(fr_('studio.graph.trigger')), {
      target: { value: 'sonnette' },
    });
    fireEvent.change(within(form).getByLabelText(fr_('studio.graph.to')), { target: { value: ':stay' } });
    const picker = within(form).getByRole('group', { name: fr_('studio.graph.transitionActions') });
    fireEvent.change(within(picker).getByLabelText(fr_('studio.action.ref.say')), {
      target: { value: 'bonjour' },
    });
    fireEvent.click(within(picker).getByRole('button', { name: fr_('studio.action.add') }));
    fireEvent.click(within(form).getByRole('button', { name: fr_('studio.graph.addTransition') }));
    const machine = plainOf(current)?.['machine'] as { on?: Record<string, unknown> };
    expect(machine.on).toEqual({ sonnette: { actions: { type: 'say', params: { line: 'bonjour' } } } });
    const whole = fr_('studio.graph.wholeCallShort');
    expect(
      screen
        .getAllByRole('status')
        .some(
          (s) =>
            s.textContent === translate('fr', 'studio.graph.transitionAdded', { from: whole, to: whole }),
        ),
    ).toBe(true);
    // Every state takes it: the engine offers the inject, whatever the state.
    expect(injectIdle(current)).toBe(false);

    // « Modifier un état » on the whole call: its transitions, and nothing that only a state has.
    const state = screen.getByRole('group', { name: fr_('studio.graph.editState') });
    fireEvent.change(within(state).getByLabelText(fr_('studio.graph.state')), { target: { value: ':call' } });
    expect(state.textContent).toContain(fr_('studio.graph.wholeCallHint'));
    expect(within(state).queryByLabelText(fr_('studio.graph.stateName'))).toBeNull();
    fireEvent.click(
      within(state).getByRole('button', {
        name: named('studio.graph.editTransitionNamed', 'La sonnette retentit'),
      }),
    );
    const editing = screen.getByRole('form', { name: fr_('studio.graph.editTransition') });
    expect((within(editing).getByLabelText(fr_('studio.graph.from')) as HTMLSelectElement).value).toBe(
      ':call',
    );
    fireEvent.change(within(editing).getByLabelText(fr_('studio.graph.to')), { target: { value: 'fin' } });
    fireEvent.click(within(editing).getByRole('button', { name: fr_('studio.graph.saveTransition') }));
    expect((plainOf(current)?.['machine'] as { on?: Record<string, unknown> }).on).toEqual({
      sonnette: { target: '.fin', actions: { type: 'say', params: { line: 'bonjour' } } },
    });
    expect(parseScenario(current).ok).toBe(true);
    fireEvent.click(
      within(state).getByRole('button', {
        name: named('studio.graph.removeTransitionNamed', 'La sonnette retentit'),
      }),
    );
    expect((plainOf(current)?.['machine'] as { on?: unknown }).on).toBeUndefined();
  });
});

describe('editing in place, combined conditions, parallel states, renamed table entries', () => {
  it('« Modifier » opens the transition form pre-filled; saved, it stays in its place with its new condition', () => {
    renderWithSession(<Harness graphToo />);
    const state = screen.getByRole('group', { name: fr['studio.graph.editState'] });
    fireEvent.change(within(state).getByLabelText(fr_('studio.graph.state')), {
      target: { value: 'accueil' },
    });
    fireEvent.click(
      within(state).getByRole('button', { name: named('studio.graph.editTransitionNamed', 'Se présenter') }),
    );
    const form = screen.getByRole('form', { name: fr_('studio.graph.editTransition') });
    expect((within(form).getByLabelText(fr_('studio.graph.from')) as HTMLSelectElement).value).toBe(
      'accueil',
    );
    expect((within(form).getByLabelText(fr_('studio.graph.trigger')) as HTMLSelectElement).value).toBe(
      'se_presenter',
    );
    expect((within(form).getByLabelText(fr_('studio.graph.to')) as HTMLSelectElement).value).toBe('fin');
    expect(form.ownerDocument.activeElement).toBe(within(form).getByLabelText(fr_('studio.graph.trigger')));

    // « toutes ces conditions »: a variable, and « pas » a flag.
    fireEvent.change(within(form).getAllByLabelText(fr_('studio.guard.kind'))[0]!, {
      target: { value: 'all' },
    });
    const first = within(form).getByRole('group', { name: translate('fr', 'studio.guard.part', { n: 1 }) });
    fireEvent.change(within(first).getByLabelText(fr_('studio.action.value')), { target: { value: '3' } });
    const second = within(form).getByRole('group', { name: translate('fr', 'studio.guard.part', { n: 2 }) });
    fireEvent.change(within(second).getAllByLabelText(fr_('studio.guard.kind'))[0]!, {
      target: { value: 'not' },
    });
    const negated = within(second).getByRole('group', {
      name: translate('fr', 'studio.guard.part', { n: 1 }),
    });
    fireEvent.change(within(negated).getAllByLabelText(fr_('studio.guard.kind'))[0]!, {
      target: { value: 'visited' },
    });
    fireEvent.change(within(negated).getByLabelText(fr_('studio.graph.state')), { target: { value: 'fin' } });
    expect(within(form).getByText((text) => text.startsWith(lead('studio.guard.readBack'))).textContent).toBe(
      translate('fr', 'studio.guard.readBack', {
        condition: translate('fr', 'studio.guard.words.all', {
          list: [
            translate('fr', 'studio.guard.words.compare', {
              variable: 'Confiance',
              op: fr_('studio.guard.op.ge'),
              value: '3',
            }),
            notReachedFin,
          ].join(fr_('studio.guard.words.separator')),
        }),
      }),
    );
    fireEvent.click(within(form).getByRole('button', { name: fr_('studio.graph.saveTransition') }));
    expect(current).toContain('      on:\n        se_presenter:\n          target: fin\n          guard:');
    expect(current.startsWith('# Un commentaire qui doit rester.\n')).toBe(true);
    const accueil = (
      plainOf(current)?.['machine'] as { states: { accueil: { on: Record<string, unknown> } } }
    ).states.accueil;
    expect(accueil.on['se_presenter']).toEqual({
      target: 'fin',
      guard: {
        type: 'all',
        params: {
          of: [
            { type: 'compare', params: { variable: 'confiance', op: '>=', value: 3 } },
            { type: 'not', params: { guard: { type: 'visited', params: { state: 'fin' } } } },
          ],
        },
      },
    });
    expect(parseScenario(current).ok).toBe(true);
    expect(screen.getByRole('form', { name: fr_('studio.graph.addTransition') })).toBeTruthy();
    // Read back in words in the state's list, and opened again with its condition.
    const listed = within(state).getByRole('button', {
      name: named('studio.graph.editTransitionNamed', 'si toutes ces conditions'),
    });
    fireEvent.click(listed);
    const again = screen.getByRole('form', { name: fr_('studio.graph.editTransition') });
    expect((within(again).getAllByLabelText(fr_('studio.guard.kind'))[0] as HTMLSelectElement).value).toBe(
      'all',
    );
    expect(
      within(again).getByText((text) => text.startsWith(lead('studio.guard.readBack'))).textContent,
    ).toContain(notReachedFin);
    fireEvent.click(within(again).getByRole('button', { name: fr_('studio.graph.cancelEdit') }));
    expect(screen.getByRole('form', { name: fr_('studio.graph.addTransition') })).toBeTruthy();
  });

  it('« en parallèle » writes a parallel state with its regions', () => {
    renderWithSession(<Harness graphToo />);
    const add = screen.getByRole('form', { name: fr['studio.graph.addState'] });
    fireEvent.change(within(add).getByLabelText(fr['studio.graph.stateName']), {
      target: { value: 'Suivi' },
    });
    fireEvent.click(within(add).getByLabelText(fr['studio.graph.parallel']));
    fireEvent.change(within(add).getByLabelText(translate('fr', 'studio.graph.regionName', { n: 1 })), {
      target: { value: 'Émotion' },
    });
    fireEvent.change(within(add).getByLabelText(translate('fr', 'studio.graph.regionName', { n: 2 })), {
      target: { value: 'Alerte' },
    });
    fireEvent.click(within(add).getByRole('button', { name: fr_('studio.graph.addRegion') }));
    fireEvent.change(within(add).getByLabelText(translate('fr', 'studio.graph.regionName', { n: 3 })), {
      target: { value: 'Rappel' },
    });
    fireEvent.click(within(add).getByRole('button', { name: fr['studio.graph.addState'] }));
    expect(plainOf(current)?.['machine']).toMatchObject({
      states: {
        suivi: {
          label: 'Suivi',
          type: 'parallel',
          states: { emotion: { label: 'Émotion' }, alerte: { label: 'Alerte' }, rappel: { label: 'Rappel' } },
        },
      },
    });
    const parsedCall = parseScenario(current);
    expect(
      parsedCall.ok && scenarioGraphModel(parsedCall.scenario).nodes.find((n) => n.id === 'suivi')?.type,
    ).toBe('parallel');
    // A region is a place for new states.
    expect(
      within(add)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toContain('Dans «\u00a0Émotion\u00a0»');
  });

  it('wording: every « Quand » choice and every signal is capitalised; the studio keys use one apostrophe', () => {
    renderWithSession(<Harness graphToo />);
    const add = screen.getByRole('form', { name: fr_('studio.graph.addTransition') });
    const when = within(add).getByLabelText(fr_('studio.graph.trigger')) as HTMLSelectElement;
    const labels = [...when.options].map((o) => o.textContent ?? '');
    expect(labels).toContain('Aussitôt');
    for (const label of labels) expect(label).toMatch(/^[^a-zà-ÿ]/);
    fireEvent.change(within(add).getAllByLabelText(fr_('studio.forms.rubric.move'))[0] as HTMLSelectElement, {
      target: { value: 'cue' },
    });
    const signals = [
      ...(within(add).getByLabelText(fr_('studio.action.ref.cue')) as HTMLSelectElement).options,
    ].map((o) => o.textContent);
    expect(signals).toContain('Silence');
    const studio = Object.entries(fr).filter(([key]) => key.startsWith('studio.'));
    expect(studio.filter(([, words]) => words.includes('\u2019')).map(([key]) => key)).toEqual([]);
  });

  it('« en parallèle » with its regions left unnamed still writes a parallel state, regions named by default', () => {
    renderWithSession(<Harness graphToo />);
    const add = screen.getByRole('form', { name: fr['studio.graph.addState'] });
    fireEvent.change(within(add).getByLabelText(fr['studio.graph.stateName']), {
      target: { value: 'Deux fils' },
    });
    fireEvent.click(within(add).getByLabelText(fr['studio.graph.parallel']));
    fireEvent.click(within(add).getByRole('button', { name: fr['studio.graph.addState'] }));
    expect(plainOf(current)?.['machine']).toMatchObject({
      states: {
        deux_fils: {
          label: 'Deux fils',
          type: 'parallel',
          states: { region_1: { label: 'Région 1' }, region_2: { label: 'Région 2' } },
        },
      },
    });
    expect(parseScenario(current).ok).toBe(true);
  });

  it('renaming a move follows its transition and criterion; deleting a line lists who says it first', () => {
    renderWithSession(<Harness />);
    fireEvent.click(screen.getByRole('tab', { name: fr['studio.forms.moves'] }));
    const moves = screen.getByRole('tabpanel', { name: fr['studio.forms.moves'] });
    const move = within(moves).getByRole('group', { name: 'Se présenter' });
    // Which field is the shown name, which one remakes the short name the YAML cites: each says it
    // under it, the second for who writes the YAML, under the advanced options.
    expect(
      within(move)
        .getByRole('textbox', { name: fr_('studio.forms.label') })
        .getAttribute('aria-describedby'),
    ).toBeTruthy();
    expect(within(move).getByText(/^Le nom affiché/).textContent).toBe(fr['studio.forms.labelHint']);
    expect(within(move).getByText(forYamlWriters).closest('details')).not.toBeNull();
    expect(within(move).getByText(forYamlWriters).textContent).toMatch(/«\sse_presenter\s»/);
    fireEvent.change(within(move).getByLabelText(fr_('studio.forms.moves.rename')), {
      target: { value: 'Dire son nom' },
    });
    fireEvent.click(within(move).getByRole('button', { name: fr_('studio.forms.moves.renameButton') }));
    expect(current).toContain('        dire_son_nom: fin\n');
    expect(current).toContain('auto: { move: dire_son_nom }');
    expect(current).toContain('  dire_son_nom: { label: Dire son nom, category: listening');
    expect(current).not.toContain('se_presenter');
    expect(within(moves).getByRole('status').textContent).toMatch(
      /Se présenter.*renommé.*Dire son nom.*nom court dans le YAML devient «\sdire_son_nom\s»/,
    );

    fireEvent.click(screen.getByRole('tab', { name: fr['studio.forms.lines'] }));
    const lines = screen.getByRole('tabpanel', { name: fr['studio.forms.lines'] });
    const before = current;
    const remove = within(lines).getByRole('button', { name: /^Supprimer «\sAllô/ });
    fireEvent.click(remove);
    expect(current).toBe(before);
    const dialog = within(lines).getByRole('alertdialog');
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([translate('fr', 'studio.forms.ref.sayEntry', { state: 'Accueil' })]);
    expect(dialog.ownerDocument.activeElement).toBe(
      within(dialog).getByRole('button', { name: fr_('studio.graph.deleteConfirm') }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: fr_('studio.graph.deleteCancel') }));
    expect(current).toBe(before);
    expect(lines.ownerDocument.activeElement).toBe(
      within(lines).getByRole('button', { name: /^Supprimer «\sAllô/ }),
    );
    fireEvent.click(within(lines).getByRole('button', { name: /^Supprimer «\sAllô/ }));
    act(() =>
      within(lines)
        .getByRole('button', { name: fr_('studio.graph.deleteConfirm') })
        .click(),
    );
    expect(current).not.toContain('bonjour');
    expect(parseScenario(current).ok).toBe(true);
  });
  it('deleting a move whose transition sets a flag still read elsewhere: the dialog warns first', () => {
    const flagged = BLANK.replace(
      '  se_presenter: { label: Se présenter, category: listening, help: Dire son prénom. }\n',
      '  se_presenter: { label: Se présenter, category: listening, help: Dire son prénom. }\n' +
        '  reformuler: { label: Reformuler, category: listening, help: Redire. }\nflags:\n  presente: { label: Présentée }\n',
    ).replace(
      '        se_presenter: fin\n',
      '        se_presenter: { target: ecoute, actions: { type: flag, params: { name: presente } } }\n' +
        '    ecoute:\n      label: Écoute\n      on:\n' +
        '        reformuler: { guard: { type: flag, params: { name: presente } }, target: fin }\n',
    );
    expect(parseScenario(flagged).ok).toBe(true);
    renderWithSession(<Harness initial={flagged} />);
    fireEvent.click(screen.getByRole('tab', { name: fr['studio.forms.moves'] }));
    const moves = screen.getByRole('tabpanel', { name: fr['studio.forms.moves'] });
    fireEvent.click(within(moves).getByRole('button', { name: /^Supprimer «\sSe présenter/ }));
    const dialog = within(moves).getByRole('alertdialog');
    expect(dialog.textContent).toContain(translate('fr', 'studio.forms.flagUnset', { flag: 'Présentée' }));
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toContain(translate('fr', 'studio.forms.flagRead.guard', { trigger: 'Reformuler', from: 'Écoute' }));
    // A move no transition of which sets a flag: no warning.
    fireEvent.click(within(dialog).getByRole('button', { name: fr_('studio.graph.deleteCancel') }));
    fireEvent.click(within(moves).getByRole('button', { name: /^Supprimer «\sReformuler/ }));
    expect(within(moves).getByRole('alertdialog').textContent).not.toMatch(/drapeau/);
  });
});
