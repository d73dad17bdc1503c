// The lint's count in the header. With issues it is a button: it opens the list of every issue,
// each with its message and a go-to-line button, which puts the cursor there; and, when the forms
// mend it (`placeOf`: a state, a line, a move…), `editor.issues.goForm`, for who does not write YAML. An issue without a
// position goes to the state its message names (its range in the text), else to the top. With
// none it is a status, a check and the counts in the success colour: a disabled button there read
// as a control the author could not use.
import { useId, useMemo, useState } from 'react';
import type { LintIssue, StateRange } from '@ecoute/engine';
import { engineWords, pluralForm, useI18n } from '../../i18n/index.js';
import type { IssuePlace } from './issuePlace.js';

/** The offset in `text` an issue points at: its line and column, the state it names, or 0. */
export function issueOffset(issue: LintIssue, text: string, ranges: readonly StateRange[]): number {
  if (issue.line !== undefined) {
    const lines = text.split('\n');
    const line = Math.min(Math.max(issue.line, 1), lines.length);
    let at = 0;
    for (let i = 0; i < line - 1; i += 1) at += (lines[i]?.length ?? 0) + 1;
    const column = Math.min(Math.max((issue.column ?? 1) - 1, 0), lines[line - 1]?.length ?? 0);
    return at + column;
  }
  // The longest id first: `ecoute.en_ligne` before `ecoute`.
  const named = [...ranges]
    .sort((a, b) => b.id.length - a.id.length)
    .find((r) => {
      const last = r.id.split('.').pop() ?? r.id;
      return new RegExp(`(^|[^\\w.])(${escape(r.id)}|${escape(last)})($|[^\\w])`).test(issue.message);
    });
  return named?.from ?? 0;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function IssueList({
  issues,
  onGo,
  placeOf,
  onForm,
}: {
  issues: readonly LintIssue[] | null;
  onGo(issue: LintIssue): void;
  /** Where the forms mend an issue (read when the list opens); null: only in the text. */
  placeOf?: ((issue: LintIssue) => IssuePlace | null) | undefined;
  onForm?: ((place: IssuePlace) => void) | undefined;
}) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const places = useMemo(
    () => (open && issues && placeOf ? issues.map(placeOf) : []),
    [open, issues, placeOf],
  );
  if (!issues) return <span className="muted">{t('editor.checking')}</span>;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const words = [
    t(`editor.issues.errors.${pluralForm(lang, errors)}`, { count: errors }),
    t(`editor.issues.warnings.${pluralForm(lang, warnings)}`, { count: warnings }),
  ].join(', ');
  if (issues.length === 0)
    return (
      <span className="studio__lint-ok">
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
          <path d="M6.2 11.6 2.6 8l-1.2 1.2 4.8 4.8L14.6 5.6l-1.2-1.2z" fill="currentColor" />
        </svg>
        {words}
      </span>
    );
  return (
    <>
      <button
        type="button"
        className="studio__issues-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        {words}
      </button>
      {open ? (
        <ul id={listId} className="studio__issues" aria-label={t('editor.issues.list')}>
          {issues.map((issue, i) => {
            const place = places[i];
            // In the page's language: the engine's code and parameters through the catalogue.
            const message = engineWords(lang, issue.text, issue.message);
            return (
              <li key={i}>
                {t(issue.severity === 'error' ? 'editor.issues.error' : 'editor.issues.warning', {
                  message,
                })}{' '}
                {place && onForm ? (
                  <>
                    <button
                      type="button"
                      // One per issue: each named with its message (its visible words first).
                      aria-label={t('editor.issues.goFormNamed', { message })}
                      onClick={() => onForm(place)}
                    >
                      {t('editor.issues.goForm')}
                    </button>{' '}
                  </>
                ) : null}
                <button type="button" onClick={() => onGo(issue)}>
                  {issue.line !== undefined
                    ? t('editor.issues.goLine', { line: issue.line })
                    : t('editor.issues.goState')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </>
  );
}
