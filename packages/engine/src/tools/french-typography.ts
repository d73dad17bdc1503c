// French typography of a text a person reads (the lint's messages, the client's catalogue): a
// non-breaking space (U+00A0, or the narrow U+202F) before « : ; ? ! » and inside « », so that no
// line ever starts with a colon or a lone guillemet. One rule, read by the tests of both.

const NON_BREAKING = '[\u00a0\u202f]';

/** What is wrong with `text`'s typography, in French words (empty when nothing is). */
export function frenchTypographyProblems(text: string): string[] {
  const found: string[] = [];
  if (/ [:;?!»]/.test(text)) found.push('espace ordinaire avant : ; ? ! »');
  if (/« /.test(text)) found.push('espace ordinaire après «');
  if (/[A-Za-zÀ-ÿ)][;?!]/.test(text)) found.push('; ? ! collé au mot');
  if (/[A-Za-zÀ-ÿ]»/.test(text) || /«[A-Za-zÀ-ÿ]/.test(text)) found.push('« » sans espace');
  if (new RegExp(`«(?!${NON_BREAKING})`).test(text)) found.push('« sans espace insécable');
  return found;
}
