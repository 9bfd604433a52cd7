// Publication dates of HTML pages on htmldate's evaluation pages (../shared/eval/html-dates.jsonl.gz,
// read in place): parse, find the page's date claims, resolve them, compare the day with the gold.
// Scoring as htmldate's tests/comparison.py: TP = the gold day, FP = another day, FN = no day
// though the gold has one, TN = no day and no gold; reported overall and per collection.
import { readEvalSet, type EvalReport, type Evaluation, type Score } from './eval-kit.ts';
import { parseHtml } from '../src/read/html/parse-html.ts';
import { findDateClaims } from '../src/read/html/html-dates.ts';
import { resolvePublished } from '../src/read/published-date.ts';

/** One page of the set. */
export interface DatePage {
  id: string;
  url: string;
  html: string;
  date: string | null;
  collection: string;
  charset: string;
}

/** Confusion counts of one run. */
export interface DateCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** The day the project reports for a page: parse, claims, resolution. */
export function predictPageDate(page: Pick<DatePage, 'html' | 'url'>): string | null {
  return resolvePublished(findDateClaims(parseHtml(page.html), page.url), null).date;
}

/** Adds one page's outcome to the counts. */
export function countOutcome(counts: DateCounts, predicted: string | null, gold: string | null): void {
  if (predicted === null) {
    if (gold === null) counts.tn++;
    else counts.fn++;
  } else if (predicted === gold) counts.tp++;
  else counts.fp++;
}

/** Accuracy, precision, recall and F1 as htmldate's comparison computes them. */
export function dateScores(c: DateCounts): { accuracy: number; precision: number; recall: number; f1: number } {
  const all = c.tp + c.fp + c.fn + c.tn;
  return {
    accuracy: all === 0 ? 0 : (c.tp + c.tn) / all,
    precision: c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp),
    recall: c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn),
    f1: 2 * c.tp + c.fp + c.fn === 0 ? 0 : (2 * c.tp) / (2 * c.tp + c.fp + c.fn),
  };
}

const empty = (): DateCounts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

export const evaluation: Evaluation = {
  name: 'html-dates',
  async run({ limit }): Promise<EvalReport> {
    const pages = readEvalSet<DatePage>('html-dates.jsonl.gz').slice(0, limit);
    const total = empty();
    const byCollection = new Map<string, DateCounts>();
    const misses: string[] = [];
    for (const page of pages) {
      const predicted = predictPageDate(page);
      countOutcome(total, predicted, page.date);
      let c = byCollection.get(page.collection);
      if (!c) byCollection.set(page.collection, (c = empty()));
      countOutcome(c, predicted, page.date);
      if (predicted !== page.date) misses.push(`${page.url.slice(0, 100)}  gold ${page.date}  got ${predicted}`);
    }
    const s = dateScores(total);
    const scores: Score[] = [
      { name: 'accuracy', value: s.accuracy, target: 0.9 },
      { name: 'precision', value: s.precision },
      { name: 'recall', value: s.recall },
      { name: 'F1', value: s.f1 },
    ];
    for (const [name, c] of [...byCollection].sort((a, b) => a[0].localeCompare(b[0]))) {
      const cs = dateScores(c);
      scores.push({ name: `${name}: accuracy`, value: cs.accuracy }, { name: `${name}: F1`, value: cs.f1 });
    }
    const notes = [
      `${pages.length} pages: TP ${total.tp}, FP ${total.fp}, FN ${total.fn}, TN ${total.tn}`,
      ...[...byCollection].map(([name, c]) => `${name}: ${c.tp + c.fp + c.fn + c.tn} pages, TP ${c.tp}, FP ${c.fp}, FN ${c.fn}, TN ${c.tn}`),
    ];
    if (process.env.DOSSIER_EVAL_VERBOSE) notes.push('misses:', ...misses.map((m) => `  ${m}`));
    return { task: `publication dates of HTML pages (htmldate evaluation set, ${pages.length} pages)`, scores, notes };
  },
};
