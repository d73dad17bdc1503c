// REST DTOs: scenarios list and session creation (the home page), a session's links again.
import { z } from 'zod';
import type { Role, SpeechExampleCount } from '@ecoute/engine';

export interface ScenarioSummary {
  id: string;
  version: number;
  title: string;
  summary: string;
  difficulty: string;
  durationMinutes: number;
  /**
   * How many of its moves have example phrases: free speech reads a move without any only from a
   * sentence that repeats its name, so the session form warns when most have none
   * (`fewSpeechExamples`).
   */
  speechExamples: SpeechExampleCount;
}

export interface SessionLinks {
  sessionId: string;
  /** Paths (to append to the server's origin) carrying each role's secret token; the caller
   * actor's only when the session was created with one. */
  links: Partial<Record<Role, string>> & Record<'listener' | 'trainer' | 'observer', string>;
}

/**
 * `GET /api/sessions/:sessionId/links`: the session's links again, and which session they open —
 * its call's title and version, and when it was created — so that the page opened from its address
 * alone (a reload, a bookmark) names it as the sessions list does.
 */
export const sessionShareSchema = z.object({
  sessionId: z.string().describe('Identifiant de la séance.'),
  links: z
    .object({
      listener: z.string(),
      trainer: z.string(),
      observer: z.string(),
      callerActor: z.string().optional(),
    })
    .describe("Chemin de chaque rôle (à ajouter à l'origine du serveur), jeton dans le fragment #k=."),
  scenarioId: z.string().describe("L'appel joué."),
  scenarioTitle: z.string().describe('Son titre, tel que la version jouée le dit.'),
  scenarioVersion: z.number().int().min(1).describe('La version jouée.'),
  createdAt: z.iso.datetime({ offset: true }).describe('Création de la séance (ISO 8601).'),
});
export type SessionShare = z.infer<typeof sessionShareSchema>;

/**
 * The first part of a role link's path, in the words of the people it is sent to (French first:
 * a learner reads it in the address bar, a trainer in the links they copy). Links made before
 * these words, with the role's name in code (`/listener/…`), still open the same page.
 */
export const ROLE_PATHS = {
  listener: 'ecoute',
  trainer: 'animation',
  observer: 'observation',
  callerActor: 'appelant',
} as const satisfies Record<Role, string>;

/** The role and the session of a role link's path (`/ecoute/<id>#k=…`, or an older `/listener/<id>…`), or null. */
export function roleLinkOf(link: string): { role: Role; sessionId: string } | null {
  const [, first, id] = link.split('#')[0]!.split('?')[0]!.split('/');
  const role = (Object.keys(ROLE_PATHS) as Role[]).find((r) => ROLE_PATHS[r] === first || r === first);
  if (!role || !id) return null;
  try {
    return { role, sessionId: decodeURIComponent(id) };
  } catch {
    return null; // a stray « % »: no session's id
  }
}

/**
 * The debrief's path for the token of a role link (`/debrief/<id>#k=…`, as the consoles' « Ouvrir le
 * débriefing »); null for a link that is not a role link. Whether it opens is the debrief's rule
 * (the listener's and the trainer's links).
 */
export function debriefLinkOf(roleLink: string): string | null {
  const called = roleLinkOf(roleLink);
  const fragment = roleLink.split('#')[1];
  if (!called || !fragment?.startsWith('k=')) return null;
  return `/debrief/${encodeURIComponent(called.sessionId)}#${fragment}`;
}

/** The path of a role link: the token sits in the fragment, so it never reaches server logs. */
export function roleLinkPath(role: Role, sessionId: string, token: string): string {
  return `/${ROLE_PATHS[role]}/${encodeURIComponent(sessionId)}#k=${encodeURIComponent(token)}`;
}
