// The name a link may carry for its page (`#k=<token>&n=<name>`, `&p=1` when the server chose it
// as a pseudonym): an LTI launch names the learner or the instructor from the platform, so that
// they do not type it. Read before the fragment leaves the address bar with the token.
import { MAX_NAME_LENGTH } from '@ecoute/protocol';

export interface LinkName {
  name: string;
  /** Chosen by the server (the platform shared no name): the page says they may change it. */
  pseudonym: boolean;
}

export function readLinkName(hash: string): LinkName | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const name = params.get('n')?.trim().slice(0, MAX_NAME_LENGTH).trim();
  return name ? { name, pseudonym: params.get('p') === '1' } : null;
}

/**
 * `link` (a role link, `…#k=<token>`) naming its page `name`: the trainer's own « Écouter » from
 * the floor joins under the account's name, not asked (a learner's observer link stays unnamed).
 */
export function withLinkName(link: string, name: string): string {
  const given = new URLSearchParams({ n: name.trim().slice(0, MAX_NAME_LENGTH) }).toString();
  return `${link}${link.includes('#') ? '&' : '#'}${given}`;
}
