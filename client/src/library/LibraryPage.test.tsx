import { describe, expect, it } from '@jest/globals';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { LibraryCallSummary, LibraryCreateRequest } from '@ecoute/protocol';
import { translate } from '../i18n/index.js';
import { renderWithSession } from '../test/renderWithSession.js';

const fr = (key: Parameters<typeof translate>[1]) => translate('fr', key);
import { libraryApi } from './libraryApi.js';
import { LibraryPage } from './LibraryPage.js';

const calls: LibraryCallSummary[] = [
  { id: 'appel-entrainement', title: "Appel d'entraînement", builtIn: true, published: 1 },
  { id: 'appel-entrainement-copie', title: "Appel d'entraînement (copie)", builtIn: false, draft: 1 },
  { id: 'appel-caf', title: 'Appel CAF', builtIn: false, draft: 1 },
];

const author = {
  me: () =>
    Promise.resolve({
      ok: true as const,
      data: {
        userId: 'u1',
        name: 'Camille',
        email: 'camille@example.org',
        role: 'author' as const,
        organizationName: 'Allô Numérique',
        retentionDays: 365,
      },
    }),
};

async function renderLibrary(
  importAnswer: Awaited<ReturnType<typeof libraryApi.importYaml>> = { ok: false, code: 'library/id_taken' },
): Promise<LibraryCreateRequest[]> {
  const sent: LibraryCreateRequest[] = [];
  const api = {
    ...libraryApi,
    list: () => Promise.resolve({ ok: true as const, data: calls }),
    create: (body: LibraryCreateRequest) => {
      sent.push(body);
      return Promise.resolve({ ok: false as const, code: 'library/exists', status: 409 });
    },
    importYaml: (yaml: string) => {
      sent.push({ yaml });
      return Promise.resolve(importAnswer);
    },
  } as unknown as typeof libraryApi;
  renderWithSession(<LibraryPage api={api} accounts={author} />);
  await act(async () => {
    await Promise.resolve();
  });
  await screen.findByRole('button', { name: 'Créer à partir du modèle vierge' });
  return sent;
}

describe('LibraryPage', () => {
  it('tells a trainer, who cannot write, who writes the calls and what is theirs to do', async () => {
    const trainer = {
      me: () =>
        author.me().then((answer) => ({ ...answer, data: { ...answer.data, role: 'trainer' as const } })),
    };
    const api = {
      ...libraryApi,
      list: () => Promise.resolve({ ok: true as const, data: calls }),
    } as unknown as typeof libraryApi;
    renderWithSession(<LibraryPage api={api} accounts={trainer} />);
    await screen.findByRole('row', { name: /Appel CAF/ });
    expect(screen.getByText(translate('fr', 'library.readerNote'))).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Dupliquer/ })).toBeNull();
  });

  it("names each call's « Ouvrir », « Modifier » and « Dupliquer », read out of the table too", async () => {
    await renderLibrary();
    const named = (action: 'library.open' | 'library.edit' | 'library.duplicate', title: string) =>
      `${translate('fr', action)} ${translate('fr', 'library.ofCall', { title })}`;
    expect(screen.getByRole('link', { name: named('library.open', "Appel d'entraînement") })).toBeTruthy();
    expect(screen.getByRole('link', { name: named('library.edit', 'Appel CAF') })).toBeTruthy();
    expect(screen.getByRole('button', { name: named('library.duplicate', 'Appel CAF') })).toBeTruthy();
  });

  it('says nothing of the kind to an author, who writes', async () => {
    await renderLibrary();
    expect(screen.queryByText(translate('fr', 'library.readerNote'))).toBeNull();
  });

  it('takes an author to the new call at once: its title field waits under every call', async () => {
    await renderLibrary();
    const form = screen.getByRole('form', { name: fr('library.new.heading') });
    const jump = screen.getByRole('button', { name: fr('library.new.jump') });
    // Above the table, the first thing after the way back.
    expect(
      jump.compareDocumentPosition(screen.getByRole('table')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    fireEvent.click(jump);
    expect(document.activeElement).toBe(within(form).getByRole('textbox', { name: fr('library.new.title') }));
  });

  it('asks a new call its title only: no id to understand, the server makes it from the title', async () => {
    const sent = await renderLibrary();
    const form = screen.getByRole('form', { name: fr('library.new.heading') });
    const advanced = form.querySelector('details')!;
    // The short name waits, folded, for who wants one of their own.
    expect(advanced.open).toBe(false);
    expect(advanced.querySelector('summary')?.textContent).toBe(fr('library.new.advanced'));
    const shown = Array.from(form.querySelectorAll('input')).filter((input) => !advanced.contains(input));
    expect(shown.map((input) => input.labels?.[0]?.textContent)).toEqual([fr('library.new.title')]);
    fireEvent.change(within(form).getByRole('textbox', { name: fr('library.new.title') }), {
      target: { value: 'Appel CAF' },
    });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: fr('library.new.create') }));
    });
    expect(sent).toEqual([{ blank: true, title: 'Appel CAF' }]);
  });

  it('takes a short name of their own from the advanced options, and says there why one does not fit', async () => {
    const sent = await renderLibrary();
    const form = screen.getByRole('form', { name: fr('library.new.heading') });
    const advanced = form.querySelector('details')!;
    fireEvent.change(within(form).getByRole('textbox', { name: fr('library.new.title') }), {
      target: { value: 'Un autre titre' },
    });
    const own = within(form).getByRole('textbox', { name: fr('library.new.id') });
    fireEvent.change(own, { target: { value: 'Mon appel' } });
    // Closed again before sending: the check opens it and says why, the focus on the field.
    advanced.open = false;
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: fr('library.new.create') }));
    });
    expect(sent).toEqual([]);
    expect(advanced.open).toBe(true);
    expect(document.activeElement).toBe(own);
    expect(own.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByRole('alert').textContent).toBe(fr('library.new.idInvalid'));
    fireEvent.change(own, { target: { value: 'mon-appel' } });
    expect(within(form).queryByRole('alert')).toBeNull();
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: fr('library.new.create') }));
    });
    expect(sent).toEqual([{ blank: true, id: 'mon-appel', title: 'Un autre titre' }]);
  });

  it("leaves a copy's id and title to the server, which numbers them", async () => {
    const sent = await renderLibrary();
    const duplicates = screen.getAllByRole('button', { name: /^Dupliquer / });
    await act(async () => {
      fireEvent.click(duplicates[0]!);
    });
    expect(sent).toEqual([{ duplicate: 'appel-entrainement' }]);
  });

  it('signed out: its heading and the way to sign in, without asking the library', async () => {
    let asked = 0;
    const api = {
      ...libraryApi,
      list: () => {
        asked++;
        return Promise.resolve({ ok: true as const, data: calls });
      },
    } as unknown as typeof libraryApi;
    const signedOut = { me: () => Promise.resolve({ ok: false as const, code: 'auth/sign_in_required' }) };
    renderWithSession(<LibraryPage api={api} accounts={signedOut} />);
    await screen.findByRole('link', { name: 'Se connecter' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe("Bibliothèque d'appels");
    expect(screen.getByText('Connectez-vous pour continuer.')).not.toBeNull();
    expect(asked).toBe(0);
  });

  it("imports a YAML file through a control in the page's language, not the browser's", async () => {
    const sent = await renderLibrary();
    const input = screen.getByLabelText(/^Fichier de scénario \(\.yaml\)/) as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(screen.getByText('Choisir un fichier…')).not.toBeNull();
    expect(input.getAttribute('aria-describedby')).toBe(screen.getByText('Aucun fichier choisi').id);
    const file = new File(['id: x\n'], 'appel-caf.yaml', { type: 'application/yaml' });
    // jsdom's File has no text(): the browser's does.
    Object.defineProperty(file, 'text', { value: () => Promise.resolve('id: x\n') });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
      await Promise.resolve();
    });
    expect(screen.getByText('appel-caf.yaml')).not.toBeNull();
    await waitFor(() => expect(sent).toEqual([{ yaml: 'id: x\n' }]));
  });

  it('says why a file was refused, by the import, with its errors and their lines, and takes the mended file again', async () => {
    const sent = await renderLibrary({
      ok: false,
      code: 'library/import_unreadable',
      issues: [
        {
          line: 3,
          column: 1,
          severity: 'error',
          code: 'scenario/yaml',
          message:
            'YAML invalide\u00a0: crochet fermant «\u00a0]\u00a0» manquant\u00a0: une liste ouverte par «\u00a0[\u00a0» finit par «\u00a0]\u00a0»',
        },
      ],
    });
    const input = screen.getByLabelText(/^Fichier de scénario \(\.yaml\)/) as HTMLInputElement;
    const pick = async (text: string) => {
      const file = new File([text], 'appel.yaml', { type: 'application/yaml' });
      Object.defineProperty(file, 'text', { value: () => Promise.resolve(text) });
      await act(async () => {
        fireEvent.change(input, { target: { files: [file] } });
        await Promise.resolve();
      });
    };
    await pick('id: x\ntitle: [oups\n');
    const section = screen.getByRole('region', { name: fr('library.import.heading') });
    const alert = await waitFor(() => {
      const found = within(section)
        .getAllByRole('alert')
        .find((a) => a.textContent !== '');
      expect(found).toBeDefined();
      return found!;
    });
    expect(alert.textContent).toBe(
      "Ce fichier n'est pas un YAML lisible\u00a0: corrigez-le, puis importez-le de nouveau.",
    );
    const list = within(section).getByRole('list', { name: 'Erreurs du fichier' });
    expect(list.textContent).toBe(
      'Ligne 3\u00a0: YAML invalide\u00a0: crochet fermant «\u00a0]\u00a0» manquant\u00a0: une liste ouverte par «\u00a0[\u00a0» finit par «\u00a0]\u00a0»',
    );
    // The control was emptied: choosing the same file name again is a change the page hears.
    expect(input.value).toBe('');
    await pick('id: x\ntitle: Réparé\n');
    expect(sent.map((s) => ('yaml' in s ? s.yaml : null))).toEqual([
      'id: x\ntitle: [oups\n',
      'id: x\ntitle: Réparé\n',
    ]);
  });
});
