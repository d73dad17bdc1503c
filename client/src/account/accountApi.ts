// The REST calls of accounts: sign-in and password reset are better-auth's own routes
// (/api/auth/…), the rest Écoute's (/api/account, /api/organization, /api/privacy). The cookie
// is the browser's (HttpOnly): same-origin fetches send it, with their Origin (CSRF check).
import type {
  AccountCurrent,
  AccountMe,
  AuditLogEntry,
  InvitationSummary,
  InviteRequestBody,
  JoinRequestBody,
  LearnerErasure,
  LearnerFound,
  OrganizationSummary,
  SessionLinks,
  SessionShare,
  SetupRequestBody,
  SetupStatus,
  ShareLink,
} from '@ecoute/protocol';
import { requestJson, type ApiResult } from '../ui/requestJson.js';

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) });

/** better-auth answers `{ code: 'INVALID_EMAIL_OR_PASSWORD', … }`: one client code for people. */
async function viaAuth<T>(path: string, body: unknown): Promise<ApiResult<T>> {
  const result = await requestJson<T>(path, undefined, post(body));
  if (result.ok || result.code.includes('/')) return result;
  return {
    ok: false,
    code: result.code === 'INVALID_EMAIL_OR_PASSWORD' ? 'client/bad_credentials' : 'client/unknown',
  };
}

/**
 * Who is signed in. Asked through /api/account/current, which answers « signed out » without an
 * error (a 401 from /api/account/me was logged in the console of every public page).
 */
async function currentAccount(): Promise<ApiResult<AccountMe>> {
  const result = await requestJson<AccountCurrent>('/api/account/current');
  if (!result.ok) return result;
  return result.data.signedIn
    ? { ok: true, data: result.data.me }
    : { ok: false, code: 'auth/sign_in_required' };
}

export const accountApi = {
  me: currentAccount,
  setupStatus: () => requestJson<SetupStatus>('/api/account/setup'),
  setup: (body: SetupRequestBody) => requestJson<{ ok: true }>('/api/account/setup', undefined, post(body)),
  signIn: (email: string, password: string) =>
    viaAuth<unknown>('/api/auth/sign-in/email', { email, password }),
  signOut: () => viaAuth<unknown>('/api/auth/sign-out', {}),
  resetPassword: (token: string, newPassword: string) =>
    viaAuth<unknown>('/api/auth/reset-password', { token, newPassword }),
  invitation: (id: string) =>
    requestJson<InvitationSummary>(`/api/account/invitations/${encodeURIComponent(id)}`),
  accept: (id: string, body: JoinRequestBody) =>
    requestJson<{ ok: true }>(
      `/api/account/invitations/${encodeURIComponent(id)}/accept`,
      undefined,
      post(body),
    ),
  organization: () => requestJson<OrganizationSummary>('/api/organization'),
  invite: (body: InviteRequestBody) =>
    requestJson<ShareLink>('/api/organization/invitations', undefined, post(body)),
  resetLink: (userId: string) =>
    requestJson<ShareLink>(
      `/api/organization/members/${encodeURIComponent(userId)}/reset-link`,
      undefined,
      post({}),
    ),
  setRetention: (retentionDays: number) =>
    requestJson<{ retentionDays: number }>('/api/organization/retention', undefined, {
      method: 'PUT',
      body: JSON.stringify({ retentionDays }),
    }),
  audit: () => requestJson<AuditLogEntry[]>('/api/organization/audit'),
  links: (sessionId: string) =>
    requestJson<SessionShare>(`/api/sessions/${encodeURIComponent(sessionId)}/links`),
  revokeLinks: (sessionId: string) =>
    requestJson<SessionLinks>(
      `/api/sessions/${encodeURIComponent(sessionId)}/links/revoke`,
      undefined,
      post({}),
    ),
  eraseLearner: (name: string) =>
    requestJson<LearnerErasure>('/api/privacy/learners/erase', undefined, post({ name })),
  findLearner: (name: string) =>
    requestJson<LearnerFound>('/api/privacy/learners/find', undefined, post({ name })),
  exportLearner: (name: string) =>
    requestJson<{ sessions: unknown[]; badges: unknown[] }>(
      '/api/privacy/learners/export',
      undefined,
      post({ name }),
    ),
};

export type AccountApi = typeof accountApi;
