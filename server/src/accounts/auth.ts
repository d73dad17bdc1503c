// Accounts of trainers, authors and administrators: better-auth (email + password, sessions in
// HttpOnly SameSite cookies, its own Origin/CSRF checks) with its organization plugin
// (organisations, members, invitations), on the project's own Kysely instance. Passwords are
// hashed with argon2id by @node-rs/argon2. Its tables are prefixed `auth_` so that its `session`
// never meets ours; they are created by better-auth's migration API at boot (`migrateAuth`).
import { hash, verify } from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import type { BetterAuthOptions } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { organization } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements, ownerAc } from 'better-auth/plugins/organization/access';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@ecoute/protocol';

/** The roles of a member of an organisation (better-auth's `owner` is the first administrator). */
export const MEMBER_ROLES = ['admin', 'trainer', 'author'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** better-auth's role name → ours. */
export function memberRole(role: string): MemberRole | null {
  if (role === 'owner' || role === 'admin') return 'admin';
  if (role === 'trainer' || role === 'author') return role;
  return null;
}

export interface AuthSettings {
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  secret: string;
  /** ECOUTE_PUBLIC_URL: the only trusted origin when set; else the request's own. */
  publicUrl: string | undefined;
  /** Called after each account session is created (a sign-in): the audit log. */
  onSignIn(userId: string): Promise<void>;
}

/** Argon2id (`Algorithm.Argon2id` = 2, a const enum), OWASP's second setting (19 MiB, 2 passes, 1 lane). */
const ARGON2 = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** The organization plugin's statements; administrators keep its admin rights, trainers and authors none. */
const ac = createAccessControl(defaultStatements);
const roles = {
  owner: ac.newRole(ownerAc.statements),
  admin: ac.newRole(adminAc.statements),
  trainer: ac.newRole({ member: [], invitation: [] }),
  author: ac.newRole({ member: [], invitation: [] }),
};

export function authOptions(settings: AuthSettings) {
  const secure = settings.publicUrl?.startsWith('https://') ?? false;
  return {
    appName: 'Écoute',
    basePath: '/api/auth',
    ...(settings.publicUrl ? { baseURL: settings.publicUrl } : {}),
    secret: settings.secret,
    database: { db: settings.db as unknown as Kysely<Record<string, never>>, type: settings.dialect },
    trustedOrigins: (request?: Request) => {
      if (settings.publicUrl) return [new URL(settings.publicUrl).origin];
      const host = request?.headers.get('host');
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    user: { modelName: 'auth_user' },
    session: { modelName: 'auth_session', expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    account: { modelName: 'auth_account' },
    verification: { modelName: 'auth_verification' },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      // Reset links are made by an administrator (no mail server): see AccountsService.resetLink.
      // better-auth wants this hook for its /reset-password route to be on.
      sendResetPassword: () => Promise.resolve(),
      resetPasswordTokenExpiresIn: 60 * 60 * 24,
      revokeSessionsOnPasswordReset: true,
      password: {
        hash: (password: string) => hash(password, ARGON2),
        verify: ({ hash: stored, password }: { hash: string; password: string }) => verify(stored, password),
      },
    },
    advanced: {
      cookiePrefix: 'ecoute',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' as const, secure },
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 200,
      customRules: { '/sign-in/email': { window: 60, max: 30 }, '/reset-password': { window: 60, max: 10 } },
    },
    telemetry: { enabled: false },
    // Its warnings (no base URL without ECOUTE_PUBLIC_URL: the request's origin is used) are known.
    logger: { level: 'error' as const },
    databaseHooks: {
      session: {
        create: {
          after: async (session: { userId: string }) => {
            await settings.onSignIn(session.userId);
          },
        },
      },
    },
    plugins: [
      organization({
        ac,
        roles,
        // Organisations are made only at first boot (AccountsService.setup).
        allowUserToCreateOrganization: false,
        invitationExpiresIn: 60 * 60 * 24 * 7,
        schema: {
          organization: { modelName: 'auth_organization' },
          member: { modelName: 'auth_member' },
          invitation: { modelName: 'auth_invitation' },
        },
      }),
    ],
  } satisfies BetterAuthOptions;
}

export function createAuth(settings: AuthSettings) {
  return betterAuth(authOptions(settings));
}

export type Auth = ReturnType<typeof createAuth>;

/** Creates or completes better-auth's tables (its migration API; idempotent). */
export async function migrateAuth(settings: AuthSettings): Promise<void> {
  const { runMigrations } = await getMigrations(authOptions(settings));
  await runMigrations();
}
