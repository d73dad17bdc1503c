// The free-speech matcher: reads a listener's sentence as one of the moves the current state
// offers. Deterministic and offline: each move is described by its label and the example phrases
// its scenario writes (`moves.<id>.examples`); a sentence and each example become weighted
// features (stems and pairs of neighbouring stems, TF-IDF over the scenario's examples), compared
// by cosine. A move scores its best example, blended with the centre of all its examples. Off
// topic is no move: « Question ouverte » wants an open form (`form.ts`), question words alone
// are no subject, fillers are stopwords, small talk pulls a sentence away from every move.
import { isOpenForm, needsOpenForm } from './form.js';
import { editDistance, NEGATED, tokenize, type Token } from './normalize.js';
import { SMALL_TALK } from './synonyms.js';

export interface SpeechMove {
  label: string;
  examples?: readonly string[] | undefined;
}

export interface MoveScore {
  move: string;
  score: number;
}

/** What a sentence was read as: the best offered move (null if none scored), its runner-up. */
export interface Interpretation {
  move: string | null;
  /** Cosine similarity in [0, 1], rounded to 3 decimals (it is recorded). */
  score: number;
  runnerUp: MoveScore | null;
}

/**
 * Below this score a sentence is not understood (« Pardon ? », or the trainer picks). On the
 * labelled library sentences, 0.2 keeps 93 % of them understood, 92 % of those read right
 * (0.3 would turn away one right reading in six), and accepts 6 of the 95 off-topic ones;
 * `scenario speech-eval` prints the figures.
 */
export const UNDERSTOOD_THRESHOLD = 0.2;

type Vector = Map<string, number>;

interface MoveModel {
  examples: Vector[];
  centre: Vector;
}

/** How much a move's best example counts against the centre of its examples. */
const BEST_WEIGHT = 0.7;

/**
 * What a move that needs an open form (`needsOpenForm`: « Question ouverte ») keeps of its score
 * when the sentence has none: a yes/no question or a remark is not an open question, whatever
 * words it shares with one.
 */
export const NOT_OPEN_FACTOR = 0.5;

/**
 * The weight of small talk (`SMALL_TALK`: the weather, sport, television…) in a sentence, in
 * times the weight of a word no example uses: it pulls the sentence away from every move.
 */
const SMALL_TALK_WEIGHT = 2;

/**
 * Question words: the form of a question, not its subject. A move that shares only them with a
 * sentence (« Vous avez quel âge ? » and « Quel est le code du SMS ? ») keeps this share of its
 * score — but the open question, whose form is its subject.
 */
const FORM_ONLY_FACTOR = 0.5;
const FORM_WORDS = new Set(tokenize('quel quoi comment pourquoi combien').map((t) => t.feature));

function isSmallTalk(feature: string): boolean {
  return feature === SMALL_TALK || feature === `${NEGATED}${SMALL_TALK}`;
}

function features(tokens: readonly Token[]): string[] {
  const out = tokens.map((t) => t.feature);
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]!.feature}+${tokens[i + 1]!.feature}`);
  return out;
}

function normalise(vector: Vector): Vector {
  let norm = 0;
  for (const w of vector.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm === 0) return vector;
  for (const [k, w] of vector) vector.set(k, w / norm);
  return vector;
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, w] of small) dot += w * (large.get(k) ?? 0);
  return dot;
}

/** Whether the sentence shares a feature with the move that is not only question words. */
function sharesContent(sentence: Vector, centre: Vector): boolean {
  for (const f of sentence.keys())
    if (centre.has(f) && !f.split('+').every((part) => FORM_WORDS.has(part))) return true;
  return false;
}

export class SpeechMatcher {
  private readonly idf = new Map<string, number>();
  private readonly models = new Map<string, MoveModel>();
  /** Moves that need an open form (`needsOpenForm`). */
  private readonly openOnly = new Set<string>();
  /** Folded words of the examples, by length, with their feature: typo repair looks here. */
  private readonly words = new Map<string, string>();
  private readonly defaultIdf: number;

  constructor(moves: Readonly<Record<string, SpeechMove>>) {
    const documents: { move: string; features: string[] }[] = [];
    for (const [id, move] of Object.entries(moves)) {
      for (const text of [move.label, ...(move.examples ?? [])]) {
        // An example's small talk is not what the move is about: never a feature of it.
        const tokens = tokenize(text).filter((t) => !isSmallTalk(t.feature));
        for (const token of tokens)
          if (!this.words.has(token.word)) this.words.set(token.word, token.feature);
        documents.push({ move: id, features: features(tokens) });
      }
    }
    const df = new Map<string, number>();
    for (const doc of documents) for (const f of new Set(doc.features)) df.set(f, (df.get(f) ?? 0) + 1);
    const n = documents.length;
    for (const [f, count] of df) this.idf.set(f, Math.log(1 + n / count));
    this.defaultIdf = Math.log(1 + n);
    for (const [id, move] of Object.entries(moves)) if (needsOpenForm(move.label)) this.openOnly.add(id);
    for (const id of Object.keys(moves)) {
      const examples = documents.filter((d) => d.move === id).map((d) => this.vector(d.features, false));
      const centre: Vector = new Map();
      for (const v of examples) for (const [k, w] of v) centre.set(k, (centre.get(k) ?? 0) + w);
      this.models.set(id, { examples, centre: normalise(centre) });
    }
  }

  /** Reads `text` as one of `offered` (move ids, in the order ties are broken by). */
  match(text: string, offered: readonly string[]): Interpretation {
    const scores = this.scores(text, offered).filter((s) => s.known);
    // Stable sort: equal scores keep the offered order.
    scores.sort((a, b) => b.score - a.score);
    const [first, second] = scores;
    if (!first || first.score === 0) return { move: null, score: 0, runnerUp: null };
    return {
      move: first.move,
      score: first.score,
      runnerUp: second && second.score > 0 ? { move: second.move, score: second.score } : null,
    };
  }

  /** Every offered move with its score, best first (the bench and the trainer's detail). */
  ranking(text: string, offered: readonly string[]): MoveScore[] {
    return this.scores(text, offered)
      .map(({ move, score }) => ({ move, score }))
      .sort((a, b) => b.score - a.score);
  }

  /** Each offered move's score, in the offered order (`known`: the moves table has it). */
  private scores(text: string, offered: readonly string[]): (MoveScore & { known: boolean })[] {
    const vector = this.vector(features(this.repair(tokenize(text))), true);
    let open: boolean | undefined;
    return offered.map((move) => {
      const model = this.models.get(move);
      if (!model) return { move, score: 0, known: false };
      let best = 0;
      for (const example of model.examples) best = Math.max(best, cosine(vector, example));
      let score = BEST_WEIGHT * best + (1 - BEST_WEIGHT) * cosine(vector, model.centre);
      if (score > 0 && this.openOnly.has(move)) {
        // The open question's subject is its form: its question words are its content.
        if (!(open ??= isOpenForm(text))) score *= NOT_OPEN_FACTOR;
      } else if (score > 0 && !sharesContent(vector, model.centre)) score *= FORM_ONLY_FACTOR;
      return { move, score: Math.round(score * 1000) / 1000, known: true };
    });
  }

  /** A word the examples never use, one or two letters from one they do, is read as that one. */
  private repair(tokens: Token[]): Token[] {
    return tokens.map((token) => {
      const bare = token.feature.startsWith('!') ? token.feature.slice(1) : token.feature;
      if (
        this.idf.has(bare) ||
        this.idf.has(`!${bare}`) ||
        token.word.length < 5 ||
        isSmallTalk(token.feature)
      )
        return token;
      const max = token.word.length >= 9 ? 2 : 1;
      let found: string | undefined;
      let distance = max + 1;
      for (const [word, feature] of this.words) {
        const d = editDistance(token.word, word, max);
        if (d < distance || (d === distance && found !== undefined && feature < found)) {
          distance = d;
          found = feature;
        }
      }
      if (found === undefined || distance > max) return token;
      const base = found.startsWith('!') ? found.slice(1) : found;
      return { word: token.word, feature: token.feature.startsWith('!') ? `!${base}` : base };
    });
  }

  /** TF-IDF vector, normalised; a sentence's unknown features, its small talk most, count in its norm. */
  private vector(list: readonly string[], sentence: boolean): Vector {
    const vector: Vector = new Map();
    for (const f of list) {
      const unknown = isSmallTalk(f) ? SMALL_TALK_WEIGHT : 0.5;
      const idf = this.idf.get(f) ?? (sentence ? this.defaultIdf * unknown : 0);
      vector.set(f, (vector.get(f) ?? 0) + idf);
    }
    return normalise(vector);
  }
}

const cache = new WeakMap<object, SpeechMatcher>();

/** One matcher per scenario's moves table (built once, shared by the sessions of a scenario). */
export function speechMatcherFor(moves: Readonly<Record<string, SpeechMove>>): SpeechMatcher {
  let matcher = cache.get(moves);
  if (!matcher) {
    matcher = new SpeechMatcher(moves);
    cache.set(moves, matcher);
  }
  return matcher;
}
