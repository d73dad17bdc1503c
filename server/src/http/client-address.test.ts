import { describe, it, expect } from '@jest/globals';
import type { IncomingMessage } from 'node:http';
import { clientAddressOf } from './client-address.js';
import { ConfigError, parseEnv } from '../config/env.js';

function request(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  return {
    socket: { remoteAddress },
    connection: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  } as unknown as IncomingMessage;
}

describe('clientAddressOf', () => {
  it('ignores X-Forwarded-For unless a proxy is trusted (a client cannot pick its address)', () => {
    const addressOf = clientAddressOf(undefined);
    expect(addressOf(request('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
  });

  it('reads the client behind a trusted loopback balancer, and only through trusted hops', () => {
    const addressOf = clientAddressOf('loopback');
    expect(addressOf(request('127.0.0.1', '198.51.100.1'))).toBe('198.51.100.1');
    // A forged entry before the real client is not believed: the first untrusted hop wins.
    expect(addressOf(request('127.0.0.1', '10.9.9.9, 198.51.100.1'))).toBe('198.51.100.1');
    // Straight from the internet, the header is not believed.
    expect(addressOf(request('203.0.113.9', '198.51.100.1'))).toBe('203.0.113.9');
  });

  it('takes a hop count', () => {
    const addressOf = clientAddressOf('2');
    expect(addressOf(request('10.0.0.2', '198.51.100.1, 10.0.0.1'))).toBe('198.51.100.1');
  });

  it('is refused at boot when malformed, naming the variable', () => {
    expect(() => parseEnv({ ECOUTE_TRUST_PROXY: 'not-an-address' })).toThrow(ConfigError);
    expect(() => parseEnv({ ECOUTE_TRUST_PROXY: 'not-an-address' })).toThrow(/ECOUTE_TRUST_PROXY/);
    expect(parseEnv({ ECOUTE_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback, 10.0.0.0/8');
  });
});
