// What every HTTP request meets before any route: security headers (helmet: a CSP without
// inline scripts, no framing, nosniff, no X-Powered-By), and for the API's state-changing
// routes, JSON bodies only (a plain HTML form cannot post one) from an allowed origin.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { ErrorCode, failure } from '@ecoute/protocol';
import { originAllowed } from '../auth/origin.js';
import type { AppConfig } from '../config/env.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function applyRequestGuards(
  app: NestExpressApplication,
  config: AppConfig,
  /** The LTI platforms that may frame the app (`'none'` while there is none). */
  frameAncestors: () => string = () => "'none'",
): void {
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          // The built client loads its scripts and styles from files; nothing inline runs.
          'script-src': ["'self'"],
          // React sets `style` properties through the DOM, which CSP does not block; libraries'
          // inserted style elements are allowed, no remote stylesheet is.
          'style-src': ["'self'", "'unsafe-inline'"],
          'frame-ancestors': [() => frameAncestors()],
          // Served over plain http on localhost by `npm start`: no upgrade of its requests.
          'upgrade-insecure-requests': null,
        },
      },
      frameguard: { action: 'deny' },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!STATE_CHANGING.has(req.method) || !req.path.startsWith('/api/')) return next();
    if (!originAllowed(req.get('origin'), req.get('host'), config.publicUrl)) {
      res.status(403).json(failure(ErrorCode.AuthForbiddenOrigin));
      return;
    }
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    if (hasBody && !req.is('application/json')) {
      res
        .status(415)
        .json(failure(ErrorCode.InputInvalid, 'Corps JSON attendu (Content-Type: application/json).'));
      return;
    }
    next();
  });
}
