// The REST calls of Open Badges (server/src/badges): the organisation's badge definitions and
// awards (signed-in members; writes for administrators), a learner's badges (debrief link),
// the public verification of one badge.
import type {
  AwardedBadge,
  BadgeDefinition,
  BadgeDefinitionRequest,
  BadgeDeleted,
  BadgeVerification,
} from '@ecoute/protocol';
import { requestJson } from '../ui/requestJson.js';

/** One criterion of one call's rubric (two calls may share ids: the call is part of the key). */
export interface CriterionChoice {
  scenario: string;
  scenarioTitle: string;
  competency: string;
  competencyLabel: string;
  criterion: string;
  label: string;
  scenarios: string[];
}

const send = (method: string, body: unknown): RequestInit => ({ method, body: JSON.stringify(body) });

export const badgesApi = {
  definitions: () => requestJson<{ badges: BadgeDefinition[] }>('/api/badges'),
  criteria: () => requestJson<{ criteria: CriterionChoice[] }>('/api/badges/criteria'),
  create: (body: BadgeDefinitionRequest) =>
    requestJson<BadgeDefinition>('/api/badges', undefined, send('POST', body)),
  awards: () => requestJson<{ awards: AwardedBadge[] }>('/api/badges/awards'),
  remove: (badgeId: string) =>
    requestJson<BadgeDeleted>(`/api/badges/${encodeURIComponent(badgeId)}`, undefined, { method: 'DELETE' }),
  /** The picture's bytes in base64 (the server tells PNG from SVG by the bytes). */
  setImage: (badgeId: string, data: string) =>
    requestJson<BadgeDefinition>(
      `/api/badges/${encodeURIComponent(badgeId)}/image`,
      undefined,
      send('PUT', { data }),
    ),
  removeImage: (badgeId: string) =>
    requestJson<BadgeDefinition>(`/api/badges/${encodeURIComponent(badgeId)}/image`, undefined, {
      method: 'DELETE',
    }),
  revoke: (awardId: string, reason: string) =>
    requestJson<AwardedBadge>(
      `/api/badges/awards/${encodeURIComponent(awardId)}/revoke`,
      undefined,
      send('POST', { reason }),
    ),
  learnerBadges: (sessionId: string, token: string) =>
    requestJson<{ awards: AwardedBadge[] }>(`/api/sessions/${encodeURIComponent(sessionId)}/badges`, token),
  verification: (awardId: string) =>
    requestJson<BadgeVerification>(`/api/badges/credentials/${encodeURIComponent(awardId)}/verification`),
};

/** A server URL as a path on this page's origin (the server's own base may be localhost). */
export function pathOf(url: string): string {
  const parsed = new URL(url, window.location.origin);
  return `${parsed.pathname}${parsed.search}`;
}
