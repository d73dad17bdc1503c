// Baking: the credential carried inside the badge image.
// - PNG (PNG spec §11.3.4.5 iTXt): keyword, NUL, compression flag 0, method 0, empty language
//   tag NUL, empty translated keyword NUL, UTF-8 text; the chunk's CRC-32 over type and data
//   (zlib's crc32). OB 3.0: keyword `openbadgecredential`, the compact JWS, uncompressed, once;
//   OB 2.0: keyword `openbadges`, the hosted assertion's URL. Inserted right after IHDR.
// - SVG: OB 3.0 `<openbadges:credential>` (namespace https://purl.imsglobal.org/ob/v3p0) whose
//   text is the compact JWS, first child of the root `<svg>`.
import { crc32 } from 'node:zlib';

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
export const OB3_PNG_KEYWORD = 'openbadgecredential';
export const OB2_PNG_KEYWORD = 'openbadges';
export const OB3_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';

export interface PngChunk {
  type: string;
  data: Buffer;
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** The chunks of a PNG, each CRC checked. */
export function readPngChunks(png: Buffer): PngChunk[] {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('png/not_png');
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    if (crc32(png.subarray(offset + 4, offset + 8 + length)) >>> 0 !== crc)
      throw new Error(`png/bad_crc ${type}`);
    chunks.push({ type, data });
    offset += 12 + length;
    if (type === 'IEND') break;
  }
  return chunks;
}

function itxtData(keyword: string, text: string): Buffer {
  return Buffer.concat([
    Buffer.from(keyword, 'latin1'),
    Buffer.from([0, 0, 0, 0, 0]),
    Buffer.from(text, 'utf8'),
  ]);
}

/** The PNG with one iTXt chunk `keyword` = `text` after IHDR (any earlier one of that keyword removed). */
export function bakePng(png: Buffer, keyword: string, text: string): Buffer {
  const chunks = readPngChunks(png).filter((c) => !(c.type === 'iTXt' && itxtKeyword(c.data) === keyword));
  const out: Buffer[] = [PNG_SIGNATURE];
  for (const chunk of chunks) {
    out.push(pngChunk(chunk.type, chunk.data));
    if (chunk.type === 'IHDR') out.push(pngChunk('iTXt', itxtData(keyword, text)));
  }
  return Buffer.concat(out);
}

function itxtKeyword(data: Buffer): string {
  return data.toString('latin1', 0, data.indexOf(0));
}

/** The texts of every iTXt chunk of `keyword` (uncompressed only; a compressed one is an error). */
export function readPngText(png: Buffer, keyword: string): string[] {
  return readPngChunks(png).flatMap((chunk) => {
    if (chunk.type !== 'iTXt' || itxtKeyword(chunk.data) !== keyword) return [];
    let at = chunk.data.indexOf(0) + 1;
    const compressed = chunk.data[at];
    if (compressed !== 0) throw new Error('png/compressed_itxt');
    at += 2;
    at = chunk.data.indexOf(0, at) + 1; // language tag
    at = chunk.data.indexOf(0, at) + 1; // translated keyword
    return [chunk.data.toString('utf8', at)];
  });
}

/** The SVG with the OB 3.0 credential element as the root's first child. */
export function bakeSvg(svg: string, jws: string): string {
  const root = /<svg\b[^>]*>/.exec(svg);
  if (!root) throw new Error('svg/no_root');
  let open = root[0];
  if (!open.includes('xmlns:openbadges='))
    open = open.replace(/^<svg\b/, `<svg xmlns:openbadges="${OB3_SVG_NAMESPACE}"`);
  const element = `<openbadges:credential>${jws}</openbadges:credential>`;
  return svg.slice(0, root.index) + open + element + svg.slice(root.index + root[0].length);
}
