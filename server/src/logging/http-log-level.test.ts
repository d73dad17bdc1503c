// The level of an HTTP answer's log line: a 4xx is a refusal (warn), except the course members
// of a session no platform opened — an expected answer, logged as info; the probes' answered
// requests are not logged, their refusals are.
import { describe, expect, it } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/env.js';
import { httpLogOptions } from './logging.module.js';
import { RefusalLog } from './refusal-log.js';

describe('httpLogOptions.customLogLevel', () => {
  const options = httpLogOptions(
    { logLevel: 'info' } as unknown as AppConfig,
    new RefusalLog(() => undefined),
  );
  const level = (url: string, statusCode: number) =>
    options.customLogLevel!({ url } as IncomingMessage, { statusCode } as ServerResponse, undefined);

  it('logs the 404 of the course members of a session no platform opened as info, other 4xx as warn', () => {
    expect(level('/api/sessions/s-1/lti/members', 404)).toBe('info');
    expect(level('/api/sessions/s-1/lti/members', 403)).toBe('warn');
    expect(level('/api/sessions/s-1/debrief', 404)).toBe('warn');
    expect(level('/api/sessions/s-1/lti/members', 502)).toBe('error');
  });

  it("keeps the probes' answers out, and their refusals in (a wrong metrics token, not ready)", () => {
    expect(level('/healthz', 200)).toBe('silent');
    expect(level('/readyz', 200)).toBe('silent');
    expect(level('/metrics', 200)).toBe('silent');
    expect(level('/metrics?gc=1', 200)).toBe('silent');
    expect(level('/metrics', 401)).toBe('warn');
    expect(level('/readyz', 503)).toBe('warn');
  });
});
