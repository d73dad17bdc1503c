// When two pseudonyms of a class name the same person: compared without case, accents or extra
// spaces (« Inès », « ines », «  INES  » are one learner; « Inès B. » is another), so that a
// learner who types her name a little differently on her second device still gets her place back,
// and the trainer's list never shows two names that read alike.
export function pseudonymKey(pseudonym: string): string {
  return pseudonym
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('fr')
    .replace(/\s+/gu, ' ')
    .trim();
}
