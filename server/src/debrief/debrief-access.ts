// Who is asking: a role token (`Authorization: Bearer <token>`, the token of a role link) or the
// admin token (the sessions list; it opens any debrief as the trainer, until trainers have
// accounts). Failures carry their code; `httpFailure` gives each its HTTP status.
import { timingSafeEqual } from 'node:crypto';
import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode, failure } from '@ecoute/protocol';
import type { DebriefViewer, Failure } from '@ecoute/protocol';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { SessionStore } from '../sessions/session-store.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { hashToken } from '../auth/tokens.js';

const STATUS: Partial<Record<Failure['code'], HttpStatus>> = {
  [ErrorCode.InputInvalid]: HttpStatus.BAD_REQUEST,
  [ErrorCode.AuthInvalidToken]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.AuthForbiddenRole]: HttpStatus.FORBIDDEN,
  [ErrorCode.SessionNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.ScenarioNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.DebriefNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.DebriefAlreadySubmitted]: HttpStatus.CONFLICT,
  [ErrorCode.DebriefCallLive]: HttpStatus.CONFLICT,
};

/** The HTTP answer of a coded failure: `{ ok: false, code, message }` with its status. */
export function httpFailure(result: Failure): HttpException {
  return new HttpException(result, STATUS[result.code] ?? HttpStatus.INTERNAL_SERVER_ERROR);
}

/** Throws the failure as its HTTP answer, or returns the value. */
export function orThrow<T extends object>(result: T | Failure): T {
  if ('ok' in result && result.ok === false) throw httpFailure(result);
  return result as T;
}

export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+([\w.~+/=-]{1,200})\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}

@Injectable()
export class DebriefAccess {
  constructor(
    @Inject(SessionsService) private readonly sessions: SessionsService,
    @Inject(SessionStore) private readonly store: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  isAdmin(header: string | undefined): boolean {
    const token = bearerToken(header);
    if (!token) return false;
    // Compare hashes: equal lengths, constant time.
    const a = Buffer.from(hashToken(token), 'hex');
    const b = Buffer.from(hashToken(this.config.adminToken), 'hex');
    return timingSafeEqual(a, b);
  }

  /** The admin token, or `auth/invalid_token`. */
  requireAdmin(header: string | undefined): void {
    if (!this.isAdmin(header)) throw httpFailure(failure(ErrorCode.AuthInvalidToken));
  }

  /** Who reads this session's debrief, among `allowed`; throws the coded failure otherwise. */
  async viewer(
    sessionId: string,
    header: string | undefined,
    allowed: readonly DebriefViewer[],
  ): Promise<DebriefViewer> {
    const token = bearerToken(header);
    if (!token) throw httpFailure(failure(ErrorCode.AuthInvalidToken));
    if (this.isAdmin(header)) {
      // The admin reads as the trainer, on a session that exists.
      if (!(await this.store.find(sessionId))) throw httpFailure(failure(ErrorCode.SessionNotFound));
      if (!allowed.includes('trainer')) throw httpFailure(failure(ErrorCode.AuthForbiddenRole));
      return 'trainer';
    }
    const result = await this.sessions.authenticate(sessionId, token);
    if ('ok' in result) throw httpFailure(result);
    const role = result.role;
    if ((role === 'trainer' || role === 'listener') && allowed.includes(role)) return role;
    throw httpFailure(failure(ErrorCode.AuthForbiddenRole));
  }
}
