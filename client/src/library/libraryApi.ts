// The REST calls of the call library (/api/library): the organisation's calls and the built-in
// ones, their versions, drafts, publication. Same-origin fetches: the account's cookie goes with
// them, with the page's Origin (the server's CSRF check).
import type {
  LibraryCallDetail,
  LibraryCallSummary,
  LibraryCreateRequest,
  LibraryDraftSaved,
  LibraryIssue,
  LibraryVersionSummary,
  LibraryVersionText,
} from '@ecoute/protocol';
import { requestJson, type ApiResult } from '../ui/requestJson.js';

const call = (id: string) => `/api/library/calls/${encodeURIComponent(id)}`;

/** A refusal that names lint errors (publication) or an unreadable file (import) carries them. */
export type IssuesResult<T> = ApiResult<T> | { ok: false; code: string; issues: LibraryIssue[] };
export type PublishResult = IssuesResult<LibraryVersionSummary>;

/** A POST whose refusal may carry lint issues: the body is read here rather than by requestJson. */
async function postWithIssues<T>(path: string, body: unknown): Promise<IssuesResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return { ok: false, code: 'client/network' };
  }
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, data: answer as unknown as T };
  const code = typeof answer['code'] === 'string' ? answer['code'] : 'server/internal';
  return Array.isArray(answer['issues'])
    ? { ok: false, code, issues: answer['issues'] as LibraryIssue[] }
    : { ok: false, code };
}

export const libraryApi = {
  list: () => requestJson<LibraryCallSummary[]>('/api/library'),
  detail: (id: string) => requestJson<LibraryCallDetail>(call(id)),
  text: (id: string, version: number) => requestJson<LibraryVersionText>(`${call(id)}/versions/${version}`),
  create: (body: LibraryCreateRequest) =>
    requestJson<LibraryCallDetail>('/api/library/calls', undefined, {
      method: 'POST',
      body: JSON.stringify(body),
    }),
  /** A YAML file's text: refused with its errors, located, when it is not readable. */
  importYaml: (yaml: string) => postWithIssues<LibraryCallDetail>('/api/library/calls', { yaml }),
  saveDraft: (id: string, yaml: string) =>
    requestJson<LibraryDraftSaved>(`${call(id)}/draft`, undefined, {
      method: 'PUT',
      body: JSON.stringify({ yaml }),
    }),
  /** A refusal for lint errors carries them. */
  publish: (id: string): Promise<PublishResult> => postWithIssues(`${call(id)}/publish`, {}),
  retire: (id: string, version: number) =>
    requestJson<LibraryVersionSummary>(`${call(id)}/versions/${version}/retire`, undefined, {
      method: 'POST',
      body: '{}',
    }),
  exportUrl: (id: string, version: number) => `${call(id)}/versions/${version}/export`,
};
