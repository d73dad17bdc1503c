// Nest's start-up lines go to debug; every other line keeps its level.
import { describe, expect, it } from '@jest/globals';
import type { LoggerService } from '@nestjs/common';
import { QuietBootLogger } from './boot-lines.js';

function recording() {
  const calls: [string, unknown[]][] = [];
  const at =
    (level: string) =>
    (...args: unknown[]) =>
      calls.push([level, args]);
  const inner: LoggerService = {
    log: at('log'),
    error: at('error'),
    warn: at('warn'),
    debug: at('debug'),
    verbose: at('verbose'),
    fatal: at('fatal'),
  };
  return { calls, logger: new QuietBootLogger(inner) };
}

describe('QuietBootLogger', () => {
  it("sends Nest's per-module and per-route start-up lines to debug", () => {
    const { calls, logger } = recording();
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('Mapped {/api/scenarios, GET} route', 'RouterExplorer');
    logger.log('ScenariosController {/api/scenarios}:', 'RoutesResolver');
    logger.log('Nest application successfully started', 'NestApplication');
    expect(calls.map(([level]) => level)).toEqual(['debug', 'debug', 'debug', 'debug']);
    expect(calls[1]).toEqual(['debug', ['Mapped {/api/scenarios, GET} route', 'RouterExplorer']]);
  });

  it("keeps the app's own lines, and every warning or error, at their level", () => {
    const { calls, logger } = recording();
    logger.log('8 scénario(s) chargé(s)', 'ScenarioCatalog');
    logger.log({ sessions: 2 }, 'reprise', 'Recovery');
    logger.log('sans contexte');
    logger.warn('lent', 'InstanceLoader');
    logger.error('échec', 'stack', 'NestFactory');
    logger.fatal('fin', 'NestApplication');
    expect(calls.map(([level]) => level)).toEqual(['log', 'log', 'log', 'warn', 'error', 'fatal']);
  });
});
