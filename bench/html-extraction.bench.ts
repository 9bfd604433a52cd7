// HTML reading speed: pages/s and MB/s for our reader (htmlparser2 parse + metadata + body) and
// for @mozilla/readability on linkedom (parse included), on the 91 dev pages of the
// article-extraction benchmark (../shared/eval, read in place), and the ratio between them.
import { readEvalSet } from '../eval/eval-kit.ts';
import { readabilityBody, type ExtractionRecord } from '../eval/article-extraction.eval.ts';
import { readHtml } from '../src/read/html/html-reader.ts';
import { bestOf, type Benchmark } from './bench-kit.ts';

export const benchmark: Benchmark = {
  name: 'html-extraction',
  async run() {
    const records = readEvalSet<ExtractionRecord>('article-extraction.jsonl.gz');
    const mb = records.reduce((n, r) => n + Buffer.byteLength(r.html), 0) / 1e6;
    const oursMs = bestOf(3, () => {
      for (const r of records) readHtml(r.html, { path: null, url: r.url, outlet: null });
    });
    const readabilityMs = bestOf(3, () => {
      for (const r of records) readabilityBody(r.html);
    });
    const rate = (ms: number) => `${((records.length / ms) * 1000).toFixed(1)} pages/s, ${((mb / ms) * 1000).toFixed(2)} MB/s`;
    return {
      task: `HTML article extraction (${records.length} pages, ${mb.toFixed(1)} MB, best of 3)`,
      lines: [
        `ours (readHtml, htmlparser2):     ${rate(oursMs)}`,
        `readability + linkedom:           ${rate(readabilityMs)}`,
        `speed ratio (ours / readability): ${(readabilityMs / oursMs).toFixed(2)}x (target at least 2x)`,
      ],
    };
  },
};
