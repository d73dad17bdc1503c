// The REST contract of Open Badges (server/src/badges): an organisation's badge definitions,
// each mapped to rubric criteria and a rule, and the badges its learners earned.
import { z } from 'zod';

const id = z
  .string()
  .trim()
  .regex(/^[\w-]{1,64}$/);

/**
 * One rubric criterion of one call's rubric: the call (`scenario` id), `competency` and
 * `criterion` ids. Two calls may use the same ids for different criteria, so the call is part of
 * the key. Badges defined before criteria named their call have no `scenario`: such a criterion
 * is matched in any call whose rubric has those ids.
 */
export const badgeCriterionSchema = z.object({ scenario: id.optional(), competency: id, criterion: id });
export type BadgeCriterion = z.infer<typeof badgeCriterionSchema>;

/**
 * A badge definition: earned when every listed criterion is met (automatically or by the
 * trainer's judgment « atteint ») in at least `minCalls` calls of the same learner.
 */
export const badgeDefinitionSchema = z.object({
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().min(1).max(1000),
  criteria: z.array(badgeCriterionSchema).min(1).max(20),
  minCalls: z.number().int().min(1).max(50),
});
export type BadgeDefinitionRequest = z.infer<typeof badgeDefinitionSchema>;

/** The longest reason a badge's revocation carries (the badge's file shows it to whoever checks it). */
export const MAX_REVOCATION_REASON = 300;
export const badgeRevokeSchema = z.object({ reason: z.string().trim().min(1).max(MAX_REVOCATION_REASON) });
export type BadgeRevokeRequest = z.infer<typeof badgeRevokeSchema>;

export interface BadgeDefinition extends BadgeDefinitionRequest {
  id: string;
  /** After a create or update: the badges awarded at once for calls already played. */
  retroactiveAwards?: number;
  createdAt: string;
  /** The OB 2.0 BadgeClass / OB 3.0 Achievement URL. */
  url: string;
  /** The picture (PNG) verifiers show; `imageType` null while it is the drawn medal. */
  imageUrl?: string;
  imageType?: 'image/png' | 'image/svg+xml' | null;
}

/**
 * The organisation's own picture for a badge: the file's bytes in base64 (PNG or SVG, told by
 * the bytes themselves; 256 KB at most once decoded, checked by the server with its own codes).
 */
export const badgeImageSchema = z.object({
  data: z
    .string()
    .max(1_400_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 attendu'),
});
export type BadgeImageRequest = z.infer<typeof badgeImageSchema>;

/** A badge deleted: gone if never issued, else kept (hidden, no longer awarded, still verifiable). */
export interface BadgeDeleted {
  ok: true;
  /** Badges already issued stay valid and verifiable: how many. */
  issued: number;
  kept: boolean;
}

/** One badge earned by one learner (the trainer's list, the learner's debrief). */
export interface AwardedBadge {
  id: string;
  badgeId: string;
  badgeName: string;
  learner: string;
  issuedAt: string;
  revoked: boolean;
  revocationReason: string | null;
  /** The public verification page. */
  verifyUrl: string;
  /** Downloads: the baked PNG (OB 3.0), the baked SVG (OB 3.0), the VC-JWT, the OB 2.0 PNG. */
  downloads: { png: string; svg: string; jwt: string; ob2Png: string; ob2Assertion: string };
}

/** What the public verification page reads (`GET /api/badges/credentials/:id/verification`). */
export interface BadgeVerification {
  id: string;
  badgeName: string;
  description: string;
  issuerName: string;
  learner: string;
  issuedAt: string;
  revoked: boolean;
  revocationReason: string | null;
  /** Whether the server checked the signature of its own credential against the published key. */
  signatureValid: boolean;
  criteria: string;
}
