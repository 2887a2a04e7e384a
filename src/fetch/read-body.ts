/**
 * Reads a response body under a byte limit, counted while streaming: the bytes on the wire and the
 * bytes after decompression (gzip, deflate, br decoded here with node:zlib streams, so a small bomb
 * that inflates to gigabytes is stopped as soon as it passes the limit). Nothing is buffered whole
 * first; the stream is destroyed the moment a limit is passed.
 */
import { type Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createUnzip } from 'node:zlib';
import { fail } from './fetch-errors.js';

export class BodyLimitError extends Error {
  override readonly name = 'BodyLimitError';
  constructor(readonly stage: 'raw' | 'decoded') {
    super(`body passed the ${stage} byte limit`);
  }
}

/** Content-Encoding values in the order they must be undone; throws for one we cannot decode. */
export function decoders(contentEncoding: string | null | undefined): Transform[] {
  if (!contentEncoding) return [];
  const codings = contentEncoding
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
    .reverse();
  if (codings.length > 2) throw fail.badEncoding();
  return codings.map((c) => {
    if (c === 'gzip' || c === 'x-gzip' || c === 'deflate') return createUnzip();
    if (c === 'br') return createBrotliDecompress();
    throw fail.badEncoding();
  });
}

function counter(limit: number, stage: 'raw' | 'decoded'): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      if (seen > limit) cb(new BodyLimitError(stage));
      else cb(null, chunk);
    },
  });
}

/**
 * The decoded body, at most `maxBytes` long on the wire and after decoding. Rejects with
 * BodyLimitError when a limit is passed, or with the stream's own error (abort, reset, bad data).
 */
export async function readBody(
  body: Readable,
  contentEncoding: string | null,
  maxBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const steps = [counter(maxBytes, 'raw'), ...decoders(contentEncoding), counter(maxBytes, 'decoded')];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  await pipeline([body, ...steps, sink]);
  return Buffer.concat(chunks);
}
