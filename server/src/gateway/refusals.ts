// Every refusal of the gateway (handshake, input, sync) goes through here: counted by code in the
// metrics, logged at a bounded rate (logging/refusal-log.ts) with the socket and session ids,
// never the message itself (it may hold a learner's words).
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { RefusalLog } from '../logging/refusal-log.js';
import type { RefusalFields } from '../logging/refusal-log.js';
import { ServerMetrics } from '../metrics/server-metrics.js';

@Injectable()
export class Refusals implements OnModuleDestroy {
  private readonly logger = new Logger('SessionGateway');
  private readonly log = new RefusalLog((fields, message) => this.logger.warn(fields, message));
  private readonly timer = setInterval(() => this.log.flush(), this.log.windowMs).unref();

  constructor(@Inject(ServerMetrics) private readonly metrics: ServerMetrics) {}

  refused(fields: RefusalFields): void {
    this.metrics.refused(fields.code);
    this.log.record(fields);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.log.flush();
  }
}
