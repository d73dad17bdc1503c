// better-auth's HTTP handler on Express, before the JSON body parser (it reads the body
// itself). Only the routes the product uses are reachable: sign-in, sign-out, the session, and
// the password reset of an administrator's reset link. Accounts are made only by the first
// boot's setup and by invitations (accounts.service.ts), never by a public sign-up.
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { toNodeHandler } from 'better-auth/node';
import { ErrorCode, failure } from '@ecoute/protocol';
import { AUTH_LIBRARY_ROUTE } from '../auth/policy.js';
import type { Auth } from './auth.js';
import { AUTH } from './auth.provider.js';

export const AUTH_ROUTES_REACHABLE = new Set([
  'POST /api/auth/sign-in/email',
  'POST /api/auth/sign-out',
  'GET /api/auth/get-session',
  'POST /api/auth/reset-password',
]);

export function mountAuth(app: NestExpressApplication): void {
  const handler = toNodeHandler(app.get<Auth>(AUTH));
  const express = app.getHttpAdapter().getInstance() as {
    all(path: string, handler: (req: Request, res: Response, next: NextFunction) => void): void;
  };
  express.all(AUTH_LIBRARY_ROUTE.path, (req, res) => {
    if (!AUTH_ROUTES_REACHABLE.has(`${req.method} ${req.path}`)) {
      res.status(404).json(failure(ErrorCode.AuthNoRule));
      return;
    }
    void handler(req, res);
  });
}
