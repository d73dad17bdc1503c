// REST DTOs: scenarios list and session creation (the home page).
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

/** The path of a role link: the token sits in the fragment, so it never reaches server logs. */
export function roleLinkPath(role: Role, sessionId: string, token: string): string {
  return `/${role}/${encodeURIComponent(sessionId)}#k=${encodeURIComponent(token)}`;
}
