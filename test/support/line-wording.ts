// What a test looks for when a caller's line is said: the start of its text or of any of its
// variants (lines may have several wordings; the session's seed picks which one is said).

/** The first 40 characters: enough to tell lines apart, short of any ellipsis the page adds. */
export function snippet(text: string): string {
  return text.slice(0, 40);
}

/**
 * A spoken line as a regular expression's source, matching it as the French transcript shows it:
 * the page puts a narrow no-break space (U+202F) before « ! ? ; : » where the text has a plain
 * one, so that space is read with `\s` (every other character as it is).
 */
export function spokenPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ (\\?[!?;:])/g, '\\s$1');
}

/** Matches the start of `line`'s text or of any variant; `id` when the scenario has no such line. */
export function anyWording(
  line: { text: string; variants?: string[] | undefined } | undefined,
  id: string,
): RegExp {
  const texts = line ? [line.text, ...(line.variants ?? [])] : [id];
  return new RegExp(texts.map((t) => spokenPattern(snippet(t))).join('|'));
}
