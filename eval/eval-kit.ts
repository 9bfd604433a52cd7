// Shared pieces of the evaluation scripts: where the evaluation sets live (../shared/eval,
// read in place, never copied) and how a result is reported.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPlainText } from '../src/read/text/text-reader.ts';
import { assembleDoc } from '../src/read/draft.ts';
import type { Doc } from '../src/model/doc.ts';

/** The folder of the shared evaluation sets; `DOSSIER_EVAL_DIR` overrides it. */
export const EVAL_DIR = process.env.DOSSIER_EVAL_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/eval');

/** Reads one JSONL (or gzip-compressed JSONL) set from the shared folder. */
export function readEvalSet<T>(file: string): T[] {
  const raw = readFileSync(join(EVAL_DIR, file));
  const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** One line of an evaluation report: a named score with its target, if the project has one. */
export interface Score {
  name: string;
  value: number;
  target?: number;
}

/** What one evaluation returns: scores to print and, optionally, detail lines. */
export interface EvalReport {
  task: string;
  scores: Score[];
  notes?: string[];
}

/** A registered evaluation: `limit` runs it on the first N documents only (for the test suite's slice). */
export interface Evaluation {
  name: string;
  run(options: { limit?: number }): Promise<EvalReport>;
}

/** Prints a report in the shape every evaluation uses. */
export function printReport(report: EvalReport): void {
  console.log(`\n== ${report.task}`);
  for (const s of report.scores) {
    const target = s.target === undefined ? '' : `  (target ${s.target}: ${s.value >= s.target ? 'met' : 'NOT met'})`;
    console.log(`  ${s.name.padEnd(44)} ${s.value.toFixed(4)}${target}`);
  }
  for (const note of report.notes ?? []) console.log(`  ${note}`);
}

/** Precision, recall and F1 with their counts, as ../shared/eval/score/prf.mjs returns them. */
export interface Prf {
  p: number;
  r: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

const NO_SOURCE = { path: null, url: null, outlet: null };

/**
 * The Doc of one evaluation text read as a plain body, so that its offsets are the set's; refuses a
 * reading that would move them. `published` (a day) becomes the publication date from metadata.
 */
export function plainDoc(id: string, text: string, published: string | null = null): Doc {
  const doc = assembleDoc(readPlainText(text, NO_SOURCE, { plain: true }));
  if (doc.text !== text) throw new Error(`plain reading changed the text of ${id}; offsets would not match`);
  if (published === null) return doc;
  return { ...doc, meta: { ...doc.meta, published: { date: published, basis: 'metadata', conflicts: [] } } };
}
