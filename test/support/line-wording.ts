// What a test looks for when a caller's line is said: the start of its text or of any of its
// variants (lines may have several wordings; the session's seed picks which one is said).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseScenario, type Scenario } from '@ecoute/engine';
import { workspaceRoot } from './server-process.js';

/** The first 40 characters: enough to tell lines apart, short of any ellipsis the page adds. */
export function snippet(text: string): string {
  return text.slice(0, 40);
}

/**
 * A spoken line as a regular expression's source, matching it as the French transcript shows it:
 * the page puts a narrow no-break space (U+202F) before « ! ? ; : » where the text has a plain
 * one, so that space is read with `\s`, as is a no-break space the text has (U+00A0, which the page
 * may show narrower); every other character as it is.
 */
export function spokenPattern(text: string): string {
  return text
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/ (\\?[!?;:])/g, '\\s$1')
    .replace(/\u00a0/g, '\\s');
}

/** Matches the start of `line`'s text or of any variant; `id` when the scenario has no such line. */
export function anyWording(
  line: { text: string; variants?: string[] | undefined } | undefined,
  id: string,
): RegExp {
  const texts = line ? [line.text, ...(line.variants ?? [])] : [id];
  return new RegExp(texts.map((t) => spokenPattern(snippet(t))).join('|'));
}

/** A library call's lines, read from its file in `scenarios/`. */
export function libraryLines(id: string): Scenario['lines'] {
  const parsed = parseScenario(readFileSync(path.join(workspaceRoot, 'scenarios', `${id}.yaml`), 'utf8'), id);
  if (!parsed.ok) throw new Error(`${id}: ${parsed.errors.map((error) => error.message).join('; ')}`);
  return parsed.scenario.lines;
}

/** `anyWording` of the line `id` of the library call `call`. */
export function libraryLineWording(call: string, id: string): RegExp {
  return anyWording(libraryLines(call)[id], id);
}
