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
});
