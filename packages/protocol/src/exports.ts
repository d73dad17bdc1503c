// The exports of a session (REST, trainer only: `Authorization: Bearer <trainer token>`):
//
//   GET  /api/sessions/:id/export/json        the session, its timeline and its scores (below)
//   GET  /api/sessions/:id/export/xapi        xAPI 1.0.3 statements, one per input + completion
//   POST /api/sessions/:id/export/xapi/send   the same statements POSTed to the configured LRS
//
// The JSON export is described by `sessionExportSchema`; its JSON Schema is committed as
// `packages/protocol/session-export.schema.json` (generated from it; a test keeps them equal).
import { z } from 'zod';
import { CUES, OUTCOMES, ROLES } from '@ecoute/engine';
import { inputSchema } from './messages.js';

/** The `format` of a JSON export, and its version (raised on any incompatible change). */
export const SESSION_EXPORT_FORMAT = 'ecoute/session-export';
export const SESSION_EXPORT_VERSION = 1;

const isoInstant = z.iso.datetime({ offset: true }).describe('Instant ISO 8601 (UTC).');
const sourceSchema = z.enum([...ROLES, 'caller', 'system']);
const outcomeSchema = z.enum(OUTCOMES);

/** What the simulated call did: one object per observation kind. */
export const observationSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('line'),
      line: z
        .string()
        .describe("Id de la réplique dans le scénario (`adlib`, `actor` : des mots d'une personne)."),
      text: z.string(),
      cue: z.enum(CUES).optional(),
      direction: z.string().optional().describe('Indication de jeu : affichée en italique, jamais dite.'),
      voice: z.object({ lang: z.string(), rate: z.number(), pitch: z.number() }).partial().optional(),
    })
    .describe("Une réplique de l'appelant·e."),
  z
    .object({ kind: z.literal('suggestion'), line: z.string(), text: z.string() })
    .describe('Avec un·e appelant·e joué·e : la réplique que proposerait la machine (non entendue).'),
  z.object({ kind: z.literal('cue'), cue: z.enum(CUES) }).describe('Un son ou un signe (soupir, sonnette…).'),
  z
    .object({ kind: z.literal('variable'), variable: z.string(), value: z.number(), previous: z.number() })
    .describe('Une variable cachée qui change.'),
  z
    .object({ kind: z.literal('state'), states: z.array(z.string()) })
    .describe('Les états actifs du scénario.'),
  z.object({ kind: z.literal('note'), text: z.string() }).describe('Une note du scénario pour la formation.'),
  z
    .object({
      kind: z.literal('ending'),
      ending: z.string().nullable(),
      outcome: outcomeSchema.nullable(),
      message: z.string(),
      reason: z.enum(['scenario', 'hangup', 'trainer', 'caller_hangup', 'call_drop']),
    })
    .describe("La fin de l'appel."),
]);

const entryBase = {
  seq: z.int().min(1).describe('Rang dans la chronologie de la séance, sans trou.'),
  t: z.int().min(0).describe('Temps de séance en ms (horloge suspendue pendant les pauses).'),
  at: isoInstant.describe('Heure murale.'),
  source: sourceSchema.describe(
    "Qui : un rôle, l'appelant·e simulé·e (`caller`) ou le système (minuteries).",
  ),
};

/** One timeline entry: an input someone sent, or an observation of the call. */
export const exportedEntrySchema = z.discriminatedUnion('kind', [
  z.object({ ...entryBase, kind: z.literal('input'), input: inputSchema }),
  z.object({ ...entryBase, kind: z.literal('observation'), observation: observationSchema }),
]);

const criterionSchema = z.object({
  competency: z.string(),
  criterion: z.string(),
  label: z.string(),
  kind: z.enum(['auto', 'judged']),
  assessed: z
    .boolean()
    .optional()
    .describe("Critère automatique : false s'il n'a pas été évalué (l'appel n'a jamais atteint sa fenêtre)."),
  met: z
    .boolean()
    .optional()
    .describe('Critère automatique évalué : rempli ou non, mesuré sur la chronologie.'),
  evidenceSeq: z.int().optional().describe("L'entrée qui le prouve (ou le met en défaut)."),
  evidenceT: z.int().optional(),
  judgment: z
    .object({ rating: z.enum(['met', 'partly', 'not']), comment: z.string(), updatedAt: isoInstant })
    .optional()
    .describe("Critère jugé : l'appréciation du formateur ou de la formatrice, si elle est donnée."),
  value: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe(
      '1 rempli, 0,5 en partie, 0 non rempli ; null : critère jugé pas encore apprécié, ou critère automatique non évalué (absent du score).',
    ),
});

export const sessionExportSchema = z
  .object({
    format: z.literal(SESSION_EXPORT_FORMAT),
    version: z.literal(SESSION_EXPORT_VERSION),
    exportedAt: isoInstant,
    session: z.object({
      id: z.string(),
      scenario: z.object({ id: z.string(), version: z.int(), title: z.string() }),
      seed: z.int(),
      callerActor: z.boolean(),
      createdAt: isoInstant,
      status: z.enum(['live', 'ended']),
      endedAt: isoInstant.nullable(),
      outcome: outcomeSchema.nullable(),
      registration: z.uuid().describe('Identifiant xAPI de la séance (`context.registration`).'),
    }),
    participants: z
      .array(z.object({ role: z.enum(ROLES), name: z.string() }))
      .describe('Les noms donnés en rejoignant la séance.'),
    timeline: z
      .array(exportedEntrySchema)
      .describe('La chronologie telle que le formateur la voit (les notes non partagées en sont exclues).'),
    annotations: z
      .array(
        z.object({
          t: z.int().nonnegative().describe('Le moment annoté, en temps de séance (ms).'),
          comment: z.string(),
          bookmarkSeq: z
            .int()
            .nullable()
            .describe(
              "Le repère posé pendant l'appel dont c'est le commentaire revu (son seq) ; null : une annotation du débriefing.",
            ),
          createdAt: isoInstant,
          updatedAt: isoInstant,
        }),
      )
      .optional()
      .describe("Les annotations écrites au débriefing, dans l'ordre de la chronologie."),
    score: z.object({
      criteria: z.array(criterionSchema),
      scaled: z
        .number()
        .min(0)
        .max(1)
        .nullable()
        .describe("Moyenne des critères appréciés (automatiques et jugés) ; null s'il n'y en a aucun."),
      success: z
        .boolean()
        .nullable()
        .describe(
          "Appel terminé avec une issue « très bien » ou « bien » ; null tant qu'il n'est pas terminé.",
        ),
    }),
  })
  .describe("Export d'une séance Écoute : la séance, sa chronologie et sa grille.");

export type SessionExport = z.infer<typeof sessionExportSchema>;
export type ExportedCriterion = SessionExport['score']['criteria'][number];

/** The JSON Schema (draft-07) of the JSON export, as committed in `session-export.schema.json`. */
export function sessionExportJsonSchema(): Record<string, unknown> {
  return {
    title: 'Écoute session export',
    ...z.toJSONSchema(sessionExportSchema, { target: 'draft-7', io: 'output' }),
  };
}

/** What the LRS answered to the statements sent (`POST …/export/xapi/send`). */
export interface LrsSendResult {
  sent: number;
  /** The statement ids the LRS returned. */
  ids: string[];
}
