// The debrief's exports: the session as JSON (timeline and scores), as xAPI statements, and a
// printed report (the browser's print, to paper or PDF, with the print stylesheet).
import { useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { ErrorAlert } from '../ui/ErrorAlert.js';
import type { DebriefApi } from './debriefApi.js';
import { printReport } from './PrintReport.js';

/** Where the server serves each export (the sessions' export routes). */
export function exportPaths(sessionId: string): { json: string; xapi: string } {
  const base = `/api/sessions/${encodeURIComponent(sessionId)}/export`;
  return { json: `${base}/json`, xapi: `${base}/xapi` };
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The trainer exports the session (JSON, xAPI; to the LRS when the server has one); anyone who
 * reads the debrief may print it. */
export function ExportButtons({
  sessionId,
  api,
  trainer,
  lrs,
}: {
  sessionId: string;
  api: DebriefApi;
  trainer: boolean;
  /** The server is configured with an LRS (`Debrief.lrsConfigured`). */
  lrs: boolean;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const paths = exportPaths(sessionId);

  async function download(path: string, name: string): Promise<void> {
    setBusy(true);
    const result = await api.download(path);
    setBusy(false);
    if (!result.ok) {
      setError(result.code);
      return;
    }
    setError(null);
    save(result.data, name);
  }

  async function sendToLrs(): Promise<void> {
    setBusy(true);
    const result = await api.sendToLrs();
    setBusy(false);
    setError(result.ok ? null : result.code);
    setSent(result.ok ? result.data.sent : null);
  }

  return (
    <div className="debrief__exports" role="group" aria-label={t('debrief.exports.label')}>
      {trainer ? (
        <>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void download(paths.json, `seance-${sessionId}.json`)}
          >
            {t('debrief.exports.json')}
          </button>{' '}
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => void download(paths.xapi, `seance-${sessionId}-xapi.json`)}
          >
            {t('debrief.exports.xapi')}
          </button>{' '}
          {lrs ? (
            <>
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() => void sendToLrs()}
              >
                {t('debrief.exports.lrs')}
              </button>{' '}
            </>
          ) : null}
        </>
      ) : null}
      <button type="button" className="button button--secondary" onClick={printReport}>
        {t('debrief.exports.print')}
      </button>
      <p role="status" className="muted">
        {sent === null ? null : t('debrief.exports.lrsSent', { count: sent })}
      </p>
      <ErrorAlert code={error} />
    </div>
  );
}
