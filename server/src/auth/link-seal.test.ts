import { describe, it, expect } from '@jest/globals';
import { LinkSeal } from './link-seal.js';
import { newToken } from './tokens.js';

describe('LinkSeal', () => {
  const seal = new LinkSeal('a-server-secret-of-at-least-32-characters');

  it('opens what it sealed, and the sealed text does not show the token', () => {
    const token = newToken();
    const sealed = seal.seal(token);
    expect(sealed).not.toContain(token);
    expect(seal.open(sealed)).toBe(token);
    expect(seal.seal(token)).not.toBe(sealed);
  });

  it('refuses a seal made under another secret, or altered', () => {
    const sealed = seal.seal(newToken());
    expect(new LinkSeal('another-server-secret-of-32-characters!!').open(sealed)).toBeNull();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    expect(seal.open(bytes.toString('base64url'))).toBeNull();
    expect(seal.open('short')).toBeNull();
  });
});
