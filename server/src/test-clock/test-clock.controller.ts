// Tests only (`ECOUTE_TEST_CLOCK=manual`): session time stands still until a test moves it, so
// that a test drives the scenario's timers instead of racing them (a busy machine then changes
// nothing). Without that variable this controller is not mounted: the route does not exist.
import { Body, Controller, HttpCode, Inject, Logger, Post } from '@nestjs/common';
import type { ManualScheduler } from '@ecoute/engine';
import { ErrorCode, failure } from '@ecoute/protocol';
import { z } from 'zod';
import { httpFailure } from '../auth/http-failure.js';
import { SESSION_SCHEDULER } from '../sessions/sessions.service.js';

const advanceSchema = z
  .object({
    ms: z
      .number()
      .int()
      .min(0)
      .max(24 * 3_600_000),
  })
  .strict();

@Controller('api/test/clock')
export class TestClockController {
  constructor(@Inject(SESSION_SCHEDULER) private readonly scheduler: ManualScheduler) {
    new Logger('TestClock').warn(
      'ECOUTE_TEST_CLOCK=manual: session time moves only through POST /api/test/clock/advance (tests only)',
    );
  }

  /** Moves every session's time on by `ms`, firing each timer due by then at its own due time. */
  @Post('advance')
  @HttpCode(200)
  advance(@Body() body: unknown): { ok: true; now: number } {
    const parsed = advanceSchema.safeParse(body);
    if (!parsed.success)
      throw httpFailure(
        failure(ErrorCode.InputInvalid, `Requête invalide : ${parsed.error.issues[0]?.message ?? ''}`),
      );
    this.scheduler.advanceBy(parsed.data.ms);
    return { ok: true, now: this.scheduler.now() };
  }
}
