// Structured JSON logs (pino through nestjs-pino, as Nest's logger): one JSON object a line, each
// HTTP request with its id (`X-Request-Id` when the client sent a sane one, else a new UUID,
// echoed back), each gateway line with its socket id. Never logged: tokens (Authorization and
// cookies redacted, secret-looking query values hidden), request bodies (a learner's words and
// notes). Client-given strings go through `clientText`.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, Logger, Module } from '@nestjs/common';
import type { DynamicModule, OnModuleDestroy } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { pino } from 'pino';
import type { DestinationStream, LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';
import type { AppConfig } from '../config/env.js';
import { safeUrl } from './client-text.js';
import { RefusalLog } from './refusal-log.js';

const PINO_LEVELS: Record<AppConfig['logLevel'], LevelWithSilent> = {
  silent: 'silent',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
};

/**
 * Probed often by supervisors and scrapers: their answered requests are not logged one by one.
 * Their refusals are, like any other (a scraper with a wrong token, `/readyz` answering 503):
 * otherwise the person reading the logs never learns why a balancer or Prometheus gave up.
 */
const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

function quietPath(url: string | undefined): boolean {
  return QUIET_PATHS.has((url ?? '').split('?')[0] ?? '');
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/**
 * `refusals` bounds the lines of 4xx answers (keyed `http/<status>`): a scanner's flood of 404s
 * or a client retrying a bad request logs a few lines and a summary.
 */
export function httpLogOptions(config: AppConfig, refusals: RefusalLog): Options {
  return {
    level: PINO_LEVELS[config.logLevel],
    genReqId: requestId,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        'token',
        '*.token',
        'password',
        '*.password',
      ],
      censor: '[redacted]',
    },
    serializers: {
      // Only these: no headers, no body, the URL without secret values.
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: safeUrl(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (req, res, error) => {
      if (quietPath(req.url)) {
        if (error === undefined && res.statusCode < 400) return 'silent';
        // A readiness 503 is the answer the probe asked for (recovering, draining), not a server
        // error: a bounded warning, as any refusal.
        return refusals.admit(`http/${res.statusCode}`) ? 'warn' : 'silent';
      }
      if (error !== undefined || res.statusCode >= 500) return 'error';
      // A session no platform opened has no course members: an answer, not a refusal.
      if (res.statusCode === 404 && COURSE_MEMBERS_PATH.test(safeUrl(req.url ?? ''))) return 'info';
      if (res.statusCode >= 400) return refusals.admit(`http/${res.statusCode}`) ? 'warn' : 'silent';
      return 'info';
    },
  };
}

/** `GET /api/sessions/:id/lti/members` (trainer console of a session, LTI or not). */
const COURSE_MEMBERS_PATH = /^\/api\/sessions\/[^/?]+\/lti\/members(\?|$)/;

/** Closes the refusal windows every window, so that a flood's summary is written even if it stops. */
@Injectable()
class RefusalSummaries implements OnModuleDestroy {
  private readonly timer: NodeJS.Timeout;

  constructor(@Inject(RefusalLog) private readonly refusals: RefusalLog) {
    this.timer = setInterval(() => refusals.flush(), refusals.windowMs).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.refusals.flush();
  }
}

@Module({})
class LoggingModule {}

/**
 * The logger module (global: it provides the app's `RefusalLog`); `destination` replaces stdout
 * (tests read the lines). Stdout is written synchronously: a line logged before a crash (kill -9)
 * or before the start line is out, in order.
 */
export function loggingModule(config: AppConfig, destination?: DestinationStream): DynamicModule {
  const summaries = new Logger('Refusals');
  const refusals = new RefusalLog((fields, message) => summaries.warn(fields, message));
  const options = httpLogOptions(config, refusals);
  return {
    module: LoggingModule,
    global: true,
    imports: [
      LoggerModule.forRoot({
        pinoHttp: [options, destination ?? pino.destination({ dest: 1, sync: true })],
      }),
    ],
    providers: [{ provide: RefusalLog, useValue: refusals }, RefusalSummaries],
    exports: [RefusalLog],
  };
}
