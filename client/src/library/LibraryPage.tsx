// `/bibliotheque`: `library.heading` — the organisation's calls (draft, published) and the
// built-in ones (read-only, can be duplicated); authors and administrators create a call from the
// blank template, import a YAML file, or duplicate one; every call opens in the editor.
// A new call is asked its title only: the server makes its id from it (a copy's from its call's).
// Who wants another short name for its address and files finds it folded under
// `library.new.advanced`.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { LibraryCallSummary, LibraryIssue } from '@ecoute/protocol';
import { accountApi } from '../account/accountApi.js';
import { SignedInPage } from '../account/SignedInPage.js';
import { markLibraryBrowsed } from '../account/firstStepsStore.js';
import { engineWords, useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import { libraryApi } from './libraryApi.js';
import './library.css';
import { ScrollTable } from '../ui/ScrollTable.js';
import { ScenarioText } from '../i18n/ScenarioText.js';
import { MessageWithScenario } from '../i18n/MessageWithScenario.js';

/** The server's rule for a call's id (the engine's `SCENARIO_ID_PATTERN`). */
const CALL_ID_RULE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function LibraryPage({
  api = libraryApi,
  accounts = accountApi,
}: {
  api?: typeof libraryApi;
  accounts?: Pick<typeof accountApi, 'me'>;
}) {
  const { t } = useI18n();
  return (
    <SignedInPage heading={t('library.heading')} page="library" className="library" accounts={accounts}>
      {(me) => <Library api={api} writer={me.role !== 'trainer'} userId={me.userId} />}
    </SignedInPage>
  );
}

function Library({ api, writer, userId }: { api: typeof libraryApi; writer: boolean; userId: string }) {
  const { t, lang } = useI18n();
  // Browsed: the home page's first steps tick `account.firstSteps.library`, however the page was reached.
  useEffect(() => markLibraryBrowsed(userId), [userId]);
  const navigate = useNavigate();
  const [calls, setCalls] = useState<LibraryCallSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Empty: the server makes the id from the title. A short name of one's own is checked here first
  // (its field may sit in a closed `details`, where the browser's own check could not show it).
  const [ownId, setOwnId] = useState('');
  const [ownIdInvalid, setOwnIdInvalid] = useState(false);
  /** library.new.jump: the new call's title field, under the library's table. */
  const newTitle = useRef<HTMLInputElement>(null);
  const advanced = useRef<HTMLDetailsElement>(null);
  const ownIdField = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');
  const headingId = useId();
  const createId = useId();
  const importId = useId();
  const fileNameId = useId();
  const [fileName, setFileName] = useState<string | null>(null);
  // An import's refusal shows in its own section, with the file's errors and their lines.
  const [importError, setImportError] = useState<{ code: string; issues: LibraryIssue[] } | null>(null);

  const load = useCallback(() => {
    void api.list().then((result) => (result.ok ? setCalls(result.data) : setError(result.code)));
  }, [api]);
  // Asked once someone is signed in (SignedInPage): signed out, the library would answer a 401.
  useEffect(() => {
    load();
  }, [load]);

  const open = (callId: string) => void navigate(`/bibliotheque/${encodeURIComponent(callId)}`);
  const created = (result: Awaited<ReturnType<typeof api.create>>) => {
    if (result.ok) open(result.data.id);
    else setError(result.code);
  };
  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    const id = ownId.trim();
    if (id && !CALL_ID_RULE.test(id)) {
      setOwnIdInvalid(true);
      if (advanced.current) advanced.current.open = true;
      ownIdField.current?.focus();
      return;
    }
    setOwnIdInvalid(false);
    void api.create({ blank: true, ...(id ? { id } : {}), title: title.trim() }).then(created);
  };
  const onImport = (file: File | undefined) => {
    setImportError(null);
    if (!file) return;
    void file
      .text()
      .then((yaml) => api.importYaml(yaml))
      .then((result) => {
        if (result.ok) open(result.data.id);
        else setImportError({ code: result.code, issues: 'issues' in result ? result.issues : [] });
      });
  };

  return (
    <div className="library">
      <h1 id={headingId}>{t('library.heading')}</h1>
      <p>
        <Link to="/">{t('nav.back.home')}</Link>
      </p>
      {/* A trainer finds no way to write here: the page says who writes, and what is theirs to do.
          A writer finds the way to a new call at once: its form waits under every call of the
          library, built-ins first (two screens down on a phone). */}
      {writer ? (
        <p>
          <button
            type="button"
            className="button--link"
            // Focusing scrolls the field into view.
            onClick={() => newTitle.current?.focus()}
          >
            {t('library.new.jump')}
          </button>
        </p>
      ) : (
        <p>{t('library.readerNote')}</p>
      )}
      <ErrorAlert code={error} />
      {calls === null ? (
        <p role="status">{t('library.loading')}</p>
      ) : (
        <ScrollTable name={t('library.heading')}>
          <table className="library__table" aria-labelledby={headingId}>
            <thead>
              <tr>
                <th scope="col">{t('library.col.title')}</th>
                <th scope="col">{t('library.col.status')}</th>
                <th scope="col">{t('library.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <ScenarioText>{c.title}</ScenarioText>
                  </th>
                  <td>
                    {c.builtIn
                      ? t('library.status.builtIn', { version: c.published ?? 1 })
                      : [
                          c.published !== undefined
                            ? t('library.status.published', { version: c.published })
                            : '',
                          c.draft !== undefined ? t('library.status.draft', { version: c.draft }) : '',
                        ]
                          .filter(Boolean)
                          .join(t('ui.separator.dot'))}
                  </td>
                  <td>
                    <div className="library__actions">
                      <Link to={`/bibliotheque/${encodeURIComponent(c.id)}`}>
                        {writer && !c.builtIn ? t('library.edit') : t('library.open')}
                        {/* Out of the table, in a list of the page's links, each names its call. */}
                        <span className="visually-hidden">
                          {' '}
                          <MessageWithScenario k="library.ofCall" scenario={{ title: c.title }} />
                        </span>
                      </Link>
                      {writer ? (
                        <button
                          type="button"
                          className="button--link"
                          onClick={() => void api.create({ duplicate: c.id }).then(created)}
                        >
                          {t('library.duplicate')}
                          <span className="visually-hidden">
                            {' '}
                            <MessageWithScenario k="library.ofCall" scenario={{ title: c.title }} />
                          </span>
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
      {writer ? (
        <div className="library__new">
          <form className="panel" aria-labelledby={createId} onSubmit={onCreate}>
            <h2 id={createId}>{t('library.new.heading')}</h2>
            <label>
              {t('library.new.title')}
              <input
                ref={newTitle}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                required
                maxLength={200}
              />
            </label>
            <details ref={advanced} className="library__advanced disclosure">
              <summary>{t('library.new.advanced')}</summary>
              <label>
                {t('library.new.id')}
                <input
                  ref={ownIdField}
                  value={ownId}
                  onChange={(e) => {
                    setOwnId(e.target.value);
                    setOwnIdInvalid(false);
                  }}
                  maxLength={64}
                  autoCapitalize="none"
                  spellCheck={false}
                  aria-invalid={ownIdInvalid || undefined}
                  aria-describedby={`${createId}-hint${ownIdInvalid ? ` ${createId}-invalid` : ''}`}
                />
              </label>
              <p id={`${createId}-hint`} className="muted">
                {t('library.new.idHint')}
              </p>
              {ownIdInvalid ? (
                <p id={`${createId}-invalid`} className="library__invalid" role="alert">
                  {t('library.new.idInvalid')}
                </p>
              ) : null}
            </details>
            <button type="submit">{t('library.new.create')}</button>
          </form>
          <section className="panel" aria-labelledby={importId}>
            <h2 id={importId}>{t('library.import.heading')}</h2>
            {/* The browser's own file button speaks the browser's language, not the page's: it stays
                the control, out of sight, and a button-like text in the page's language shows it. */}
            <label className="file-pick">
              {t('library.import.file')}
              <input
                type="file"
                className="visually-hidden"
                accept=".yaml,.yml,application/yaml"
                aria-describedby={fileNameId}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  setFileName(file?.name ?? null);
                  onImport(file);
                  // The same file, mended, can be chosen again (an unchanged value fires no change).
                  e.target.value = '';
                }}
              />
              <span className="file-pick__row">
                <span className="button file-pick__button" aria-hidden="true">
                  {t('library.import.choose')}
                </span>
              </span>
            </label>
            <p id={fileNameId} className="muted">
              {fileName ?? t('library.import.none')}
            </p>
            <ErrorAlert code={importError?.code} />
            {importError && importError.issues.length > 0 ? (
              <ul className="library__import-issues" aria-label={t('library.import.issues')}>
                {importError.issues.map((issue, i) => (
                  <li key={i}>
                    {issue.line !== undefined
                      ? t('library.import.issueAt', {
                          line: issue.line,
                          message: engineWords(lang, issue.text, issue.message),
                        })
                      : engineWords(lang, issue.text, issue.message)}
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
        </div>
      ) : null}
    </div>
  );
}
