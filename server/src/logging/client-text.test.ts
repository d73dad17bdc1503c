import { describe, expect, it } from '@jest/globals';
import { clientText, safeUrl } from './client-text.js';

describe('clientText', () => {
  it('escapes what could forge a log line or repaint a terminal', () => {
    expect(clientText('abc\n{"level":30,"msg":"forged"}')).toBe('abc\\u000a{"level":30,"msg":"forged"}');
    expect(clientText('a\rb\u001b[31mc\u2028d\u202ee\u0085')).toBe(
      'a\\u000db\\u001b[31mc\\u2028d\\u202ee\\u0085',
    );
    expect(clientText('séance-ordinaire_1')).toBe('séance-ordinaire_1');
  });

  it('cuts long strings', () => {
    expect(clientText('x'.repeat(500))).toHaveLength(201);
  });
});

describe('safeUrl', () => {
  it('hides the values of secret-looking query parameters', () => {
    expect(safeUrl('/api/x?token=abc&b=1&k=zz')).toBe('/api/x?token=[redacted]&b=1&k=[redacted]');
    expect(safeUrl('/api/sessions/abc/debrief')).toBe('/api/sessions/abc/debrief');
  });

  it("hides an invitation's id and an LTI registration's key, the secret of their path", () => {
    expect(safeUrl('/api/account/invitations/2BjoTGSVar42x')).toBe('/api/account/invitations/[redacted]');
    expect(safeUrl('/api/account/invitations/2BjoTGSVar42x/accept')).toBe(
      '/api/account/invitations/[redacted]/accept',
    );
    // The list of invitations (an administrator's page) stays as it is.
    expect(safeUrl('/api/account/invitations')).toBe('/api/account/invitations');
    expect(safeUrl('/lti/register/k3y?openid_configuration=https://lms&registration_token=t0k')).toBe(
      '/lti/register/[redacted]?openid_configuration=https://lms&registration_token=[redacted]',
    );
  });

  it("hides a learner's pseudonym and a group session's join code", () => {
    expect(safeUrl('/api/sessions?learner=Karim&outcome=best')).toBe(
      '/api/sessions?learner=[redacted]&outcome=best',
    );
    expect(safeUrl('/classe?code=K7P2QX')).toBe('/classe?code=[redacted]');
  });
});
