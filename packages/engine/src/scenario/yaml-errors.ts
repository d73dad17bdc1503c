// yaml's syntax errors in words for a scenario's author, who is not a programmer: what is wrong and
// what to write instead, in French. The issue carries the line and column: never repeated here.
// A rare error keeps yaml's own English words rather than a vague French one.
import type { ErrorCode } from 'yaml';

type Wording = (found: RegExpMatchArray) => string;

/** Per code, yaml's messages (its first line, position removed) and their French; first match wins. */
const WORDINGS: Partial<Record<ErrorCode, readonly (readonly [RegExp, Wording])[]>> = {
  MISSING_CHAR: [
    [
      /^Missing closing "quote/,
      () => 'guillemet fermant « " » manquant : un texte ouvert par « " » plus haut n\'est jamais refermé',
    ],
    [
      /^Missing closing 'quote/,
      () =>
        "apostrophe fermante « ' » manquante : un texte ouvert par « ' » plus haut n'est jamais refermé (une apostrophe dans ce texte s'écrit « '' »)",
    ],
    [
      /^Flow sequence must end with a/,
      () => 'crochet fermant « ] » manquant : une liste ouverte par « [ » finit par « ] »',
    ],
    [
      /^Flow map must end with a/,
      () => 'accolade fermante « } » manquante : un bloc ouvert par « { » finit par « } »',
    ],
    [
      /^Implicit map keys need to be followed by map values/,
      () => "« : » manquant après la clé : une ligne de bloc s'écrit « clé: valeur »",
    ],
    [
      /^Missing , between flow sequence items/,
      () => 'virgule manquante entre deux éléments de la liste « [ ] »',
    ],
    [
      /^Missing , or : between flow map items/,
      () => '« , » ou « : » manquant entre deux éléments du bloc « { } »',
    ],
    [/^Missing space after : in/, () => 'espace manquant après « : »'],
    [
      /^Comments must be separated from other tokens/,
      () => 'espace manquant avant « # » : un commentaire se sépare de ce qui le précède par un espace',
    ],
    [/^Sequence item without - indicator/, () => 'élément de liste sans tiret « - » au début'],
  ],
  BAD_INDENT: [
    [
      /^Flow sequence in block collection must be sufficiently indented/,
      () =>
        'crochet fermant « ] » manquant, ou la liste « [ … ] » continue sur une ligne pas assez décalée vers la droite',
    ],
    [
      /^Flow map in block collection must be sufficiently indented/,
      () =>
        'accolade fermante « } » manquante, ou le bloc « { … } » continue sur une ligne pas assez décalée vers la droite',
    ],
    [
      /^All mapping items must start at the same column/,
      () =>
        "ligne mal décalée : les clés d'un même bloc commencent à la même colonne (même nombre d'espaces)",
    ],
    [
      /^All sequence items must start at the same column/,
      () =>
        "ligne mal décalée : les « - » d'une même liste commencent à la même colonne (même nombre d'espaces)",
    ],
    [
      /^Block scalar/,
      () =>
        'texte sur plusieurs lignes mal décalé : ses lignes commencent plus à droite que sa clé, toutes à la même colonne',
    ],
  ],
  BLOCK_AS_IMPLICIT_KEY: [
    [
      /^Nested mappings are not allowed in compact mappings/,
      () =>
        "« : » suivi d'un espace dans une valeur : mettre la valeur entre guillemets (ou vérifier le décalage de la ligne suivante)",
    ],
    [
      /^A block sequence may not be used as an implicit map key/,
      () => 'liste « - » mal placée : vérifier le décalage de ses lignes',
    ],
  ],
  UNEXPECTED_TOKEN: [
    [
      /^Unexpected scalar at node end/,
      () =>
        "texte en trop après un texte entre guillemets ou apostrophes : une apostrophe dans un texte entre apostrophes s'écrit « '' » (« 'l''appel' »)",
    ],
    [
      /^Unexpected block-seq-ind on same line with key/,
      () => '« - » sur la même ligne que la clé : aller à la ligne pour commencer la liste',
    ],
    [/^Unexpected , in flow/, () => 'virgule en trop'],
    [/^Unexpected empty item in/, () => 'élément vide entre deux virgules'],
    [
      /^Unexpected \S+ token in YAML (?:stream|document): "(.{1,20})"$/,
      (found) => `« ${found[1]!} » inattendu à cet endroit`,
    ],
  ],
  BAD_SCALAR_START: [
    [/^Plain value cannot start with a tab character/, () => 'une valeur ne commence pas par une tabulation'],
    [
      /^Plain value cannot start with .* (\S)$/,
      (found) => `une valeur ne peut pas commencer par « ${found[1]!} » : la mettre entre guillemets`,
    ],
  ],
  BAD_DQ_ESCAPE: [
    [
      /^Invalid escape sequence (.+)$/,
      (found) =>
        `« ${found[1]!} » n'est pas permis entre guillemets « " » : écrire « \\\\ » pour une barre oblique inverse, ou mettre le texte entre apostrophes`,
    ],
  ],
};

/** What a code means when none of its known messages matched. */
const MEANINGS: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: "ligne mal décalée (nombre d'espaces en début de ligne)",
  TAB_AS_INDENT: 'tabulation en début de ligne : décaler avec des espaces, jamais avec des tabulations',
  BLOCK_AS_IMPLICIT_KEY: 'bloc mal placé : vérifier le décalage des lignes',
  MULTILINE_IMPLICIT_KEY:
    'clé sur plusieurs lignes : une clé tient sur une ligne et finit par « : » (vérifier aussi le décalage)',
  BAD_SCALAR_START: 'valeur à mettre entre guillemets',
  BAD_DQ_ESCAPE: 'barre oblique inverse « \\ » mal employée entre guillemets « " » : l\'écrire « \\\\ »',
  DUPLICATE_KEY: 'clé en double (chaque clé une seule fois par bloc)',
  MULTIPLE_DOCS: 'plusieurs documents séparés par « --- » : un seul scénario par fichier',
  BLOCK_IN_FLOW: 'une liste « - » ou un bloc ne peut pas se trouver entre « [ ] » ou « { } »',
  KEY_OVER_1024_CHARS: 'clé trop longue (plus de 1024 caractères)',
};

/**
 * One of yaml's document errors in French, from its code and `said`, its message's first line
 * without yaml's « at line 3, column 1: »; yaml's `said` itself for a rare one.
 */
export function yamlErrorWording(code: ErrorCode, said: string): string {
  for (const [pattern, wording] of WORDINGS[code] ?? []) {
    const found = said.match(pattern);
    if (found) return wording(found);
  }
  return MEANINGS[code] ?? said;
}
