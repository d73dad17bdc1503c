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
});
