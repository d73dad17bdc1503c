// The form of a sentence, apart from its words: is it an open question (or an invitation to
// tell: « racontez-moi », « dites-moi »)? A move labelled as the technique of asking one
// (« Question ouverte » in every library call) keeps only half its score from a sentence without
// an open form (« Il fait beau chez vous ? », a yes/no question, a remark), whatever words it
// shares with the examples. The matcher reads this on the folded text.
import { fold } from './normalize.js';

/**
 * An open interrogative or an invitation to tell, in folded text (no accents, lower case, plain
 * apostrophes): comment, pourquoi, quoi, qu'est-ce que/qui, que se passe-t-il, qu'y a-t-il,
 * quel(le), où en êtes-vous, ce qui/ce que (« dites-moi ce qui ne va pas »; not inside « est-ce
 * que »), racontez-moi, dites-moi, expliquez-moi, parlez-moi, décrivez-moi, m'en dire plus, je
 * vous écoute.
 */
const OPEN_FORM = new RegExp(
  [
    'comment',
    'pourquoi',
    'quoi',
    "qu ?'? ?est[- ]?ce",
    'que se passe',
    "qu ?'? ?y a",
    'quel(le)?s?',
    // « Que voyez-vous ? », « Qui compte pour vous ? » (an interrogative opening the sentence).
    "qu(e |')[a-z']+-(vous|tu|il|elle|on|t)",
    '^ *(et )?qui',
    'ou (vous )?en etes',
    'ou en est',
    // « ce que » but in « est-ce que », which asks a yes/no question.
    "(?<!est[- ])ce qu(e|i|')",
    'ce dont',
    'de quelle (facon|maniere)',
    'racont[a-z]*',
    '(dites|dis|decrivez|decris|parlez|parle|expliquez|explique)[- ]moi',
    "dites[- ]m'en",
    "m'expliquer",
    "m'en dire",
    'en dire plus',
    'me dire',
    "je (vous|t') ?ecoute",
  ]
    .map((form) => `(?:${form})`)
    .join('|')
    .replace(/^/, '(?:^|[^a-z])(?:')
    .concat(')(?:[^a-z]|$)'),
);

/** Whether `text` asks an open question or invites the caller to tell (see `OPEN_FORM`). */
export function isOpenForm(text: string): boolean {
  return OPEN_FORM.test(fold(text));
}

const OPEN_QUESTION_LABEL = /(?:^|[^a-z])questions? ouvertes?(?:[^a-z]|$)/;

/**
 * Whether a move needs an open form (without one it keeps half its score): its label names the
 * technique (« Question ouverte », « Poser une question ouverte »). Other moves asking something (« Demander ce
 * qu'elle voit ») may be asked with a yes/no question.
 */
export function needsOpenForm(label: string): boolean {
  return OPEN_QUESTION_LABEL.test(fold(label));
}
