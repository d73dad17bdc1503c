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

export type PublishResult =
  ApiResult<LibraryVersionSummary> | { ok: false; code: string; issues: LibraryIssue[] };

export const libraryApi = {
  list: () => requestJson<LibraryCallSummary[]>('/api/library'),
  detail: (id: string) => requestJson<LibraryCallDetail>(call(id)),
  text: (id: string, version: number) => requestJson<LibraryVersionText>(`${call(id)}/versions/${version}`),
  create: (body: LibraryCreateRequest) =>
    requestJson<LibraryCallDetail>('/api/library/calls', undefined, {
      method: 'POST',
      body: JSON.stringify(body),
    }),
  saveDraft: (id: string, yaml: string) =>
    requestJson<LibraryDraftSaved>(`${call(id)}/draft`, undefined, {
      method: 'PUT',
      body: JSON.stringify({ yaml }),
    }),
  /** A refusal for lint errors carries them: read the body ourselves. */
  async publish(id: string): Promise<PublishResult> {
    let response: Response;
    try {
      response = await fetch(`${call(id)}/publish`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: '{}',
      });
    } catch {
      return { ok: false, code: 'client/network' };
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return { ok: true, data: body as unknown as LibraryVersionSummary };
    const code = typeof body['code'] === 'string' ? body['code'] : 'server/internal';
    return Array.isArray(body['issues'])
      ? { ok: false, code, issues: body['issues'] as LibraryIssue[] }
      : { ok: false, code };
  },
  retire: (id: string, version: number) =>
    requestJson<LibraryVersionSummary>(`${call(id)}/versions/${version}/retire`, undefined, {
      method: 'POST',
      body: '{}',
    }),
  exportUrl: (id: string, version: number) => `${call(id)}/versions/${version}/export`,
};
