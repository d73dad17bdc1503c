// The REST calls of the home page. Every answer is either the data or a coded failure: a
// server's `{ ok: false, code, message }`, or a client code when the network itself failed.
import type { CreateSessionRequest, ScenarioSummary, SessionLinks } from '@ecoute/protocol';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: string };

export interface HomeApi {
  listScenarios(): Promise<ApiResult<ScenarioSummary[]>>;
  createSession(request: CreateSessionRequest): Promise<ApiResult<SessionLinks>>;
}

async function requestJson<T>(path: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: 'application/json', ...(init?.body ? { 'Content-Type': 'application/json' } : {}) },
    });
  } catch {
    return { ok: false, code: 'client/network' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, code: response.ok ? 'client/unknown' : 'server/internal' };
  }
  if (!response.ok) {
    const code =
      typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string'
        ? body.code
        : 'server/internal';
    return { ok: false, code };
  }
  return { ok: true, data: body as T };
}

export const httpHomeApi: HomeApi = {
  listScenarios: () => requestJson<ScenarioSummary[]>('/api/scenarios'),
  createSession: (request) =>
    requestJson<SessionLinks>('/api/sessions', { method: 'POST', body: JSON.stringify(request) }),
};
