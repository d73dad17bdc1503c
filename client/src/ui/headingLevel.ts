/**
 * The level of a shared panel's heading: 2 on the consoles (their default), one level lower
 * where a page nests the panel under a section of its own (the studio's test-play panel).
 */
export type HeadingLevel = 2 | 3 | 4;

/** The heading element for `level`. */
export function headingTag(level: HeadingLevel): 'h2' | 'h3' | 'h4' {
  return `h${level}`;
}
