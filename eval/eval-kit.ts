// Shared pieces of the evaluation scripts: where the evaluation sets live (../shared/eval,
// read in place, never copied) and how a result is reported.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
