// Reading a response body within the size limit: refused up front when Content-Length says it is
// too large, and stopped while streaming when it grows past the limit (Content-Length absent, or
// a chunked body). Compressed bodies are limited twice: the compressed bytes on the wire, and the
// bytes they expand to, so that a small gzip bomb is stopped once its output passes the limit.
import type { IncomingMessage } from 'node:http';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { InputError } from '../input-error.ts';
import { sizeText, tooLarge } from '../source.ts';
import { FetchProblem } from './fetch-policy.ts';

const DECOMPRESSORS: Record<string, () => Transform> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/** The Accept-Encoding header that matches what readBody can decompress. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

/** Reads the whole body of `res` as bytes, or throws an InputError naming `name` (size) or a FetchProblem (encoding). */
export async function readBody(res: IncomingMessage, name: string, maxBytes: number): Promise<Buffer> {
  const declared = res.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    res.destroy();
    throw tooLarge(name, maxBytes);
  }
  const encoding = (res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const chunks: Buffer[] = [];
  if (encoding === 'identity' || encoding === '') {
    await pipeline(res, collect(chunks, maxBytes, () => tooLarge(name, maxBytes)));
    return Buffer.concat(chunks);
  }
  const decompress = DECOMPRESSORS[encoding];
  if (!decompress) {
    res.destroy();
    throw new FetchProblem(`unsupported Content-Encoding "${encoding}"`);
  }
  const bomb = () => new InputError(name, `refused: its ${encoding} body expands past the size limit of ${sizeText(maxBytes)} (a compression bomb?)`);
  await pipeline(res, countWithin(maxBytes, () => tooLarge(name, maxBytes)), decompress(), collect(chunks, maxBytes, bomb));
  return Buffer.concat(chunks);
}

/** A pass-through that fails with `over()` once more than `max` bytes went through. */
function countWithin(max: number, over: () => Error): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      done(total > max ? over() : null, chunk);
    },
  });
}

/** A sink that keeps the chunks, failing with `over()` once more than `max` bytes arrived. */
function collect(chunks: Buffer[], max: number, over: () => Error): Writable {
  let total = 0;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > max) return done(over());
      chunks.push(chunk);
      done();
    },
  });
}
