// Every refusal of the gateway (handshake, input, sync) goes through here: counted by code in the
// metrics, logged at a bounded rate (logging/refusal-log.ts) with the socket and session ids,
// never the message itself (it may hold a learner's words).
import { Inject, Injectable } from '@nestjs/common';
import { RefusalLog } from '../logging/refusal-log.js';
import type { RefusalFields } from '../logging/refusal-log.js';
import { ServerMetrics } from '../metrics/server-metrics.js';

@Injectable()
export class Refusals {
  constructor(
    @Inject(ServerMetrics) private readonly metrics: ServerMetrics,
    @Inject(RefusalLog) private readonly log: RefusalLog,
  ) {}

  refused(fields: RefusalFields): void {
    this.metrics.refused(fields.code);
    this.log.record(fields);
  }
}
