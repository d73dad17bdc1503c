// From a French sentence to the features the matcher compares: case and accents folded,
// elisions split, a few multi-word expressions joined, synonyms mapped to one word, each word
// stemmed (Snowball French, from @orama/stemmers), and the words under a negation marked, so that
// « je ne peux pas vous promettre » shares no feature with « je vous promets ».
import { stemmer } from '@orama/stemmers/french';
import { PHRASES, SYNONYMS } from './synonyms.js';

/** Prefix of a feature said under a negation (« ne … pas », « jamais », « sans »…). */
export const NEGATED = '!';

/** Lower case, no accents, typographic apostrophes and dashes made plain. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐-―]/g, '-')
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** Words with no meaning of their own for the matcher (folded). Question words are kept. */
const STOPWORDS = new Set(
  (
    'le la les l un une des de du d a au aux en et ou ce cet cette ces c ca cela ceci je j tu il elle ' +
    'on nous vous ils elles me m te t se s lui leur leurs y mon ma mes ton ta tes son sa ses notre nos ' +
    'votre vos est es suis sommes etes sont etait ai as avons avez ont avait qu que qui dans sur sous ' +
    'par pour avec chez alors bon bien oui ben euh hein voila donc aussi tres tout toute tous toutes ' +
    'peu va vais vas allez allons madame monsieur mme m. mr mlle si deja encore meme ici la-bas ' +
    // Fillers and back-channel words: said alone, they are no move (« Pardon ? »).
    'ah oh bah ouais ok okay accord mmh mm hmm hum allo ouh'
  ).split(' '),
);

/** Words that open a negation's scope; it runs to the end of the clause. */
const NEGATORS = new Set(['ne', 'n', 'pas', 'jamais', 'aucun', 'aucune', 'sans', 'ni', 'rien', 'nullement']);
/** Words that close a clause (and a negation's scope), besides punctuation. */
const CLAUSE_BREAKS = new Set(['mais', 'cependant', 'pourtant', 'plutot', 'contre', 'sinon', 'puis']);
/** Negators that are also the end of a « ne … » pair: they do not open a new scope once in one. */
const NEGATION_SECOND = new Set(['pas', 'jamais', 'plus', 'rien', 'aucun', 'aucune', 'personne', 'guere']);

const stems = new Map<string, string>();

/** Snowball French stem of a folded word, cut to 6 letters (« promettre », « promets » meet). */
export function stem(word: string): string {
  let out = stems.get(word);
  if (out === undefined) {
    out = fold(stemmer(word)).slice(0, 6);
    if (stems.size < 50_000) stems.set(word, out);
  }
  return out;
}

export interface Token {
  /** The feature: the stem (or synonym's stem), with `!` when said under a negation. */
  feature: string;
  /** The folded word as written (for typo repair). */
  word: string;
}

/** The sentence as features, in order; `NEG` stands for a negation said. */
export function tokenize(text: string): Token[] {
  // « où » (where) and « ou » (or) fold to one word: keep the question apart first.
  let folded = ` ${fold(text.replace(/où/giu, ' ou_q '))} `;
  for (const [pattern, replacement] of PHRASES) folded = folded.replace(pattern, replacement);
  const out: Token[] = [];
  // Clauses: punctuation ends a negation's scope.
  for (const clause of folded.split(/[.,;:!?()«»"\n]+/)) {
    let negated = false;
    for (const raw of clause.split(/[^a-z0-9_]+/)) {
      if (raw === '') continue;
      if (CLAUSE_BREAKS.has(raw)) {
        negated = false;
        continue;
      }
      if (NEGATORS.has(raw) || (negated && NEGATION_SECOND.has(raw))) {
        if (!negated) out.push({ feature: 'NEG', word: raw });
        negated = true;
        continue;
      }
      if (STOPWORDS.has(raw) || raw.length < 2) continue;
      const mapped = SYNONYMS.get(raw) ?? raw;
      const base = /^[0-9]+$/.test(mapped) || mapped.includes('_') ? mapped : stem(mapped);
      out.push({ feature: negated ? `${NEGATED}${base}` : base, word: raw });
    }
  }
  return out;
}

/** Damerau–Levenshtein distance capped at `max + 1` (typo repair). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row.push(best);
    }
    rows.push(row);
    if (Math.min(...row) > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}
