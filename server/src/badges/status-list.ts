// W3C Bitstring Status List v1.0: an organisation's revocation list is a bitstring (index i =
// the i-th bit, most significant bit of the first byte first), at least 16 KB (131,072 entries)
// so that one credential's index says little, GZIP-compressed and multibase base64url-encoded
// (`u` prefix, no padding).
import { gunzipSync, gzipSync } from 'node:zlib';

export const STATUS_LIST_BITS = 131_072;

export function encodeStatusList(revoked: readonly number[], bits = STATUS_LIST_BITS): string {
  const bytes = Buffer.alloc(Math.ceil(bits / 8));
  for (const index of revoked) {
    if (index < 0 || index >= bits) throw new RangeError(`status index ${index} outside the list`);
    bytes[index >> 3]! |= 0x80 >> (index & 7);
  }
  return `u${gzipSync(bytes).toString('base64url')}`;
}

/** Whether bit `index` is set in an encoded list (what a verifier does). */
export function statusBit(encodedList: string, index: number): boolean {
  if (!encodedList.startsWith('u')) throw new Error('encodedList: not multibase base64url');
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  if (index < 0 || index >= bytes.length * 8) throw new RangeError('statusListIndex outside the list');
  return (bytes[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}
