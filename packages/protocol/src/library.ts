// The REST contract of the call library and its versions (server/src/studio): the organisation's
// calls (drafts, published and retired versions, who changed what, when) merged with the built-in
// files, read-only. A published version never changes; a session keeps the version it played.
import { z } from 'zod';
import { SCENARIO_ID_PATTERN, SCENARIO_LIMITS, type EngineMessage } from '@ecoute/engine';

export const LIBRARY_VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type LibraryVersionStatus = (typeof LIBRARY_VERSION_STATUSES)[number];

/** The JSON body limit of the library's routes: a 1 MB scenario, escaped, and its envelope. */
export const SCENARIO_TEXT_LIMIT = '2500kb';

/** A scenario's YAML text as the library stores it: at most the engine's 1 MB. */
export const scenarioTextSchema = z.string().min(1).max(SCENARIO_LIMITS.maxBytes);
export const libraryCallIdSchema = z.string().regex(SCENARIO_ID_PATTERN).max(64);

/**
 * A new call: from the blank template, from an imported YAML file, or a copy of another call.
 * Without an `id`, the server makes one no call has: from the title (« appel-a-la-caf »), or the
 * copied call's (« appel-a-la-caf-copie », « …-copie-2 »).
 */
export const libraryCreateSchema = z.union([
  z.strictObject({
    blank: z.literal(true),
    id: libraryCallIdSchema.optional(),
    title: z.string().trim().min(1).max(200),
  }),
  z.strictObject({ yaml: scenarioTextSchema }),
  z.strictObject({
    duplicate: libraryCallIdSchema,
    version: z.number().int().min(1).optional(),
    id: libraryCallIdSchema.optional(),
  }),
]);
export type LibraryCreateRequest = z.infer<typeof libraryCreateSchema>;

export const libraryDraftSchema = z.strictObject({ yaml: scenarioTextSchema });
export type LibraryDraftRequest = z.infer<typeof libraryDraftSchema>;

/** What lint says, located in the text (the editor shows it at its line and column). */
export interface LibraryIssue {
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
  code: string;
  /** In French. */
  message: string;
  /** The message as the engine's code and parameters: the client words it in its page's language. */
  text?: EngineMessage;
}

export interface LibraryVersionSummary {
  version: number;
  status: LibraryVersionStatus;
  /** Who last changed it (a name), when (ISO time). */
  changedBy: string;
  changedAt: string;
  publishedAt?: string;
}

export interface LibraryCallSummary {
  id: string;
  title: string;
  /** A file of the scenarios folder: read-only, may be duplicated. */
  builtIn: boolean;
  /** The newest published version (startable), if any. */
  published?: number;
  /** The version being written, if any. */
  draft?: number;
  updatedAt?: string;
}

export const LIBRARY_CHANGES = ['create', 'import', 'duplicate', 'edit', 'publish', 'retire'] as const;
export type LibraryChangeKind = (typeof LIBRARY_CHANGES)[number];

export interface LibraryChange {
  at: string;
  by: string;
  change: LibraryChangeKind;
  version: number;
}

export interface LibraryCallDetail extends LibraryCallSummary {
  versions: LibraryVersionSummary[];
  history: LibraryChange[];
}

export interface LibraryVersionText {
  id: string;
  version: number;
  status: LibraryVersionStatus;
  builtIn: boolean;
  yaml: string;
  issues: LibraryIssue[];
}

/** The answer to saving a draft: stored whatever lint says (nothing an author typed is lost). */
export interface LibraryDraftSaved {
  version: number;
  issues: LibraryIssue[];
}
