import { describe, it, expect } from '@jest/globals';
import { ConfigError, parseEnv } from './env.js';

describe('parseEnv', () => {
  it('takes defaults: port 3000, an SQLite file under data/', () => {
    const config = parseEnv({});
    expect(config.port).toBe(3000);
    expect(config.databaseFile).toMatch(/data[/\\]ecoute\.sqlite$/);
    expect(config.scenariosDir).toMatch(/scenarios$/);
  });

  it('reads PORT and the database file', () => {
    const config = parseEnv({ PORT: '4100', ECOUTE_DATABASE_FILE: '/tmp/x.sqlite' });
    expect(config.port).toBe(4100);
    expect(config.databaseFile).toBe('/tmp/x.sqlite');
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      parseEnv({ PORT: 'abc', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(2);
    expect(problems.join(' ')).toContain('PORT');
    expect(problems.join(' ')).toContain('LOG_LEVEL');
  });

  it('names each refused value and what to type instead, never a secret', () => {
    let message = '';
    try {
      parseEnv({
        PORT: 'abc',
        ECOUTE_PUBLIC_URL: 'ecoute.example.org',
        ECOUTE_SECRET: 'trop-court-pour-un-secret',
      });
    } catch (e) {
      message = (e as ConfigError).message;
    }
    expect(message).toContain('PORT=abc : attendu un numéro de port');
    expect(message).toContain('ECOUTE_PUBLIC_URL=ecoute.example.org : attendu');
    expect(message).toContain('https://');
    expect(message).toContain('ECOUTE_SECRET : attendu un secret de 32 à 500 caractères');
    expect(message).not.toContain('trop-court-pour-un-secret');
    // zod's own words are not what a person running the server should have to decode.
    expect(message).not.toMatch(/Invalid|expected|received/);
  });
});

describe('parseEnv: retention and the LRS', () => {
  it('is durable by default (FULL); takes FULL_IN_COMMIT and NORMAL; refuses anything else', () => {
    expect(parseEnv({}).sqliteSynchronous).toBe('FULL');
    expect(parseEnv({ ECOUTE_SQLITE_SYNCHRONOUS: 'FULL_IN_COMMIT' }).sqliteSynchronous).toBe(
      'FULL_IN_COMMIT',
    );
    expect(parseEnv({ ECOUTE_SQLITE_SYNCHRONOUS: 'NORMAL' }).sqliteSynchronous).toBe('NORMAL');
    expect(() => parseEnv({ ECOUTE_SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(/ECOUTE_SQLITE_SYNCHRONOUS/);
  });

  it('keeps ended sessions a year by default; 0 keeps them forever', () => {
    expect(parseEnv({}).retentionDays).toBe(365);
    expect(parseEnv({ ECOUTE_RETENTION_DAYS: '0' }).retentionDays).toBe(0);
    expect(() => parseEnv({ ECOUTE_RETENTION_DAYS: '-1' })).toThrow(ConfigError);
  });

  it('takes an LRS only with its key and secret', () => {
    expect(parseEnv({}).lrs).toBeUndefined();
    expect(
      parseEnv({ ECOUTE_LRS_URL: 'http://127.0.0.1:9/xapi', ECOUTE_LRS_KEY: 'k', ECOUTE_LRS_SECRET: 's' })
        .lrs,
    ).toEqual({ url: 'http://127.0.0.1:9/xapi', key: 'k', secret: 's' });
    expect(() => parseEnv({ ECOUTE_LRS_URL: 'http://127.0.0.1:9/xapi' })).toThrow(ConfigError);
    expect(() =>
      parseEnv({ ECOUTE_LRS_URL: 'ftp://x', ECOUTE_LRS_KEY: 'k', ECOUTE_LRS_SECRET: 's' }),
    ).toThrow(ConfigError);
  });
});

describe('parseEnv: the server secret', () => {
  it('takes ECOUTE_SECRET (32 characters at least), or leaves it to the key file', () => {
    const secret = 'a-secret-of-at-least-thirty-two-characters';
    expect(parseEnv({ ECOUTE_SECRET: secret }).secret).toBe(secret);
    expect(parseEnv({}).secret).toBeUndefined();
    expect(() => parseEnv({ ECOUTE_SECRET: 'short' })).toThrow(ConfigError);
  });
});

describe('parseEnv: metrics', () => {
  it('keeps /metrics off unless ECOUTE_METRICS=1 or a token turns it on', () => {
    expect(parseEnv({})).toMatchObject({ metrics: false, metricsToken: undefined });
    expect(parseEnv({ ECOUTE_METRICS: '1' })).toMatchObject({ metrics: true, metricsToken: undefined });
    expect(parseEnv({ ECOUTE_METRICS_TOKEN: 'a-long-enough-metrics-token' })).toMatchObject({
      metrics: true,
      metricsToken: 'a-long-enough-metrics-token',
    });
    expect(() => parseEnv({ ECOUTE_METRICS_TOKEN: 'short' })).toThrow(ConfigError);
  });
});
