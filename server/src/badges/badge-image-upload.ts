// An organisation's own picture for a badge, checked before it is kept: PNG or SVG only (by
// their bytes, not by what the request says), 256 KB at most, 64 to 2,048 pixels a side, no
// credential already baked in (a badge image carries one credential: the one Écoute bakes), and
// for SVG nothing that runs or fetches (scripts, event attributes, foreign objects, external
// references, DTDs): the picture is served from this origin and opened by verifiers. Each
// refusal has its code and says what to change.
import { ErrorCode, failure } from '@ecoute/protocol';
import type { Failure } from '@ecoute/protocol';
import { OB2_PNG_KEYWORD, OB3_PNG_KEYWORD, OB3_SVG_NAMESPACE, readPngChunks } from './baking.js';

export const BADGE_IMAGE_MAX_BYTES = 256 * 1024;
export const BADGE_IMAGE_MIN_SIDE = 64;
export const BADGE_IMAGE_MAX_SIDE = 2048;

export type BadgeImageType = 'image/png' | 'image/svg+xml';

export interface BadgeImage {
  type: BadgeImageType;
  bytes: Buffer;
  width: number;
  height: number;
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function invalid(why: string): Failure {
  return failure(ErrorCode.BadgeImageInvalid, `Image du badge refusée : ${why}.`);
}

function sideProblem(width: number, height: number): string | null {
  if (!(width >= BADGE_IMAGE_MIN_SIDE && height >= BADGE_IMAGE_MIN_SIDE))
    return `elle mesure ${width} × ${height} pixels, il en faut au moins ${BADGE_IMAGE_MIN_SIDE} de côté`;
  if (width > BADGE_IMAGE_MAX_SIDE || height > BADGE_IMAGE_MAX_SIDE)
    return `elle mesure ${width} × ${height} pixels, ${BADGE_IMAGE_MAX_SIDE} au plus de côté`;
  return null;
}

/** The uploaded picture, checked: a `BadgeImage`, or why it is refused. */
export function checkBadgeImage(bytes: Buffer): BadgeImage | Failure {
  if (bytes.length === 0) return invalid('le fichier est vide');
  if (bytes.length > BADGE_IMAGE_MAX_BYTES)
    return failure(
      ErrorCode.BadgeImageTooLarge,
      `L'image du badge pèse ${Math.ceil(bytes.length / 1024)} Ko : 256 Ko au plus.`,
    );
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return checkPng(bytes);
  const text = bytes.toString('utf8');
  // XML with an <svg> element near the start (a prolog, comments or a DOCTYPE may come first).
  if (/^\uFEFF?\s*</.test(text) && /<svg[\s>]/i.test(text.slice(0, 4096))) return checkSvg(bytes, text);
  return failure(ErrorCode.BadgeImageType);
}

function checkPng(bytes: Buffer): BadgeImage | Failure {
  let chunks;
  try {
    chunks = readPngChunks(bytes);
  } catch {
    return invalid("le fichier PNG est abîmé (il ne se lit pas jusqu'au bout)");
  }
  const header = chunks[0];
  if (header?.type !== 'IHDR' || header.data.length !== 13 || chunks.at(-1)?.type !== 'IEND')
    return invalid("le fichier PNG est incomplet (il ne se lit pas jusqu'au bout)");
  if (!chunks.some((c) => c.type === 'IDAT')) return invalid("le fichier PNG n'a pas d'image");
  const width = header.data.readUInt32BE(0);
  const height = header.data.readUInt32BE(4);
  const side = sideProblem(width, height);
  if (side) return invalid(side);
  const baked = chunks.some(
    (c) =>
      ['iTXt', 'tEXt', 'zTXt'].includes(c.type) &&
      [OB3_PNG_KEYWORD, OB2_PNG_KEYWORD].includes(c.data.toString('latin1', 0, c.data.indexOf(0))),
  );
  if (baked)
    return invalid("elle porte déjà un badge (un autre badge y est « cuit ») : envoyez l'image d'origine");
  return { type: 'image/png', bytes, width, height };
}

/** What an SVG may not hold here: what runs, what fetches, what declares entities. */
const SVG_FORBIDDEN: [RegExp, string][] = [
  [/<!DOCTYPE|<!ENTITY/i, 'elle déclare un DOCTYPE ou des entités'],
  [/<\s*script\b/i, 'elle contient un script'],
  [/<\s*(foreignObject|iframe|embed|object|audio|video)\b/i, 'elle contient un objet étranger au dessin'],
  [/\son[a-z]+\s*=/i, "elle contient des attributs d'évènement (onclick…)"],
  [/javascript:/i, 'elle contient un lien javascript:'],
  [/<\?xml-stylesheet/i, 'elle appelle une feuille de style extérieure'],
  [/@import|url\(\s*(?!['"]?#)/i, 'elle charge une ressource extérieure dans son style'],
  [
    /\s(?:xlink:)?href\s*=\s*["'](?!#|data:image\/(?:png|jpeg|gif|webp);base64,)/i,
    'elle fait référence à une ressource extérieure (href)',
  ],
];

function checkSvg(bytes: Buffer, text: string): BadgeImage | Failure {
  for (const [pattern, why] of SVG_FORBIDDEN) if (pattern.test(text)) return invalid(why);
  if (text.includes(OB3_SVG_NAMESPACE) || /<\s*openbadges:/i.test(text))
    return invalid("elle porte déjà un badge (un autre badge y est « cuit ») : envoyez l'image d'origine");
  const root = /<svg\b[^>]*>/i.exec(text)?.[0] ?? '';
  if (!/\sxmlns\s*=\s*["']http:\/\/www\.w3\.org\/2000\/svg["']/.test(root))
    return invalid("l'élément <svg> n'a pas l'espace de noms SVG (xmlns)");
  const size = svgSize(root);
  if (!size) return invalid("l'élément <svg> ne donne ni largeur et hauteur ni viewBox");
  const side = sideProblem(size.width, size.height);
  if (side) return invalid(side);
  if (!/<\/svg>\s*$/i.test(text)) return invalid('le fichier SVG est incomplet (il ne finit pas par </svg>)');
  return { type: 'image/svg+xml', bytes, width: size.width, height: size.height };
}

/** The drawing's size: `width`/`height` in pixels (unitless or px), else the viewBox's. */
function svgSize(root: string): { width: number; height: number } | null {
  const attribute = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(root)?.[1];
  const pixels = (value: string | undefined) => {
    const match = value === undefined ? null : /^\s*([\d.]+)\s*(px)?\s*$/.exec(value);
    return match ? Math.round(Number(match[1])) : null;
  };
  const width = pixels(attribute('width'));
  const height = pixels(attribute('height'));
  if (width !== null && height !== null) return { width, height };
  const box = attribute('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box?.length === 4 && box.every(Number.isFinite))
    return { width: Math.round(box[2]!), height: Math.round(box[3]!) };
  return null;
}
