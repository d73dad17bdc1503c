// The header's lint count opens the list of issues; each one's « Aller à… » gives the place.
import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, within } from '@testing-library/react';
import { frenchText, type LintIssue } from '@ecoute/engine';
import { translate } from '../../i18n/catalogue.js';
import { renderWithSession } from '../../test/renderWithSession.js';
import { IssueList, issueOffset } from './IssueList.js';
import type { IssuePlace } from './issuePlace.js';

const TEXT =
  'id: essai\nmachine:\n  states:\n    accueil:\n      label: Accueil\n    impasse:\n      label: Impasse\n';
const dead: LintIssue = {
  file: 'x',
  severity: 'error',
  code: 'lint/dead_end',
  message: "L'état « impasse » n'a aucune sortie.",
};
const atLine: LintIssue = {
  file: 'x',
  line: 5,
  column: 7,
  severity: 'warning',
  code: 'lint/x',
  message: 'Libellé',
};

/** An issue as the engine's lint gives it: its French, and the same as a code with parameters. */
const unreachable: LintIssue = {
  file: 'x',
  line: 4,
  severity: 'warning',
  code: 'lint/unreachable_state',
  message: frenchText({ code: 'lint.unreachable_state', params: { state: 'Orphelin' } }),
  text: { code: 'lint.unreachable_state', params: { state: 'Orphelin' } },
};

describe('the lint issues', () => {
  it("are in the page's language: English words on an English page, the engine's French on a French one", () => {
    const english = renderWithSession(<IssueList issues={[unreachable]} onGo={() => {}} />, { lang: 'en' });
    fireEvent.click(screen.getByRole('button', { name: /^0 errors?, 1 warning/ }));
    const warning = translate('en', 'editor.issues.warning', {
      message: translate('en', 'engine.lint.unreachable_state', { state: 'Orphelin' }),
    });
    expect(screen.getByRole('listitem').textContent).toContain(warning);
    english.unmount();

    renderWithSession(<IssueList issues={[unreachable]} onGo={() => {}} />);
    fireEvent.click(screen.getByRole('button'));
    expect(screen.getByRole('listitem').textContent).toContain(
      translate('fr', 'editor.issues.warning', { message: unreachable.message }),
    );
  });

  it('the count is a button with plural forms; the list gives each message and where to go', () => {
    const go = jest.fn<(issue: LintIssue) => void>();
    renderWithSession(<IssueList issues={[dead]} onGo={go} />);
    const toggle = screen.getByRole('button', { name: '1 erreur, 0 avertissement' });
    fireEvent.click(toggle);
    const list = screen.getByRole('list', { name: 'Erreurs et avertissements du texte' });
    expect(within(list).getByRole('listitem').textContent).toContain(
      "Erreur\u00a0: L'état « impasse » n'a aucune sortie.",
    );
    fireEvent.click(within(list).getByRole('button'));
    expect(go).toHaveBeenCalledWith(dead);
  });

  it('no issue is a status with a check, not a button (a disabled one read as a control out of use)', () => {
    const { container } = renderWithSession(<IssueList issues={[]} onGo={() => {}} />);
    const words = [
      translate('fr', 'editor.issues.errors.one', { count: 0 }),
      translate('fr', 'editor.issues.warnings.one', { count: 0 }),
    ].join(', ');
    expect(screen.queryByRole('button')).toBeNull();
    const status = screen.getByText(words);
    expect(status.classList.contains('studio__lint-ok')).toBe(true);
    // The check is drawn, not read: the counts are what a screen reader hears.
    expect(status.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
    expect(container.textContent).toBe(words);
  });

  it('an issue goes to its line and column, or to the state it names, or to the top', () => {
    const ranges = [
      { id: 'accueil', from: TEXT.indexOf('accueil:'), to: TEXT.indexOf('    impasse') },
      { id: 'impasse', from: TEXT.indexOf('impasse:'), to: TEXT.length },
    ];
    expect(issueOffset(atLine, TEXT, ranges)).toBe(TEXT.indexOf('label: Accueil'));
    expect(issueOffset(dead, TEXT, ranges)).toBe(TEXT.indexOf('impasse:'));
    expect(issueOffset({ ...dead, message: 'Rien de précis.' }, TEXT, ranges)).toBe(0);
  });

  it('an issue the forms mend offers « Corriger dans les formulaires », with its place; one they do not, only the line', () => {
    const onForm = jest.fn<(place: IssuePlace) => void>();
    const place: IssuePlace = { kind: 'state', state: 'impasse' };
    renderWithSession(
      <IssueList
        issues={[dead, atLine]}
        onGo={() => {}}
        placeOf={(issue) => (issue === dead ? place : null)}
        onForm={onForm}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: /^1 erreur/ }));
    const [first, second] = within(
      screen.getByRole('list', { name: translate('fr', 'editor.issues.list') }),
    ).getAllByRole('listitem');
    const goForm = translate('fr', 'editor.issues.goForm');
    // Named with its issue (several are in the list), its visible words first.
    const button = within(first!).getByRole('button', { name: new RegExp(`^${goForm}`) });
    expect(button.getAttribute('aria-label')).toBe(
      translate('fr', 'editor.issues.goFormNamed', { message: dead.message }),
    );
    expect(button.textContent).toBe(goForm);
    fireEvent.click(button);
    expect(onForm).toHaveBeenCalledWith(place);
    expect(within(second!).queryByRole('button', { name: new RegExp(`^${goForm}`) })).toBeNull();
    expect(
      within(second!).getByRole('button', { name: translate('fr', 'editor.issues.goLine', { line: 5 }) }),
    ).toBeTruthy();
  });
});
