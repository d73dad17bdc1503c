import { describe, expect, it } from '@jest/globals';
import { readRoleToken } from './readRoleToken.js';

describe('readRoleToken', () => {
  it('reads the token from the fragment', () => {
    expect(readRoleToken('#k=abc123')).toBe('abc123');
    expect(readRoleToken('#k=a%2Fb')).toBe('a/b');
  });

  it('finds none when the fragment has no key', () => {
    expect(readRoleToken('')).toBeNull();
    expect(readRoleToken('#x=1')).toBeNull();
    expect(readRoleToken('#k=')).toBeNull();
  });
});
