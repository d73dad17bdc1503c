// The sessions list's REST calls, authorised by the signed-in trainer's cookie.
import type { SessionListItem, SessionListQuery } from '@ecoute/protocol';
import { requestJson, type ApiResult } from '../ui/requestJson.js';

export interface SessionsApi {
  list(query: SessionListQuery): Promise<ApiResult<SessionListItem[]>>;
  remove(sessionId: string): Promise<ApiResult<{ ok: true }>>;
}

/** The browser's account cookie authorises them (same-origin requests). */
export const httpSessionsApi: SessionsApi = {
  list(query) {
    const params = new URLSearchParams(
      Object.entries(query).filter(
        (pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== '',
      ),
    );
    const search = params.toString();
    return requestJson(`/api/sessions${search ? `?${search}` : ''}`);
  },
  remove: (sessionId) =>
    requestJson(`/api/sessions/${encodeURIComponent(sessionId)}`, undefined, { method: 'DELETE' }),
};
