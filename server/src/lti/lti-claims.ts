// LTI 1.3 Core §5 (message claims) as the tool checks them, once the id_token's signature,
// issuer, audience and times are checked by `jose`: each refusal has a reason code that says
// what was wrong, so a platform's administrator can fix it.
export const CLAIM = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  custom: 'https://purl.imsglobal.org/spec/lti/claim/custom',
  context: 'https://purl.imsglobal.org/spec/lti/claim/context',
  ags: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  data: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  namesRoles: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
} as const;

export const AGS_SCORE_SCOPE = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';
export const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
export const INSTRUCTOR_ROLES = [
  'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  'http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper',
  'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant',
  'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor',
  'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator',
  'http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator',
];

export type LaunchReason =
  | 'no_kid'
  | 'unknown_kid'
  | 'bad_signature'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'wrong_azp'
  | 'expired'
  | 'issued_in_future'
  | 'bad_nonce'
  | 'wrong_version'
  | 'no_message_type'
  | 'unsupported_message_type'
  | 'no_deployment_id'
  | 'unknown_deployment'
  | 'no_roles'
  | 'no_resource_link_id'
  | 'no_subject'
  | 'no_deep_link_return_url'
  | 'bad_token';

export interface ResourceLinkLaunch {
  kind: 'resource-link';
  sub: string;
  name: string | null;
  deploymentId: string;
  resourceLinkId: string;
  instructor: boolean;
  scenarioId: string | null;
  lineitem: string | null;
  /** NRPS 2.0: the course's membership URL, when the platform offers it. */
  membershipsUrl: string | null;
}

export interface DeepLinkingLaunch {
  kind: 'deep-linking';
  sub: string;
  deploymentId: string;
  returnUrl: string;
  data: string | null;
}

export type CheckedLaunch = ResourceLinkLaunch | DeepLinkingLaunch;

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The launch a verified id_token asks for, or why it is refused. */
export function checkLaunchClaims(
  payload: Record<string, unknown>,
  deployments: readonly string[],
  clientId: string,
  now: number,
  skewSeconds = 60,
): CheckedLaunch | { reason: LaunchReason } {
  const aud = payload['aud'];
  if (Array.isArray(aud) && aud.length > 1 && payload['azp'] !== clientId) return { reason: 'wrong_azp' };
  if (typeof payload['iat'] !== 'number' || payload['iat'] > now / 1000 + skewSeconds)
    return { reason: 'issued_in_future' };
  if (payload[CLAIM.version] !== '1.3.0') return { reason: 'wrong_version' };
  const type = payload[CLAIM.messageType];
  if (type === undefined || type === null || type === '') return { reason: 'no_message_type' };
  if (type !== 'LtiResourceLinkRequest' && type !== 'LtiDeepLinkingRequest')
    return { reason: 'unsupported_message_type' };
  const deploymentId = text(payload[CLAIM.deploymentId]);
  if (!deploymentId) return { reason: 'no_deployment_id' };
  if (!deployments.includes(deploymentId)) return { reason: 'unknown_deployment' };
  const roles = payload[CLAIM.roles];
  if (!Array.isArray(roles)) return { reason: 'no_roles' };
  const sub = text(payload['sub']);
  if (!sub) return { reason: 'no_subject' };
  if (type === 'LtiDeepLinkingRequest') {
    const settings = payload[CLAIM.deepLinkingSettings] as Record<string, unknown> | undefined;
    const returnUrl = text(settings?.['deep_link_return_url']);
    if (!returnUrl || !/^https?:\/\/[^/]/.test(returnUrl) || !URL.canParse(returnUrl))
      return { reason: 'no_deep_link_return_url' };
    return { kind: 'deep-linking', sub, deploymentId, returnUrl, data: text(settings?.['data']) };
  }
  const link = payload[CLAIM.resourceLink] as Record<string, unknown> | undefined;
  const resourceLinkId = text(link?.['id']);
  if (!resourceLinkId) return { reason: 'no_resource_link_id' };
  const custom = payload[CLAIM.custom] as Record<string, unknown> | undefined;
  const ags = payload[CLAIM.ags] as Record<string, unknown> | undefined;
  const scopes = Array.isArray(ags?.['scope']) ? (ags['scope'] as unknown[]) : [];
  return {
    kind: 'resource-link',
    sub,
    name: personName(payload),
    deploymentId,
    resourceLinkId,
    instructor: roles.some((r) => typeof r === 'string' && INSTRUCTOR_ROLES.includes(r)),
    scenarioId: text(custom?.['scenario']),
    lineitem: scopes.includes(AGS_SCORE_SCOPE) ? text(ags?.['lineitem']) : null,
    membershipsUrl: membershipsUrlOf(payload[CLAIM.namesRoles]),
  };
}

/**
 * The name the listener's page shows: OIDC's `given_name` (the page asks for « prénom ou
 * pseudonyme »: no need to copy the family name into every timeline), else `name`; null when the
 * platform sends neither (an anonymous launch: the tool gives a pseudonym).
 */
function personName(payload: Record<string, unknown>): string | null {
  return text(payload['given_name'])?.trim() || text(payload['name'])?.trim() || null;
}

/** LTI NRPS 2.0 §3.6.1: the claim's `context_memberships_url`, if it speaks version 2.0. */
function membershipsUrlOf(claim: unknown): string | null {
  if (!claim || typeof claim !== 'object') return null;
  const { context_memberships_url: url, service_versions: versions } = claim as Record<string, unknown>;
  if (Array.isArray(versions) && !versions.includes('2.0')) return null;
  return typeof url === 'string' && /^https?:\/\//.test(url) ? url : null;
}
