// The documents of Open Badges, as pure functions of what is stored and where it is served:
// - Open Badges 3.0 (1EdTech, VC Data Model 2.0): the OpenBadgeCredential, secured as a VC-JWT
//   (its JWT payload is the credential plus `iss` = issuer.id, `jti` = id, `sub` =
//   credentialSubject.id, `nbf` = validFrom; header `alg` RS256, `kid` a URL that dereferences to
//   the public JWK, `typ` JWT); revocation by a W3C Bitstring Status List credential;
// - Open Badges 2.0 (hosted verification): the Assertion, BadgeClass and Issuer documents.
import { createHash } from 'node:crypto';
import type { AwardRecord, DefinitionRecord } from './badge-store.js';

export const OB3_CONTEXT = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;
export const OB2_CONTEXT = 'https://w3id.org/openbadges/v2';

/** Where each document is served, from the server's public base URL. */
export class BadgeUrls {
  constructor(readonly base: string) {}
  issuer(organizationId: string): string {
    return `${this.base}/api/badges/issuers/${organizationId}`;
  }
  ob2Issuer(organizationId: string): string {
    return `${this.issuer(organizationId)}/ob2`;
  }
  jwks(organizationId: string): string {
    return `${this.issuer(organizationId)}/jwks`;
  }
  key(organizationId: string, keyId: string): string {
    return `${this.issuer(organizationId)}/keys/${keyId}`;
  }
  statusList(organizationId: string): string {
    return `${this.issuer(organizationId)}/status-list`;
  }
  achievement(badgeId: string): string {
    return `${this.base}/api/badges/achievements/${badgeId}`;
  }
  image(badgeId: string): string {
    return `${this.achievement(badgeId)}/image.png`;
  }
  assertion(awardId: string): string {
    return `${this.base}/api/badges/credentials/${awardId}`;
  }
  verifyPage(awardId: string): string {
    return `${this.base}/badge/${awardId}`;
  }
}

/** A stable pseudonymous subject id per organisation and learner (no name in it). */
export function subjectId(organizationId: string, learnerKey: string): string {
  const hex = createHash('sha256').update(`${organizationId}\n${learnerKey}`).digest('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function saltedHash(identity: string, salt: string): string {
  return `sha256$${createHash('sha256')
    .update(identity + salt)
    .digest('hex')}`;
}

export interface Issuer {
  organizationId: string;
  name: string;
}

/** Whole seconds: a JWT's NumericDate and the credential's date must be the same instant. */
export function isoSeconds(at: Date): string {
  return `${at.toISOString().slice(0, 19)}Z`;
}

export function achievementOf(urls: BadgeUrls, badge: DefinitionRecord, narrative: string) {
  return {
    id: urls.achievement(badge.id),
    type: ['Achievement'],
    name: badge.name,
    description: badge.description,
    criteria: { narrative },
    image: { id: urls.image(badge.id), type: 'Image' },
  };
}

export function ob3Credential(
  urls: BadgeUrls,
  issuer: Issuer,
  badge: DefinitionRecord,
  narrative: string,
  award: Pick<AwardRecord, 'id' | 'learner' | 'learnerKey' | 'issuedAt' | 'statusIndex'>,
  salt: string,
) {
  const statusList = urls.statusList(issuer.organizationId);
  return {
    '@context': [...OB3_CONTEXT],
    id: `urn:uuid:${award.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: urls.issuer(issuer.organizationId), type: ['Profile'], name: issuer.name },
    validFrom: award.issuedAt,
    name: badge.name,
    credentialSubject: {
      id: subjectId(issuer.organizationId, award.learnerKey),
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityHash: saltedHash(award.learner, salt),
          identityType: 'name',
          hashed: true,
          salt,
        },
      ],
      achievement: achievementOf(urls, badge, narrative),
    },
    credentialStatus: {
      id: `${statusList}#${award.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(award.statusIndex),
      statusListCredential: statusList,
    },
  };
}
export type Ob3Credential = ReturnType<typeof ob3Credential>;

/** The JWT claims that go with a credential (OB 3.0 §8.2 JWT payload). */
export function jwtClaims(credential: {
  id: string;
  issuer: { id: string } | string;
  validFrom: string;
  credentialSubject: { id: string };
}) {
  return {
    iss: typeof credential.issuer === 'string' ? credential.issuer : credential.issuer.id,
    jti: credential.id,
    sub: credential.credentialSubject.id,
    nbf: Math.floor(Date.parse(credential.validFrom) / 1000),
  };
}

export function statusListCredential(urls: BadgeUrls, organizationId: string, encodedList: string, at: Date) {
  const id = urls.statusList(organizationId);
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: urls.issuer(organizationId),
    validFrom: isoSeconds(at),
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList,
    },
  };
}

export function ob3Profile(urls: BadgeUrls, issuer: Issuer) {
  return {
    '@context': [...OB3_CONTEXT],
    id: urls.issuer(issuer.organizationId),
    type: ['Profile'],
    name: issuer.name,
    url: urls.base,
  };
}

export function ob2Issuer(urls: BadgeUrls, issuer: Issuer) {
  return {
    '@context': OB2_CONTEXT,
    type: 'Issuer',
    id: urls.ob2Issuer(issuer.organizationId),
    name: issuer.name,
    url: urls.base,
  };
}

export function ob2BadgeClass(urls: BadgeUrls, badge: DefinitionRecord, narrative: string) {
  return {
    '@context': OB2_CONTEXT,
    type: 'BadgeClass',
    id: urls.achievement(badge.id),
    name: badge.name,
    description: badge.description,
    image: urls.image(badge.id),
    criteria: { narrative },
    issuer: urls.ob2Issuer(badge.organizationId),
  };
}

export function ob2Assertion(urls: BadgeUrls, award: AwardRecord, salt: string) {
  return {
    '@context': OB2_CONTEXT,
    type: 'Assertion',
    id: urls.assertion(award.id),
    recipient: {
      type: 'url',
      hashed: true,
      salt,
      identity: saltedHash(subjectId(award.organizationId, award.learnerKey), salt),
    },
    badge: urls.achievement(award.badgeId),
    verification: { type: 'hosted' },
    issuedOn: award.issuedAt,
    ...(award.revokedAt ? { revoked: true, revocationReason: award.revocationReason ?? '' } : {}),
  };
}
