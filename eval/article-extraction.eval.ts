// Article-body extraction on the scrapinghub article-extraction benchmark (dev half, 91 pages,
// ../shared/eval, read in place): our HTML reader's body against the gold body, scored with the
// benchmark's own shingle rule, beside @mozilla/readability on linkedom in the same run.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EVAL_DIR, readEvalSet, type Evaluation } from './eval-kit.ts';
import { readHtml } from '../src/read/html/html-reader.ts';

/** One benchmark page and its gold body (paragraphs separated by blank lines). */
export interface ExtractionRecord {
  id: string;
  url: string;
  html: string;
  body: string;
}

interface ShingleScore {
  f1: number;
  precision: number;
  recall: number;
  n: number;
}
type ScoreFn = (pairs: [string, string][]) => ShingleScore;

/** The reference scorer from ../shared/eval/score (plain JS, loaded at run time). */
export async function loadShingleScorer(): Promise<{ score: ScoreFn; tpFpFn: (truth: string, pred: string) => [number, number, number] }> {
  return (await import(pathToFileURL(join(EVAL_DIR, 'score/shingles.mjs')).href)) as {
    score: ScoreFn;
    tpFpFn: (truth: string, pred: string) => [number, number, number];
  };
}

/** Our body text for a page: the reader's paragraphs, blank-line separated. */
export function ourBody(record: ExtractionRecord): string {
  return readHtml(record.html, { path: null, url: record.url, outlet: null }).paragraphs.join('\n\n');
}

/** Readability's text for a page, parsed by linkedom; '' when Readability finds no article. */
export function readabilityBody(html: string): string {
  const { document } = parseHTML(html);
  // linkedom's document implements the DOM subset Readability uses; its types are its own.
  const article = new Readability(document as unknown as Document).parse();
  return article?.textContent ?? '';
}

const tokens = (s: string) => (s.match(/[\p{L}\p{N}_]+/gu) ?? []).join(' ');

export const evaluation: Evaluation = {
  name: 'article-extraction',
  async run({ limit }) {
    const { score, tpFpFn } = await loadShingleScorer();
    const records = readEvalSet<ExtractionRecord>('article-extraction.jsonl.gz').slice(0, limit);
    const ours: [string, string][] = [];
    const theirs: [string, string][] = [];
    let exact = 0;
    let theirExact = 0;
    const rows: { id: string; url: string; f1: number; rf1: number }[] = [];
    for (const r of records) {
      const mine = ourBody(r);
      const readability = readabilityBody(r.html);
      ours.push([r.body, mine]);
      theirs.push([r.body, readability]);
      if (tokens(mine) === tokens(r.body)) exact++;
      if (tokens(readability) === tokens(r.body)) theirExact++;
      rows.push({ id: r.id, url: r.url, f1: tpFpFn(r.body, mine)[0], rf1: tpFpFn(r.body, readability)[0] });
    }
    const us = score(ours);
    const them = score(theirs);
    const worst = rows.sort((a, b) => a.f1 - b.f1).slice(0, 8);
    return {
      task: `article body extraction (${records.length} pages, token 4-gram shingles)`,
      scores: [
        { name: 'ours: F1', value: us.f1, target: 0.96 },
        { name: 'ours: precision', value: us.precision },
        { name: 'ours: recall', value: us.recall },
        { name: 'ours: exact-match accuracy', value: exact / records.length },
        { name: 'readability (linkedom): F1', value: them.f1 },
        { name: 'readability (linkedom): precision', value: them.precision },
        { name: 'readability (linkedom): recall', value: them.recall },
        { name: 'readability (linkedom): exact-match accuracy', value: theirExact / records.length },
        // Target: strictly above Readability on the same pages in the same run.
        { name: 'ours F1 minus readability F1', value: us.f1 - them.f1, target: 1e-9 },
      ],
      notes: ['lowest pages (shingle overlap tp, ours vs readability):', ...worst.map((w) => `  ${w.f1.toFixed(2)} vs ${w.rf1.toFixed(2)}  ${w.url.slice(0, 90)}`)],
    };
  },
};
