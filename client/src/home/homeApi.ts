// The REST calls of the home page. Every answer is either the data or a coded failure: a
// server's `{ ok: false, code, message }`, or a client code when the network itself failed.
import type { CreateSessionRequest, ScenarioSummary, SessionLinks } from '@ecoute/protocol';
import { requestJson, type ApiResult } from '../ui/requestJson.js';

export type { ApiResult };

export interface HomeApi {
  listScenarios(): Promise<ApiResult<ScenarioSummary[]>>;
  createSession(request: CreateSessionRequest): Promise<ApiResult<SessionLinks>>;
}

export const httpHomeApi: HomeApi = {
  listScenarios: () => requestJson<ScenarioSummary[]>('/api/scenarios'),
  createSession: (request) =>
    requestJson<SessionLinks>('/api/sessions', undefined, { method: 'POST', body: JSON.stringify(request) }),
};
