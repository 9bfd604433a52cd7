// Storing analysed inputs in batches: the write path of `dossier ingest`, and of its benchmark.
// Policy, in one place:
//   - Records go to the store in batches of `batchSize`, one transaction each: a crash loses at
//     most the batch being written, and a re-run stores the rest (stored texts come back "unchanged").
//   - A bad input never reaches the store (its error is reported and the run goes on), so it
//     cannot roll back anyone's articles. A record the store refuses (RecordRejectedError) is
//     reported against its input and the rest of its batch is written without it.
//   - Any other store failure (disk full, database locked too long) stops the run: it throws,
//     with the batches before it committed.
import type { InputResult } from '../analyze/analyze-sources.ts';
import { toRecord, type AnalysisRecord } from '../model/record.ts';
import { RecordRejectedError, type PutResult, type Store } from './store.ts';

/** Articles per transaction: large enough that commits cost little, small enough that a crash loses little. */
export const DEFAULT_BATCH_SIZE = 200;

/** What an ingest run did. `articles` counts every record handed to the store. */
export interface IngestTally {
  inputs: number;
  articles: number;
  new: number;
  unchanged: number;
  newVersions: number;
  errors: number;
  /** Articles per outlet, of this run's records. */
  outlets: Map<string, number>;
  firstPublished: string | null;
  lastPublished: string | null;
  undated: number;
}

/** How to run: batch size, where one-line errors go ("input: reason"), a call after each input and one per stored record. */
export interface IngestOptions {
  batchSize?: number;
  onError(message: string): void;
  onInput?(tally: Readonly<IngestTally>): void;
  /** Called for each record once its batch is committed, with what storing it did (the API reports it per record). */
  onStored?(input: string, record: AnalysisRecord, result: PutResult): void;
}

interface Pending {
  input: string;
  record: AnalysisRecord;
}

/**
 * Stores the documents of every good input result in batches and reports every bad one; returns
 * the tally. Consecutive results with the same `ref` object are one input (as analyzeSources yields them).
 */
export async function ingestResults(results: Iterable<InputResult>, store: Pick<Store, 'putArticles'>, options: IngestOptions): Promise<IngestTally> {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const tally: IngestTally = {
    inputs: 0,
    articles: 0,
    new: 0,
    unchanged: 0,
    newVersions: 0,
    errors: 0,
    outlets: new Map(),
    firstPublished: null,
    lastPublished: null,
    undated: 0,
  };
  const count = (record: AnalysisRecord, result: PutResult) => {
    tally.articles++;
    if (result.status === 'new') tally.new++;
    else if (result.status === 'unchanged') tally.unchanged++;
    else tally.newVersions++;
    const outlet = record.source.outlet;
    if (outlet !== null) tally.outlets.set(outlet, (tally.outlets.get(outlet) ?? 0) + 1);
    const date = record.published.date;
    if (date === null) tally.undated++;
    else {
      if (tally.firstPublished === null || date < tally.firstPublished) tally.firstPublished = date;
      if (tally.lastPublished === null || date > tally.lastPublished) tally.lastPublished = date;
    }
  };

  const flush = async (batch: Pending[]) => {
    while (batch.length > 0) {
      try {
        const stored = await store.putArticles(batch.map((p) => p.record));
        stored.forEach((result, i) => {
          count(batch[i]!.record, result);
          options.onStored?.(batch[i]!.input, batch[i]!.record, result);
        });
        return;
      } catch (error) {
        if (!(error instanceof RecordRejectedError)) throw error;
        const bad = batch[error.index];
        if (bad === undefined) throw error;
        tally.errors++;
        options.onError(`${bad.input}: cannot store article ${error.recordId}: ${error.reason}`);
        batch = batch.filter((_, i) => i !== error.index);
      }
    }
  };

  let pending: Pending[] = [];
  let lastRef: InputResult['ref'] | null = null;
  for (const result of results) {
    // One input may yield several results (its documents, then one error per bad record in it).
    if (result.ref !== lastRef) {
      if (lastRef !== null) options.onInput?.(tally);
      tally.inputs++;
      lastRef = result.ref;
    }
    if (result.error) {
      tally.errors++;
      options.onError(result.error.message);
      continue;
    }
    for (const doc of result.docs) {
      pending.push({ input: result.ref.name, record: toRecord(doc) });
      if (pending.length >= batchSize) {
        await flush(pending);
        pending = [];
      }
    }
  }
  await flush(pending);
  if (lastRef !== null) options.onInput?.(tally);
  return tally;
}
