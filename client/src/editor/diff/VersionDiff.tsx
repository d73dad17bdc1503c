// `studio.diff.heading` on the call's page: what changed in the call (states, transitions,
// lines, rubric, then the rest of the call by part: `scenarioChanges`) and the two texts side by side (`sideBySide`), removed text in
// `<del>`, added text in `<ins>`, each with a sign, never by colour alone.
import { useId, useState, type FormEvent } from 'react';
import type { LibraryVersionStatus, LibraryVersionSummary } from '@ecoute/protocol';
import { engineWords, pluralForm, useI18n, type MessageKey } from '../../i18n/index.js';
import {
  scenarioChanges,
  sideBySide,
  type Change,
  type ChangesResult,
  type OtherPart,
  type TextRow,
} from './versionDiff.js';
import './versionDiff.css';

const STATUS_KEYS: Record<LibraryVersionStatus, MessageKey> = {
  draft: 'studio.diff.status.draft',
  published: 'studio.diff.status.published',
  retired: 'studio.diff.status.retired',
};
const CHANGE_KEYS: Record<Change['kind'], MessageKey> = {
  added: 'studio.diff.added',
  removed: 'studio.diff.removed',
  changed: 'studio.diff.changed',
};
/** The rest of the call's parts, named as the forms' tabs name them. */
const PART_KEYS: Record<OtherPart, MessageKey> = {
  call: 'studio.forms.call',
  persona: 'studio.forms.persona',
  variables: 'studio.forms.variables',
  moves: 'studio.forms.moves',
  injects: 'studio.forms.injects',
  endings: 'studio.forms.endings',
  settings: 'studio.diff.settings',
};
const SECTIONS = [
  ['states', 'studio.diff.states'],
  ['transitions', 'studio.diff.transitions'],
  ['lines', 'studio.diff.lines'],
  ['rubric', 'studio.diff.rubric'],
] as const;

interface Compared {
  before: number;
  after: number;
  changes: ChangesResult;
  rows: TextRow[];
}

export function VersionDiff({
  versions,
  loadText,
}: {
  versions: LibraryVersionSummary[];
  /** A version's YAML, or null when it cannot be read. */
  loadText: (version: number) => Promise<string | null>;
}) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const [before, setBefore] = useState(sorted.at(-2)?.version ?? sorted[0]?.version ?? 1);
  const [after, setAfter] = useState(sorted.at(-1)?.version ?? 1);
  const [status, setStatus] = useState('');
  const [compared, setCompared] = useState<Compared | null>(null);

  if (sorted.length < 2) return null;
  const words = (from: string, to: string, label: string) =>
    t('studio.coverage.transition', {
      from: from || t('studio.coverage.anywhere'),
      to: to || t('studio.coverage.anywhere'),
      label,
    });

  const compare = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(t('studio.diff.loading'));
    const [a, b] = await Promise.all([loadText(before), loadText(after)]).catch(() => [null, null]);
    if (a === null || b === null) return setStatus(t('studio.diff.failed'));
    setCompared({
      before,
      after,
      changes: scenarioChanges(a, b, words, (edge) => engineWords(lang, edge.text, edge.label)),
      rows: sideBySide(a, b),
    });
    setStatus(t('studio.diff.done', { before, after }));
  };
  const option = (v: LibraryVersionSummary) => (
    <option key={v.version} value={v.version}>
      {t('studio.diff.version', { version: v.version, status: t(STATUS_KEYS[v.status]) })}
    </option>
  );

  return (
    <section className="version-diff" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('studio.diff.heading')}</h2>
      <form className="studio__actions" onSubmit={(e) => void compare(e)}>
        <label>
          {t('studio.diff.before')}{' '}
          <select value={before} onChange={(e) => setBefore(Number(e.target.value))}>
            {sorted.map(option)}
          </select>
        </label>
        <label>
          {t('studio.diff.after')}{' '}
          <select value={after} onChange={(e) => setAfter(Number(e.target.value))}>
            {sorted.map(option)}
          </select>
        </label>
        <button type="submit">{t('studio.diff.compare')}</button>
      </form>
      <p role="status">{status}</p>
      {compared ? <DiffResult compared={compared} /> : null}
    </section>
  );
}

function DiffResult({ compared }: { compared: Compared }) {
  const { t, lang } = useI18n();
  const { changes, rows } = compared;
  return (
    <>
      <h3>{t('studio.diff.changes')}</h3>
      {changes.ok ? (
        <>
          {SECTIONS.map(([key, heading]) => (
            <div key={key}>
              <h4>{t(heading)}</h4>
              {changes.changes[key].length === 0 ? (
                <p className="muted">{t('studio.diff.noChange')}</p>
              ) : (
                <ul>
                  {changes.changes[key].map((change, i) => (
                    <li key={i} className={`version-diff__${change.kind}`}>
                      {t(CHANGE_KEYS[change.kind], { label: change.label })}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
          <div>
            <h4>{t('studio.diff.other')}</h4>
            {changes.changes.other.length === 0 ? (
              <p className="muted">{t('studio.diff.noChange')}</p>
            ) : (
              <ul>
                {changes.changes.other.map((part) => (
                  <li key={part} className="version-diff__changed">
                    {t('studio.diff.changed', { label: t(PART_KEYS[part]) })}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      ) : (
        <p>
          {t('studio.diff.unreadable', {
            version: changes.side === 'before' ? compared.before : compared.after,
          })}
        </p>
      )}
      <h3>{t('studio.diff.text')}</h3>
      <div className="version-diff__scroll" role="region" tabIndex={0} aria-label={t('studio.diff.text')}>
        <table className="version-diff__table">
          <caption>{t('studio.diff.caption', { before: compared.before, after: compared.after })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('studio.diff.lineNumber')}</th>
              <th scope="col">{t('studio.diff.versionN', { version: compared.before })}</th>
              <th scope="col">{t('studio.diff.lineNumber')}</th>
              <th scope="col">{t('studio.diff.versionN', { version: compared.after })}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) =>
              row.kind === 'skipped' ? (
                <tr key={i} className="version-diff__skipped">
                  <td colSpan={4}>
                    {t(`studio.diff.skipped.${pluralForm(lang, row.count ?? 0)}`, { count: row.count ?? 0 })}
                  </td>
                </tr>
              ) : (
                <tr key={i} className={`version-diff__${row.kind}`}>
                  <td>{row.left?.n ?? ''}</td>
                  <td>
                    {row.left === undefined ? null : row.kind === 'same' ? (
                      <code>{row.left.text}</code>
                    ) : (
                      <del>
                        <span aria-hidden="true">− </span>
                        <code>{row.left.text}</code>
                      </del>
                    )}
                  </td>
                  <td>{row.right?.n ?? ''}</td>
                  <td>
                    {row.right === undefined ? null : row.kind === 'same' ? (
                      <code>{row.right.text}</code>
                    ) : (
                      <ins>
                        <span aria-hidden="true">+ </span>
                        <code>{row.right.text}</code>
                      </ins>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
