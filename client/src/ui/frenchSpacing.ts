// French typography for the spoken lines shown (the scenarios' YAML and what is typed do not
// always have it): a narrow no-break space (U+202F) before « ! ? ; : », so that the sign never
// starts a line (« dedans ! » broke before « ! »).

const NARROW = '\u202f';

/**
 * `text` with U+202F before each « ! ? ; : » that has no space or a breaking one before it.
 * Left alone: a sign after another (« ?! »), a sign after a no-break space already there, the
 * colon of a time (« 14:30 ») or of an address (« https:// »).
 */
export function frenchSpacing(text: string): string {
  return text.replace(
    /([^\s!?;:])( ?)([!?;:])/gu,
    (match, before: string, _space, mark: string, offset: number) => {
      const after = text[offset + match.length] ?? '';
      if (mark === ':' && ((/\d/.test(before) && /\d/.test(after)) || after === '/')) return match;
      return `${before}${NARROW}${mark}`;
    },
  );
}
