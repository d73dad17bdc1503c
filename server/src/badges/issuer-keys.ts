// One signing key per organisation (RS256, RSA 2048: the algorithm OB 3.0 requires every
// verifier to support), made by `jose` at the first badge; the public JWK is published, the
// private one stored sealed with the server key (AES-256-GCM, `LinkSeal`).
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK } from 'jose';
import type { CryptoKey, JWK } from 'jose';
import type { LinkSeal } from '../auth/link-seal.js';
import type { BadgeStore, KeyRecord } from './badge-store.js';

export const BADGE_ALG = 'RS256';

export interface SigningKey {
  id: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export class IssuerKeys {
  private readonly loaded = new Map<string, Promise<SigningKey>>();

  constructor(
    private readonly store: BadgeStore,
    private readonly seal: LinkSeal,
  ) {}

  /** The organisation's signing key, made on first use (one at a time per organisation). */
  signingKey(organizationId: string): Promise<SigningKey> {
    let key = this.loaded.get(organizationId);
    if (!key) {
      key = this.load(organizationId);
      key.catch(() => this.loaded.delete(organizationId));
      this.loaded.set(organizationId, key);
    }
    return key;
  }

  private async load(organizationId: string): Promise<SigningKey> {
    const stored = (await this.store.keyOf(organizationId)) ?? (await this.create(organizationId));
    const sealed = this.seal.open(stored.sealedPrivateJwk);
    if (sealed === null) throw new Error(`badge/key_unsealable organization=${organizationId}`);
    const privateKey = (await importJWK(JSON.parse(sealed) as JWK, BADGE_ALG)) as CryptoKey;
    return { id: stored.id, privateKey, publicJwk: JSON.parse(stored.publicJwk) as JWK };
  }

  private async create(organizationId: string): Promise<KeyRecord> {
    const { publicKey, privateKey } = await generateKeyPair(BADGE_ALG, {
      modulusLength: 2048,
      extractable: true,
    });
    const id = `k-${randomBytes(8).toString('hex')}`;
    const publicJwk = { ...(await exportJWK(publicKey)), kid: id, alg: BADGE_ALG, use: 'sig' };
    const record: KeyRecord = {
      id,
      organizationId,
      publicJwk: JSON.stringify(publicJwk),
      sealedPrivateJwk: this.seal.seal(JSON.stringify(await exportJWK(privateKey))),
      createdAt: new Date().toISOString(),
    };
    await this.store.addKey(record);
    return record;
  }

  /** The published keys of an organisation (never a private member). */
  async publicKeys(organizationId: string): Promise<JWK[]> {
    return (await this.store.keysOf(organizationId)).map((k) => JSON.parse(k.publicJwk) as JWK);
  }
}
