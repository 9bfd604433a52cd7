// Answers kept between requests while the store's change mark (Store.changeMark) stays the same.
// Why: people read the same stories and search for the same names over and over, and making an
// answer costs milliseconds of database work and rendering (bench/serve.bench.ts measured a search
// at 2–30 ms and a story page at 10–50 ms on 10,000 articles), where sending a kept one costs
// microseconds. What is kept is the body as sent (JSON or HTML, as UTF-8 bytes), so a kept answer
// is not even serialized or encoded again. This is how Elasticsearch's shard request cache works: results keyed by the
// request and by the version of the index they were computed from.
//
// Correctness: the mark is read before the answer is made, and the answer is kept under that mark.
// It is then at least as new as the mark, and it is used only while the store gives the same mark:
// a write by any process sharing the store moves the mark, and nothing kept before it is used
// again. Memory: bounded by the total length of the kept bodies; the least recently used go first.
import type { FastifyReply } from 'fastify';
import type { Store } from '../store/store.ts';

/** Bytes of kept bodies one server holds at most: the story pages and views of 10,000 articles (324 stories) take some 50 MB. */
export const KEPT_ANSWER_BYTES = 128 * 1024 * 1024;

/** What an absent answer (a 404 kept as null) counts for in the budget: its key and entry. */
const NULL_SIZE = 256;

/** Bodies (or null for "nothing there") by request key, each kept under the change mark it was made at. */
export class KeptAnswers {
  private readonly kept = new Map<string, { mark: string; body: Promise<Buffer | null>; size: number }>();
  private size = 0;

  constructor(
    private readonly store: Pick<Store, 'changeMark'>,
    private readonly maxBytes = KEPT_ANSWER_BYTES,
  ) {}

  /**
   * The body kept for `key` when it was made at the store's current mark; else `make()`'s, kept
   * as UTF-8.
   * `key` must name everything the body depends on besides the store (route, parameters). A
   * failed `make` is not kept: the next request tries again.
   * `mark`: a mark of just what this body is made from, when the caller has one that is cheaper to
   * keep than the store's (a story's listing moves only when that story changes), used instead.
   */
  async answer(key: string, make: () => Promise<string | Buffer | null>, mark?: string): Promise<Buffer | null> {
    mark ??= await this.store.changeMark();
    const found = this.kept.get(key);
    if (found !== undefined) {
      this.forget(key, found);
      if (found.mark === mark) {
        // Most recently used last: the first in the map goes first.
        this.kept.set(key, found);
        this.size += found.size;
        return found.body;
      }
    }
    const entry = { mark, body: make().then((text) => (text === null || Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'))), size: 0 };
    this.kept.set(key, entry);
    entry.body.then(
      (body) => {
        if (this.kept.get(key) !== entry) return;
        entry.size = body === null ? NULL_SIZE : key.length + body.byteLength;
        this.size += entry.size;
        this.trim();
      },
      () => {
        if (this.kept.get(key) === entry) this.kept.delete(key);
      },
    );
    return entry.body;
  }

  /** How many answers are kept, and their total size in bytes. */
  get stats(): { answers: number; bytes: number } {
    return { answers: this.kept.size, bytes: this.size };
  }

  private forget(key: string, entry: { size: number }): void {
    this.kept.delete(key);
    this.size -= entry.size;
  }

  private trim(): void {
    for (const [key, entry] of this.kept) {
      if (this.size <= this.maxBytes) return;
      this.forget(key, entry);
    }
  }
}

/** `value` as the route of `reply` sends it: serialized by its 200 response schema (fields not in the schema are left out), to be kept and sent as it is. */
export function routeJson(reply: FastifyReply, value: unknown): string {
  const body = reply.serialize(value);
  if (typeof body !== 'string') throw new TypeError('the route serializer gave bytes, not text');
  return body;
}
