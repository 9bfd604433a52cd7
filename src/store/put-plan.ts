// What a `putArticles` batch does to the articles, decided alike by every backend (the rules are
// in store.ts's head): a text already stored is "unchanged"; else a record whose URL has a latest
// version becomes that article's next version; else it is a new article. Pure: a backend looks
// up the batch's ids and URLs once, hands them here, and applies the steps in order, in its
// transaction. Records are planned in batch order, so a batch may hold several versions of one
// URL and repeats of a record.
import type { AnalysisRecord } from '../model/record.ts';
import type { PutResult } from './store.ts';

/** A stored record as planning needs it: which article it belongs to, as which version. */
export interface StoredVersion {
  id: string;
  articleId: string;
  version: number;
}

/** One record of a batch and what storing it does, in batch order. */
export type PutStep =
  | { record: AnalysisRecord; result: PutResult; store: false }
  | {
      record: AnalysisRecord;
      result: PutResult;
      store: true;
      /** The URL it is stored under (blank URLs are none). */
      url: string | null;
      /** The latest version it replaces (stored before, or earlier in this batch), or null. */
      supersedes: StoredVersion | null;
      /** True when no later record of the batch replaces it: it is its article's latest version once the batch is stored. */
      latestAfter: boolean;
    };

/** The URL a record is stored and versioned under: its source URL, or null when absent or blank. */
export function storageUrl(record: AnalysisRecord): string | null {
  const url = record.source.url;
  return url === null || url.trim() === '' ? null : url;
}

/** The ids and URLs a batch needs looked up before planning: every record id, every storage URL, each once. */
export function lookupKeys(records: readonly AnalysisRecord[]): { ids: string[]; urls: string[] } {
  const urls = new Set<string>();
  for (const r of records) {
    const url = storageUrl(r);
    if (url !== null) urls.add(url);
  }
  return { ids: [...new Set(records.map((r) => r.id))], urls: [...urls] };
}

/**
 * The steps of a batch. `stored`: the records of the batch already stored (by id); `heads`: the
 * latest version stored at each of the batch's URLs (by URL).
 */
export function planPuts(
  records: readonly AnalysisRecord[],
  stored: ReadonlyMap<string, StoredVersion>,
  heads: ReadonlyMap<string, StoredVersion>,
): PutStep[] {
  const known = new Map(stored);
  const latest = new Map(heads);
  const steps: PutStep[] = [];
  const stepOf = new Map<string, PutStep & { store: true }>();
  for (const record of records) {
    const copy = known.get(record.id);
    if (copy) {
      steps.push({ record, store: false, result: { id: record.id, status: 'unchanged', articleId: copy.articleId, version: copy.version } });
      continue;
    }
    const url = storageUrl(record);
    const head = url === null ? undefined : latest.get(url);
    const result: PutResult = head
      ? { id: record.id, status: 'new version', articleId: head.articleId, version: head.version + 1 }
      : { id: record.id, status: 'new', articleId: record.id, version: 1 };
    const step = { record, result, store: true as const, url, supersedes: head ?? null, latestAfter: true };
    if (head) {
      const replaced = stepOf.get(head.id);
      if (replaced) replaced.latestAfter = false;
    }
    const version: StoredVersion = { id: record.id, articleId: result.articleId, version: result.version };
    known.set(record.id, version);
    if (url !== null) latest.set(url, version);
    stepOf.set(record.id, step);
    steps.push(step);
  }
  return steps;
}
