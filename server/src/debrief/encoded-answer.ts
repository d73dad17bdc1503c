// The debrief's answer as it goes on the wire: its JSON in UTF-8 and, asked once per encoding,
// that JSON compressed (brotli or gzip) on libuv's thread pool, never on the event loop. The
// service keeps an answer while the timeline's last seq and the rest of the answer (its head:
// names, marks, judgments, scores…) are the same, so a debrief opened again (the trainer, the
// learner, a reload, the group) is sent as kept bytes: no JSON built, nothing compressed again.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Request, Response } from 'express';

export type AnswerEncoding = 'br' | 'gzip';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Quality 5: on a 9 MB debrief, smaller than 4 and faster (541 KiB at 6 costs half as much again). */
const BROTLI_QUALITY = 5;

export class EncodedAnswer {
  private readonly encoded = new Map<AnswerEncoding, Promise<Buffer>>();
  private encodedBytes = 0;

  constructor(readonly json: Buffer) {}

  /** The JSON in this encoding, compressed at the first request for it. */
  encode(encoding: AnswerEncoding): Promise<Buffer> {
    let found = this.encoded.get(encoding);
    if (!found) {
      found =
        encoding === 'br'
          ? brotli(this.json, {
              params: {
                [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: this.json.length,
              },
            })
          : gzipped(this.json);
      // A failure is not kept: the next request tries again.
      found.then(
        (bytes) => (this.encodedBytes += bytes.length),
        () => this.encoded.delete(encoding),
      );
      this.encoded.set(encoding, found);
    }
    return found;
  }

  /** Bytes held: the JSON and its encodings done so far. */
  get bytes(): number {
    return this.json.length + this.encodedBytes;
  }
}

/** The encoding to answer in: brotli when the client takes it, else gzip, else none. */
export function answerEncoding(request: Request): AnswerEncoding | null {
  if (request.acceptsEncodings('br') === 'br') return 'br';
  if (request.acceptsEncodings('gzip') === 'gzip') return 'gzip';
  return null;
}

/**
 * Sends the answer in the encoding the request takes (the compression middleware then leaves it);
 * `type`: its content type (a debrief link's page drawn for its trainer is HTML, kept the same way).
 */
export async function sendAnswer(
  request: Request,
  response: Response,
  answer: EncodedAnswer,
  type = 'application/json; charset=utf-8',
): Promise<void> {
  const encoding = answerEncoding(request);
  const body = encoding ? await answer.encode(encoding) : answer.json;
  response.status(200).type(type).vary('Accept-Encoding');
  if (encoding) response.setHeader('Content-Encoding', encoding);
  response.setHeader('Content-Length', body.length);
  response.end(body);
}
