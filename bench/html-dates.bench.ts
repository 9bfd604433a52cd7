// Publication dates of HTML pages: pages/s for finding and resolving the date claims on the 500
// htmldate evaluation pages (../shared/eval, read in place), with the parse excluded and included.
import { readEvalSet } from '../eval/eval-kit.ts';
import { parseHtml } from '../src/read/html/parse-html.ts';
import { findDateClaims } from '../src/read/html/html-dates.ts';
import { resolvePublished } from '../src/read/published-date.ts';
import { bestOf, type Benchmark } from './bench-kit.ts';

export const benchmark: Benchmark = {
  name: 'html-dates',
  async run() {
    const pages = readEvalSet<{ url: string; html: string }>('html-dates.jsonl.gz');
    const mb = pages.reduce((n, p) => n + Buffer.byteLength(p.html), 0) / 1e6;
    const doms = pages.map((p) => parseHtml(p.html));
    const findMs = bestOf(3, () => {
      for (let i = 0; i < pages.length; i++) resolvePublished(findDateClaims(doms[i]!, pages[i]!.url), null);
    });
    const parseMs = bestOf(3, () => {
      for (const p of pages) parseHtml(p.html);
    });
    const bothMs = bestOf(3, () => {
      for (const p of pages) resolvePublished(findDateClaims(parseHtml(p.html), p.url), null);
    });
    const rate = (ms: number) => `${((pages.length / ms) * 1000).toFixed(0)} pages/s, ${((mb / ms) * 1000).toFixed(1)} MB/s`;
    return {
      task: `publication dates of HTML pages (${pages.length} htmldate pages, ${mb.toFixed(1)} MB)`,
      lines: [`date finding (parsed DOM):  ${rate(findMs)}`, `parse only:                 ${rate(parseMs)}`, `parse + date finding:       ${rate(bothMs)}`],
    };
  },
};
