// Nest's own start-up lines (one per module, controller, route and gateway: ~120 at boot) go to
// `debug`: at the default level a person running `npm start` sees the app's lines and the start
// line with the address (and the first-boot link), not a screenful of « Mapped {/api/…} ».
// LOG_LEVEL=debug shows them again. Every line stays JSON (pino); only its level changes.
import type { LoggerService } from '@nestjs/common';

/** The contexts Nest logs its wiring under while the app starts. */
export const BOOT_CONTEXTS: ReadonlySet<string> = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'WebSocketsController',
  'NestApplication',
]);

/** The app's logger, with Nest's start-up `log` lines sent to `debug` (the context is the last parameter). */
export class QuietBootLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (typeof context === 'string' && BOOT_CONTEXTS.has(context) && this.inner.debug)
      this.inner.debug(message, ...rest);
    else this.inner.log(message, ...rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.inner.error(message, ...rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.inner.warn(message, ...rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.inner.debug?.(message, ...rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.inner.verbose?.(message, ...rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    if (this.inner.fatal) this.inner.fatal(message, ...rest);
    else this.inner.error(message, ...rest);
  }
}
