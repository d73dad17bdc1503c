// The sessions list's REST calls, authorised by the admin token (no trainer accounts yet).
import type { SessionListItem, SessionListQuery } from '@ecoute/protocol';
import { requestJson, type ApiResult } from '../ui/requestJson.js';

export interface SessionsApi {
  list(query: SessionListQuery): Promise<ApiResult<SessionListItem[]>>;
  remove(sessionId: string): Promise<ApiResult<{ ok: true }>>;
}

export function httpSessionsApi(adminToken: string): SessionsApi {
  return {
    list(query) {
      const params = new URLSearchParams(
        Object.entries(query).filter(
          (pair): pair is [string, string] => typeof pair[1] === 'string' && pair[1] !== '',
        ),
      );
      const search = params.toString();
      return requestJson(`/api/sessions${search ? `?${search}` : ''}`, adminToken);
    },
    remove: (sessionId) =>
      requestJson(`/api/sessions/${encodeURIComponent(sessionId)}`, adminToken, { method: 'DELETE' }),
  };
}

const STORAGE_KEY = 'ecoute.adminToken';

/** The admin token of this tab: the link's `#k=`, else the one typed earlier in this tab. */
export function storedAdminToken(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeAdminToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(STORAGE_KEY, token);
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode): the token lives as long as the page.
  }
}
