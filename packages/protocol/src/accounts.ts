// The REST contract of accounts and organisations (server/src/accounts) and of privacy requests.
import { z } from 'zod';

export const MEMBER_ROLES = ['admin', 'trainer', 'author'] as const;
export type MemberRoleName = (typeof MEMBER_ROLES)[number];

const name = z.string().trim().min(1).max(100);
const email = z.email().max(200);
/** A password's bounds: the server gives them to better-auth (server/src/accounts/auth.ts), the forms to the browser. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
export const passwordSchema = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);

export const setupRequestSchema = z.object({
  token: z.string().min(1).max(200),
  name,
  email,
  password: passwordSchema,
  organizationName: name,
});
export type SetupRequestBody = z.infer<typeof setupRequestSchema>;

export const joinRequestSchema = z.object({ name, password: passwordSchema });
export type JoinRequestBody = z.infer<typeof joinRequestSchema>;

export const inviteRequestSchema = z.object({ email, role: z.enum(MEMBER_ROLES) });
export type InviteRequestBody = z.infer<typeof inviteRequestSchema>;

/** Retention in days, 0 = kept until deleted by hand; at most ten years. */
/** The longest retention an organisation may set, in days (ten years); 0 keeps sessions for good. */
export const MAX_RETENTION_DAYS = 3650;
export const retentionRequestSchema = z.object({
  retentionDays: z.number().int().min(0).max(MAX_RETENTION_DAYS),
});

/** A learner is known only by the pseudonym they typed. */
export const learnerRequestSchema = z.object({ name: z.string().trim().min(1).max(100) });

export interface SetupStatus {
  needed: boolean;
}

export interface InvitationSummary {
  email: string;
  role: MemberRoleName;
  organizationName: string;
}

export interface AccountMe {
  userId: string;
  name: string;
  email: string;
  role: MemberRoleName;
  organizationName: string;
  retentionDays: number;
}

/**
 * Who is signed in in this browser, if anyone (GET /api/account/current): signed out is a normal
 * answer there, not a 401 that the browser's console would log as an error on every public page.
 */
export type AccountCurrent = { signedIn: false } | { signedIn: true; me: AccountMe };

export interface OrganizationSummary {
  name: string;
  members: { userId: string; name: string; email: string; role: MemberRoleName }[];
  invitations: { id: string; email: string; role: string; expiresAt: string }[];
  retentionDays: number;
  defaultRetentionDays: number;
}

export interface ShareLink {
  /** A path to append to the server's origin. */
  link: string;
}

export interface AuditLogEntry {
  at: string;
  /** Internal: an account id, or `link:<role>`. */
  actor: string;
  action: string;
  /** Internal: a session, account or invitation id, a number… */
  target: string | null;
  /** Who, as a person reads it. */
  who: AuditActor;
  /** On what, as a person reads it (null: nothing to name). */
  subject: AuditSubject | null;
}

export type AuditActor = { kind: 'member'; name: string | null } | { kind: 'link'; role: string };

export type AuditSubject =
  | { kind: 'session'; title: string; createdAt: string }
  | { kind: 'session-gone' }
  | { kind: 'person'; name: string | null }
  | { kind: 'days'; count: number }
  /** A learner's export or erasure: what it held (`badges` absent in entries older than it). */
  | { kind: 'learner-data'; sessions: number; badges?: number }
  | { kind: 'class'; name: string | null }
  | { kind: 'badge'; name: string | null };

/** A learner's past sessions in the organisation, as their debrief link lists them. */
export interface LearnerHistoryItem {
  sessionId: string;
  scenarioTitle: string;
  createdAt: string;
  endedAt: string | null;
  outcome: string | null;
  /** The session of the link that asks. */
  current: boolean;
}

/** What an administrator erased for one pseudonym: the sessions' ids and how many badges. */
export interface LearnerErasure {
  sessions: string[];
  badges: number;
}

/** What an erasure of one pseudonym would take (asked before the administrator confirms). */
export interface LearnerFound {
  sessions: number;
  badges: number;
}

/**
 * The organisation's pages and the member roles that may use them: what each page's list asks
 * the server allows exactly these roles (server/src/auth/policy.ts, checked by
 * server/test/sessions-list-access.test.ts). The account's menu offers these pages only, and a
 * page says to any other role whose page it is.
 */
export const MEMBER_PAGES = {
  sessions: { path: '/sessions', roles: ['trainer', 'admin'] },
  classes: { path: '/classes', roles: ['trainer', 'admin'] },
  badges: { path: '/badges', roles: ['trainer', 'admin'] },
  library: { path: '/bibliotheque', roles: ['admin', 'trainer', 'author'] },
  organisation: { path: '/organisation', roles: ['admin'] },
} as const satisfies Record<string, { path: string; roles: readonly MemberRoleName[] }>;
export type MemberPage = keyof typeof MEMBER_PAGES;

/** Whether a member of this role may use the page. */
export function memberMayUse(page: MemberPage, role: MemberRoleName): boolean {
  return (MEMBER_PAGES[page].roles as readonly MemberRoleName[]).includes(role);
}
