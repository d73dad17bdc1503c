// Sending statements to a Learning Record Store: POST <endpoint>/statements, Basic auth with
// the configured key and secret, `X-Experience-API-Version: 1.0.3`, in batches. The LRS answers
// each batch with the ids it stored.
import type { LrsSendResult } from '@ecoute/protocol';
import type { XapiStatement } from './xapi.js';

export interface LrsConfig {
  url: string;
  key: string;
  secret: string;
}

export class LrsError extends Error {
  readonly code = 'export/lrs_failed';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const BATCH = 100;

export function statementsUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/statements`;
}

export async function sendStatements(
  lrs: LrsConfig,
  statements: readonly XapiStatement[],
  options: { timeoutMs?: number } = {},
): Promise<LrsSendResult> {
  const ids: string[] = [];
  const authorization = `Basic ${Buffer.from(`${lrs.key}:${lrs.secret}`).toString('base64')}`;
  for (let i = 0; i < statements.length; i += BATCH) {
    const batch = statements.slice(i, i + BATCH);
    let response: Response;
    try {
      response = await fetch(statementsUrl(lrs.url), {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/json',
          'x-experience-api-version': '1.0.3',
        },
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (error) {
      throw new LrsError(`LRS unreachable: ${String(error)}`);
    }
    const text = await response.text();
    if (!response.ok)
      throw new LrsError(`LRS answered ${response.status}: ${text.slice(0, 300)}`, response.status);
    let stored: unknown;
    try {
      stored = JSON.parse(text);
    } catch {
      stored = undefined;
    }
    // An LRS answers the array of stored ids; without one, the statements' own ids stand.
    ids.push(
      ...(Array.isArray(stored) && stored.every((id) => typeof id === 'string')
        ? (stored as string[])
        : batch.map((s) => s.id)),
    );
  }
  return { sent: statements.length, ids };
}
