import { afterEach, describe, expect, it } from '@jest/globals';
import { storedRoleToken, takeRoleToken } from './takeRoleToken.js';

afterEach(() => {
  sessionStorage.clear();
  history.replaceState(null, '', '/');
});

describe('takeRoleToken', () => {
  it('reads the token, removes it from the address bar and keeps it for this tab only', () => {
    history.replaceState(null, '', '/ecoute/s1?x=1#k=secret-token');
    expect(takeRoleToken('/ecoute/s1', '#k=secret-token')).toBe('secret-token');
    expect(window.location.hash).toBe('');
    expect(window.location.href).not.toContain('secret-token');
    expect(window.location.pathname + window.location.search).toBe('/ecoute/s1?x=1');
    expect(sessionStorage.getItem('ecoute.token./ecoute/s1')).toBe('secret-token');
    expect(Object.values({ ...localStorage }).join()).not.toContain('secret-token');
    // A reload of the page (no fragment any more) still has it; another page does not.
    expect(takeRoleToken('/ecoute/s1', '')).toBe('secret-token');
    expect(storedRoleToken('/animation/s1')).toBeNull();
  });

  it('has nothing without a link token or a kept one', () => {
    expect(takeRoleToken('/ecoute/s2', '')).toBeNull();
  });
});
