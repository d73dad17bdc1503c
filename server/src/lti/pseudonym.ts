// The pseudonym of a learner whose launch carries no name (the platform shares only `sub`, as
// an anonymous or privacy-restricted launch does): a bird's name and a number, the same for the
// same person on the same platform at every launch, so that their calls and debriefs line up,
// and telling nothing of who they are. They may change it on their page.
import { createHash } from 'node:crypto';
import { MAX_NAME_LENGTH } from '@ecoute/protocol';

const BIRDS = [
  'Alouette',
  'Bergeronnette',
  'Bouvreuil',
  'Chardonneret',
  'Colibri',
  'Cormoran',
  'Étourneau',
  'Faucon',
  'Fauvette',
  'Goéland',
  'Grive',
  'Héron',
  'Hirondelle',
  'Huppe',
  'Linotte',
  'Martinet',
  'Merle',
  'Mésange',
  'Milan',
  'Moineau',
  'Passereau',
  'Pinson',
  'Pivert',
  'Roitelet',
  'Rossignol',
  'Rouge-gorge',
  'Sittelle',
  'Tourterelle',
] as const;

/** « Mésange 42 »: from the platform and the subject, stable, not reversible to either. */
export function pseudonymOf(platformId: string, sub: string): string {
  const digest = createHash('sha256').update(`lti-pseudonym\n${platformId}\n${sub}`).digest();
  const bird = BIRDS[digest.readUInt32BE(0) % BIRDS.length]!;
  return `${bird} ${10 + (digest.readUInt16BE(4) % 90)}`;
}

/** The name the launch gives the page: the platform's, cut to the names' limit, or a pseudonym. */
export function launchDisplayName(
  name: string | null,
  platformId: string,
  sub: string,
): { name: string; pseudonym: boolean } {
  const given = name?.slice(0, MAX_NAME_LENGTH).trim();
  return given ? { name: given, pseudonym: false } : { name: pseudonymOf(platformId, sub), pseudonym: true };
}
