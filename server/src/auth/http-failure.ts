// Coded failures as HTTP answers, and the token of an `Authorization: Bearer` header: shared by
// every REST controller and the policy guard (access.service.ts).
import { HttpException, HttpStatus } from '@nestjs/common';
import type { z } from 'zod';
import { ErrorCode, failure } from '@ecoute/protocol';
import type { Failure } from '@ecoute/protocol';

const STATUS: Partial<Record<Failure['code'], HttpStatus>> = {
  [ErrorCode.InputInvalid]: HttpStatus.BAD_REQUEST,
  [ErrorCode.InputRateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.AuthForbiddenOrigin]: HttpStatus.FORBIDDEN,
  [ErrorCode.AuthInvalidToken]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.AuthForbiddenRole]: HttpStatus.FORBIDDEN,
  [ErrorCode.AuthNotSessionOwner]: HttpStatus.FORBIDDEN,
  [ErrorCode.SessionNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.ScenarioNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.DebriefNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.DebriefAlreadySubmitted]: HttpStatus.CONFLICT,
  [ErrorCode.DebriefCallLive]: HttpStatus.CONFLICT,
  [ErrorCode.ExportLrsNotConfigured]: HttpStatus.CONFLICT,
  [ErrorCode.ExportLrsFailed]: HttpStatus.BAD_GATEWAY,
  [ErrorCode.AuthSignInRequired]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.AuthCsrf]: HttpStatus.FORBIDDEN,
  [ErrorCode.AuthNoRule]: HttpStatus.FORBIDDEN,
  [ErrorCode.AccountSetupInvalid]: HttpStatus.FORBIDDEN,
  [ErrorCode.AccountInvitationInvalid]: HttpStatus.NOT_FOUND,
  [ErrorCode.AccountExists]: HttpStatus.CONFLICT,
  [ErrorCode.AccountAlreadyMember]: HttpStatus.CONFLICT,
  [ErrorCode.LibraryNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.LibraryReadOnly]: HttpStatus.FORBIDDEN,
  [ErrorCode.LibraryIdTaken]: HttpStatus.CONFLICT,
  [ErrorCode.LibraryNoDraft]: HttpStatus.CONFLICT,
  [ErrorCode.LibraryNoChange]: HttpStatus.CONFLICT,
  [ErrorCode.LibraryLintErrors]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.LibraryImportUnreadable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.LibraryImportNoId]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.BadgeNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.LtiInvalidLaunch]: HttpStatus.BAD_REQUEST,
  [ErrorCode.LtiUnknownPlatform]: HttpStatus.BAD_REQUEST,
  [ErrorCode.LtiInvalidState]: HttpStatus.BAD_REQUEST,
  [ErrorCode.LtiRegistrationFailed]: HttpStatus.BAD_GATEWAY,
  [ErrorCode.LtiNoMembershipService]: HttpStatus.NOT_FOUND,
  [ErrorCode.LtiMembershipFailed]: HttpStatus.BAD_GATEWAY,
  [ErrorCode.BadgeImageType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.BadgeImageTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [ErrorCode.BadgeImageInvalid]: HttpStatus.BAD_REQUEST,
  [ErrorCode.ClassNotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.ClassJoinInvalid]: HttpStatus.NOT_FOUND,
  [ErrorCode.ClassGroupsInvalid]: HttpStatus.BAD_REQUEST,
  [ErrorCode.ClassFull]: HttpStatus.CONFLICT,
  [ErrorCode.ClassPseudonymTaken]: HttpStatus.CONFLICT,
  [ErrorCode.ClassLearnerNotFound]: HttpStatus.NOT_FOUND,
};

/** The HTTP answer of a coded failure: `{ ok: false, code, message }` with its status. */
export function httpFailure(result: Failure): HttpException {
  return new HttpException(result, STATUS[result.code] ?? HttpStatus.INTERNAL_SERVER_ERROR);
}

/** A request's body by its schema, or `input/invalid` naming the first wrong field (a help mode not known, say). */
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    throw httpFailure(
      failure(ErrorCode.InputInvalid, `Requête invalide${where} : ${issue?.message ?? ''}`.trim()),
    );
  }
  return parsed.data;
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
