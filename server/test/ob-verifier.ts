/* eslint-disable @typescript-eslint/no-explicit-any -- documents fetched from the network, checked member by member */
// An Open Badges verifier written from the specifications, for the tests: it shares no code
// with the server's badges module. It checks what a relying party would check.
// - OB 3.0 §8.2 (JSON Web Token Proof Format): JOSE header (alg RS256, only alg/kid/jwk/typ, kid a
//   URL dereferenced to a public JWK without `d`), the signature (jose), the payload's claims
//   against the credential (iss = issuer.id, sub = credentialSubject.id, jti = id, nbf =
//   validFrom and not in the future, exp not past), the data model's required members;
// - key ownership: the key is published under the issuer's own id (same origin, path below the
//   issuer profile's URL) and the issuer profile served there names the same id;
// - revocation: W3C Bitstring Status List v1.0 (statusListCredential fetched, itself a VC-JWT by
//   the same issuer, GZIP bitstring of at least 131,072 entries, the credential's bit);
// - baking: PNG iTXt `openbadgecredential` (once, uncompressed, CRCs good) and SVG
//   `<openbadges:credential>` in the https://purl.imsglobal.org/ob/v3p0 namespace;
// - OB 2.0 hosted verification: the assertion fetched at its own id, its BadgeClass and Issuer,
//   same origin, not revoked; PNG iTXt `openbadges` naming the assertion.
import { createHash } from 'node:crypto';
import { crc32, gunzipSync } from 'node:zlib';
import { compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import type { JWK } from 'jose';

export type Fetcher = (url: string) => Promise<Response>;

export interface Ob3Result {
  valid: boolean;
  errors: string[];
  credential?: Record<string, any>;
}

const HEADER_MEMBERS = new Set(['alg', 'kid', 'jwk', 'typ']);
const isUri = (v: unknown) => typeof v === 'string' && /^[a-z][a-z0-9+.-]*:\S+$/i.test(v);
const types = (v: unknown): string[] =>
  Array.isArray(v) ? (v as string[]) : typeof v === 'string' ? [v] : [];

async function publicKeyOf(
  jws: string,
  fetcher: Fetcher,
  errors: string[],
): Promise<{ key: JWK; kid?: string } | null> {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(jws) as Record<string, unknown>;
  } catch {
    errors.push('header/undecodable');
    return null;
  }
  for (const member of Object.keys(header))
    if (!HEADER_MEMBERS.has(member)) errors.push(`header/extra_member ${member}`);
  if (header['alg'] !== 'RS256') errors.push('header/alg');
  if (header['typ'] !== undefined && header['typ'] !== 'JWT') errors.push('header/typ');
  if (typeof header['kid'] === 'string') {
    if (!isUri(header['kid'])) errors.push('header/kid_not_uri');
    const response = await fetcher(header['kid']).catch(() => null);
    if (!response || response.status !== 200) {
      errors.push('key/not_dereferenceable');
      return null;
    }
    const key = (await response.json()) as JWK;
    if ('d' in key) errors.push('key/private_member');
    return { key, kid: header['kid'] };
  }
  if (header['jwk'] && typeof header['jwk'] === 'object') {
    const key = header['jwk'] as JWK;
    if ('d' in key) errors.push('key/private_member');
    return { key };
  }
  errors.push('header/no_key');
  return null;
}

async function verifiedPayload(jws: string, fetcher: Fetcher, errors: string[]) {
  const found = await publicKeyOf(jws, fetcher, errors);
  if (!found) return null;
  try {
    const key = await importJWK(found.key, 'RS256');
    const { payload } = await compactVerify(jws, key, { algorithms: ['RS256'] });
    return { payload: JSON.parse(new TextDecoder().decode(payload)) as Record<string, any>, kid: found.kid };
  } catch {
    errors.push('signature/invalid');
    return null;
  }
}

/** Verifies an OB 3.0 credential in Compact JWS form. `now` in ms. */
export async function verifyOb3(jws: string, fetcher: Fetcher, now = Date.now()): Promise<Ob3Result> {
  const errors: string[] = [];
  const verified = await verifiedPayload(jws, fetcher, errors);
  if (!verified) return { valid: false, errors };
  const { payload, kid } = verified;
  const credential = (payload['vc'] ?? payload) as Record<string, any>;
  // Structure (data model)
  const context = credential['@context'] as unknown[];
  if (!Array.isArray(context) || context[0] !== 'https://www.w3.org/ns/credentials/v2')
    errors.push('structure/context_vc');
  if (
    !Array.isArray(context) ||
    !context.some(
      (c) => typeof c === 'string' && c.startsWith('https://purl.imsglobal.org/spec/ob/v3p0/context'),
    )
  )
    errors.push('structure/context_ob');
  const credentialTypes = types(credential['type']);
  if (!credentialTypes.includes('VerifiableCredential')) errors.push('structure/type_vc');
  if (!credentialTypes.some((t) => t === 'OpenBadgeCredential' || t === 'AchievementCredential'))
    errors.push('structure/type_ob');
  if (!isUri(credential['id'])) errors.push('structure/id');
  const issuer = credential['issuer'] as Record<string, any> | string | undefined;
  const issuerId = typeof issuer === 'string' ? issuer : issuer?.['id'];
  if (!isUri(issuerId)) errors.push('structure/issuer_id');
  if (typeof issuer === 'object' && !types(issuer['type']).includes('Profile'))
    errors.push('structure/issuer_type');
  const validFrom = Date.parse(String(credential['validFrom']));
  if (Number.isNaN(validFrom)) errors.push('structure/valid_from');
  const subject = credential['credentialSubject'] as Record<string, any> | undefined;
  if (!subject || !types(subject['type']).includes('AchievementSubject'))
    errors.push('structure/subject_type');
  const achievement = subject?.['achievement'] as Record<string, any> | undefined;
  if (!achievement || !isUri(achievement['id']) || !types(achievement['type']).includes('Achievement'))
    errors.push('structure/achievement');
  if (!achievement?.['name'] || !achievement['description']) errors.push('structure/achievement_text');
  if (!achievement?.['criteria'] || !(achievement['criteria']['id'] || achievement['criteria']['narrative']))
    errors.push('structure/achievement_criteria');
  // JWT claims against the credential (§8.2.4.1)
  if (payload['iss'] !== issuerId) errors.push('claims/iss');
  if (payload['sub'] !== subject?.['id']) errors.push('claims/sub');
  if (payload['jti'] !== credential['id']) errors.push('claims/jti');
  if (typeof payload['nbf'] !== 'number' || payload['nbf'] * 1000 !== validFrom) errors.push('claims/nbf');
  if (validFrom > now) errors.push('dates/not_yet_valid');
  if (payload['exp'] !== undefined && (typeof payload['exp'] !== 'number' || payload['exp'] * 1000 <= now))
    errors.push('dates/expired');
  if (credential['validUntil'] !== undefined && Date.parse(credential['validUntil']) <= now)
    errors.push('dates/expired');
  // Key ownership: the key lives under the issuer's own URL, which serves the issuer's profile.
  if (kid && typeof issuerId === 'string') {
    if (!kid.startsWith(`${issuerId}/`)) errors.push('key/not_issuers');
    const profile = await fetcher(issuerId).catch(() => null);
    const body =
      profile && profile.status === 200 ? ((await profile.json()) as Record<string, unknown>) : null;
    if (!body || body['id'] !== issuerId || !types(body['type']).includes('Profile'))
      errors.push('key/issuer_profile');
  }
  // Revocation
  const status = credential['credentialStatus'] as Record<string, any> | undefined;
  if (status) errors.push(...(await checkStatus(status, String(issuerId), fetcher)));
  return { valid: errors.length === 0, errors, credential };
}

async function checkStatus(
  status: Record<string, any>,
  issuerId: string,
  fetcher: Fetcher,
): Promise<string[]> {
  if (status['type'] !== 'BitstringStatusListEntry') return ['status/type'];
  const index = Number(status['statusListIndex']);
  if (!Number.isInteger(index) || index < 0) return ['status/index'];
  const response = await fetcher(String(status['statusListCredential'])).catch(() => null);
  if (!response || response.status !== 200) return ['status/list_unreachable'];
  const errors: string[] = [];
  const verified = await verifiedPayload(await response.text(), fetcher, errors);
  if (!verified) return errors.map((e) => `status/${e}`);
  const list = (verified.payload['vc'] ?? verified.payload) as Record<string, any>;
  const listIssuer = typeof list['issuer'] === 'string' ? list['issuer'] : list['issuer']?.['id'];
  if (listIssuer !== issuerId || verified.payload['iss'] !== issuerId) return ['status/other_issuer'];
  if (!types(list['type']).includes('BitstringStatusListCredential')) return ['status/list_type'];
  const subject = list['credentialSubject'] as Record<string, any>;
  if (subject['statusPurpose'] !== status['statusPurpose']) return ['status/purpose'];
  const encoded = String(subject['encodedList']);
  if (!encoded.startsWith('u')) return ['status/multibase'];
  const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
  if (bits.length * 8 < 131_072) return ['status/list_too_short'];
  if (index >= bits.length * 8) return ['status/index_outside'];
  if ((bits[index >> 3]! & (0x80 >> (index & 7))) !== 0) return [`status/${status['statusPurpose']}`];
  return [];
}

/** The recipient's name matches the credential's hashed identifier. */
export function identifiesRecipient(credential: Record<string, any>, name: string): boolean {
  const identifiers = (credential['credentialSubject']?.['identifier'] ?? []) as Record<string, any>[];
  return identifiers.some((i) => {
    const hash = `sha256$${createHash('sha256')
      .update(name + String(i['salt'] ?? ''))
      .digest('hex')}`;
    return i['hashed'] === true ? i['identityHash'] === hash : i['identityHash'] === name;
  });
}

/** The texts of the iTXt chunks of `keyword`, every chunk's CRC checked (PNG §5.3, §11.3.4.5). */
export function pngTexts(png: Buffer, keyword: string): string[] {
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  if (!png.subarray(0, 8).equals(signature)) throw new Error('png: bad signature');
  const texts: string[] = [];
  let at = 8;
  let sawEnd = false;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (crc32(png.subarray(at + 4, at + 8 + length)) >>> 0 !== png.readUInt32BE(at + 8 + length))
      throw new Error(`png: bad CRC in ${type}`);
    if (type === 'iTXt') {
      const end = data.indexOf(0);
      if (data.toString('latin1', 0, end) === keyword) {
        if (data[end + 1] !== 0) throw new Error('png: compressed iTXt');
        const language = data.indexOf(0, end + 3);
        const translated = data.indexOf(0, language + 1);
        texts.push(data.toString('utf8', translated + 1));
      }
    }
    at += 12 + length;
    if (type === 'IEND') {
      sawEnd = true;
      break;
    }
  }
  if (!sawEnd) throw new Error('png: no IEND');
  return texts;
}

/** The OB 3.0 credential baked in an SVG (`<openbadges:credential>`, the v3p0 namespace). */
export function svgCredential(svg: string): string | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  if (!root.includes('xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"')) return null;
  const found = /<openbadges:credential>([^<]+)<\/openbadges:credential>/.exec(svg);
  return found?.[1]?.trim() ?? null;
}

/** OB 2.0 hosted verification of the assertion at `url`. */
export async function verifyOb2Hosted(
  url: string,
  fetcher: Fetcher,
): Promise<{ valid: boolean; errors: string[]; assertion?: Record<string, any> }> {
  const errors: string[] = [];
  const response = await fetcher(url);
  const assertion = (await response.json()) as Record<string, any>;
  if (response.status === 410 || assertion['revoked'] === true) errors.push('assertion/revoked');
  else if (response.status !== 200) errors.push(`assertion/http_${response.status}`);
  if (assertion['@context'] !== 'https://w3id.org/openbadges/v2') errors.push('assertion/context');
  if (assertion['type'] !== 'Assertion') errors.push('assertion/type');
  if (assertion['id'] !== url) errors.push('assertion/id_not_hosted_there');
  if (assertion['verification']?.['type'] !== 'hosted') errors.push('assertion/verification');
  if (Number.isNaN(Date.parse(String(assertion['issuedOn'])))) errors.push('assertion/issued_on');
  const recipient = assertion['recipient'] as Record<string, any> | undefined;
  if (!recipient?.['identity'] || !recipient['type']) errors.push('assertion/recipient');
  const badgeResponse = await fetcher(String(assertion['badge']));
  const badge = (await badgeResponse.json()) as Record<string, any>;
  if (
    badge['type'] !== 'BadgeClass' ||
    !badge['name'] ||
    !badge['description'] ||
    !badge['image'] ||
    !badge['criteria']
  )
    errors.push('badge_class/structure');
  const issuerResponse = await fetcher(String(badge['issuer']));
  const issuer = (await issuerResponse.json()) as Record<string, any>;
  if (!['Issuer', 'Profile'].includes(issuer['type']) || !issuer['name'] || !issuer['url'])
    errors.push('issuer/structure');
  if (new URL(url).origin !== new URL(String(issuer['id'])).origin) errors.push('issuer/other_origin');
  return { valid: errors.length === 0, errors, assertion };
}
