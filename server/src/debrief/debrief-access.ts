// Who is asking: a role token (`Authorization: Bearer <token>`, the token of a role link) or the
// admin token (the sessions list; it opens any debrief as the trainer, until trainers have
// accounts). Failures carry their code; `httpFailure` (auth/http-failure.ts) gives their status.
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, failure } from '@ecoute/protocol';
import type { DebriefViewer } from '@ecoute/protocol';
import { APP_CONFIG } from '../config/env.js';
import type { AppConfig } from '../config/env.js';
import { SessionStore } from '../sessions/session-store.js';
import { SessionsService } from '../sessions/sessions.service.js';
import { bearerToken, httpFailure, isAdminToken, orThrow } from '../auth/http-failure.js';

export { bearerToken, httpFailure, orThrow };

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
    return isAdminToken(token, this.config.adminToken);
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
