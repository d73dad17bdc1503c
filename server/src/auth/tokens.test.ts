import { describe, it, expect } from '@jest/globals';
import { hashToken, newSessionId, newToken, sameHash } from './tokens.js';

describe('role tokens', () => {
  it('carry at least 128 bits and differ each time', () => {
    const tokens = new Set(Array.from({ length: 100 }, () => newToken()));
    expect(tokens.size).toBe(100);
    const one = [...tokens][0]!;
    expect(Buffer.from(one, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
  });

  it('are stored as a hash that does not reveal them', () => {
    const token = newToken();
    const hash = hashToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(sameHash(hash, hashToken(token))).toBe(true);
    expect(sameHash(hash, hashToken(newToken()))).toBe(false);
  });

  it('session ids are url-safe', () => {
    expect(newSessionId()).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });
});
