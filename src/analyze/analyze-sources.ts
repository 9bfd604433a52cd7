// The one path from command-line inputs to analysed Docs, shared by `analyze` and `ingest`:
// load, decode, read, assemble, run the pipeline. A bad input yields its error and the
// walk goes on with the next input; the policy (report and continue) is the callers'.
import type { Doc } from '../model/doc.ts';
import { InputError } from '../read/input-error.ts';
import { assembleDoc } from '../read/draft.ts';
import { readDocument } from '../read/read-document.ts';
import { DEFAULT_MAX_BYTES, listInputs, loadInput, type InputRef } from '../read/source.ts';
import { buildPipeline, type Pipeline } from './pipeline.ts';

/** Options of one analysis run. */
export interface AnalyzeOptions {
  plain?: boolean;
  date?: string | null;
  maxBytes?: number;
}

/** What one input gave: its analysed documents, or the one-line error that refused it. */
export type InputResult = { ref: InputRef; docs: Doc[]; error?: undefined } | { ref: InputRef; docs?: undefined; error: Error };

/** Analyses one decoded input's articles; bad records of an input whose others were read go to `problems` (else throw). */
export function analyzeText(
  ref: InputRef,
  options: AnalyzeOptions,
  pipeline: Pipeline,
  load = loadInput,
  problems?: InputError[],
): Doc[] {
  const input = load(ref, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES });
  const read = readDocument(input, { plain: options.plain }, problems);
  // A page whose body came out empty (markup with no article in it, a broken page) is refused
  // rather than stored as a headline without text.
  const drafts = read.filter((d) => d.paragraphs.some((p) => p.trim() !== ''));
  if (drafts.length === 0) {
    throw new InputError(ref.name, read.length === 0 ? 'no article found' : 'no article text found (the page has no readable body)');
  }
  if (drafts.length < read.length) {
    const empty = read.length - drafts.length;
    const problem = new InputError(ref.name, `${empty} of ${read.length} articles have no readable body and were skipped`);
    if (problems) problems.push(problem);
    else throw problem;
  }
  return drafts.map((draft) => pipeline.run(assembleDoc(draft, { date: options.date ?? null })));
}

/**
 * Analyses every input the paths name, yielding one result per input in order, each followed by
 * one error result per bad record inside it (a JSONL line, a feed item) when its other records
 * were read: so a caller that reports every error reports each bad record once.
 */
export function* analyzeSources(paths: readonly string[], options: AnalyzeOptions = {}): Generator<InputResult> {
  const pipeline = buildPipeline();
  for (const ref of listInputs(paths)) yield* analyzeInput(ref, options, pipeline);
}

/** The results of one input, as analyzeSources yields them: its documents or its error, then one error per bad record inside it. `load` gives its text. */
export function* analyzeInput(ref: InputRef, options: AnalyzeOptions, pipeline: Pipeline, load = loadInput): Generator<InputResult> {
  const problems: InputError[] = [];
  let result: InputResult;
  try {
    result = { ref, docs: analyzeText(ref, options, pipeline, load, problems) };
  } catch (error) {
    result = { ref, error: error instanceof InputError ? error : new InputError(ref.name, errorLine(error)) };
  }
  yield result;
  for (const problem of problems) yield { ref, error: problem };
}

/** The first line of an error's message: errors print as one line. */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0]!.trim();
}
