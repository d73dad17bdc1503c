// The badge's picture. Without an uploaded one, drawn here: an SVG medal with the badge's name,
// and a PNG of the same medal (a disc and a ring, 256×256, RGBA, one IDAT through zlib) for
// the places that take only PNG. Colours come from the badge id, so each badge looks its own.
// With the organisation's own picture (`badge-image-upload.ts`), both formats come from it: a
// PNG is wrapped in an SVG as is; an SVG is rendered to PNG by resvg (`@resvg/resvg-js`, which
// loads no external resource and runs no script).
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { pngChunk } from './baking.js';
import type { BadgeImageType } from './badge-image-upload.js';

/** An uploaded picture as stored. */
export interface StoredBadgeImage {
  type: BadgeImageType;
  bytes: Buffer;
}

/** The width of the PNG rendered from an uploaded SVG. */
const RENDERED_WIDTH = 512;

const SIZE = 256;

function colourOf(badgeId: string): [number, number, number] {
  const hash = createHash('sha256').update(badgeId).digest();
  // Dark enough for white text (each channel under 160).
  return [hash[0]! % 160, hash[1]! % 160, hash[2]! % 160];
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function badgeSvg(badgeId: string, name: string): string {
  const [r, g, b] = colourOf(badgeId);
  const fill = `rgb(${r},${g},${b})`;
  const words = name.length > 28 ? `${name.slice(0, 27)}…` : name;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="${escapeXml(name)}">` +
    `<circle cx="128" cy="128" r="120" fill="${fill}"/>` +
    `<circle cx="128" cy="128" r="104" fill="none" stroke="#fff" stroke-width="6"/>` +
    `<text x="128" y="136" font-family="sans-serif" font-size="16" fill="#fff" text-anchor="middle">${escapeXml(words)}</text>` +
    `</svg>`
  );
}

export function badgePng(badgeId: string): Buffer {
  const [r, g, b] = colourOf(badgeId);
  const row = SIZE * 4 + 1;
  const raw = Buffer.alloc(row * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * row] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      const d = Math.hypot(x - 127.5, y - 127.5);
      const at = y * row + 1 + x * 4;
      if (d > 120) continue; // transparent
      const ring = d > 101 && d < 107;
      raw[at] = ring ? 255 : r;
      raw[at + 1] = ring ? 255 : g;
      raw[at + 2] = ring ? 255 : b;
      raw[at + 3] = 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The uploaded picture as a PNG: itself, or its SVG rendered. */
export function uploadedPng(image: StoredBadgeImage): Buffer {
  if (image.type === 'image/png') return image.bytes;
  const rendered = new Resvg(image.bytes.toString('utf8'), {
    fitTo: { mode: 'width', value: RENDERED_WIDTH },
    font: { loadSystemFonts: true },
  }).render();
  return Buffer.from(rendered.asPng());
}

/** The uploaded picture as an SVG: itself, or its PNG as the drawing's only image. */
export function uploadedSvg(image: StoredBadgeImage, name: string): string {
  if (image.type === 'image/svg+xml') return image.bytes.toString('utf8');
  // The PNG's size from its IHDR (checked at upload): signature 8, length 4, type 4, then width, height.
  const width = image.bytes.readUInt32BE(16);
  const height = image.bytes.readUInt32BE(20);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(name)}">` +
    `<image width="${width}" height="${height}" href="data:image/png;base64,${image.bytes.toString('base64')}"/>` +
    `</svg>`
  );
}
