// What the backends share about near-duplicates beyond SQL: planning the fingerprints, keys and
// links of the records a batch stores (the judge's rules: ../link/duplicates/duplicate-judge.ts),
// the rows they are kept in and read back from, and the closure of duplicate groups. A backend
// looks up the stored fingerprints filed under the batch's keys once (at most MAX_KEY_CANDIDATES
// per key), hands them here, and writes what comes back, in its transaction. The same planning
// serves the backfill of records stored before fingerprints existed.
// Tables: migrations/sqlite/20261124T1600-duplicates.sql, migrations/postgres/20261124T1600-duplicates.sql.
import { judgeDuplicates, type DuplicateEvidence, type DuplicateKind, type DuplicateLink } from '../link/duplicates/duplicate-judge.ts';
import { MemoryFingerprintIndex } from '../link/duplicates/fingerprint-index.ts';
import { decodeShingles, encodeShingles, fingerprintOf, lookupKeys, type Fingerprint } from '../link/duplicates/fingerprint.ts';
import { independentSources, type DuplicatePair, type IndependentSources } from '../link/duplicates/independent-sources.ts';
import type { AnalysisRecord } from '../model/record.ts';
import { articleMeta, type ArticleRow } from './article-rows.ts';
import type { DuplicateOf } from './store.ts';

/**
 * The most stored records one key brings to the judge. A key names a band of one text, a text
 * hash or a URL: past a few, the records sharing one are copies or versions of one another, and
 * a new one linked to 200 of them is in their group all the same (independentSources closes
 * groups over links). It bounds the cost of storing a record whatever the store holds.
 */
export const MAX_KEY_CANDIDATES = 200;

/** How many records one backfill transaction fingerprints. */
export const BACKFILL_BATCH = 200;

/** A record to fingerprint and link: what the fingerprint reads of it, and the version it replaces (null: none). */
export interface DuplicateSubject {
  record: Pick<AnalysisRecord, 'id' | 'text' | 'title' | 'source'>;
  supersedes: { id: string } | null;
}

/** A subject fingerprinted: its fingerprint and the keys it is filed and looked up under. */
export interface FiledSubject {
  fingerprint: Fingerprint;
  keys: string[];
  supersedes: string | null;
}

/** What storing one record writes: its fingerprint, its keys, its links to records stored before it (candidate id order). */
export interface DuplicateWrite {
  fingerprint: Fingerprint;
  keys: string[];
  links: DuplicateLink[];
}

/** The fingerprint and keys of each subject, in order. */
export function fileSubjects(subjects: readonly DuplicateSubject[]): FiledSubject[] {
  return subjects.map(({ record, supersedes }) => {
    const fingerprint = fingerprintOf(record);
    return { fingerprint, keys: lookupKeys(fingerprint), supersedes: supersedes?.id ?? null };
  });
}

/** Every key of `filed`, each once: what a backend looks up before `planDuplicateWrites`. */
export function keysOf(filed: readonly FiledSubject[]): string[] {
  return [...new Set(filed.flatMap((f) => f.keys))];
}

/** One (key, record id) row of the keys table. */
export interface KeyRow {
  key: string;
  record_id: string;
}

/** One fingerprints row; `shingles` as encodeShingles wrote them. */
export interface FingerprintRow {
  record_id: string;
  url: string | null;
  text_hash: string | null;
  shingles: Uint8Array;
}

/** A fingerprints row as the judge's Fingerprint. */
export function fingerprintOfRow(row: FingerprintRow): Fingerprint {
  return { id: row.record_id, url: row.url, textHash: row.text_hash, shingles: decodeShingles(row.shingles) };
}

/** A fingerprint as the column values of its row (shingles as bytes). */
export function fingerprintRow(fingerprint: Fingerprint): FingerprintRow {
  return { record_id: fingerprint.id, url: fingerprint.url, text_hash: fingerprint.textHash, shingles: encodeShingles(fingerprint.shingles) };
}

/**
 * The writes of `filed`, in order, judged against the stored records `keyRows` and `stored` give
 * (the rows of the keys of `filed`, and those records' fingerprints) and against the subjects
 * before each in the list, so that a batch's later records see its earlier ones. A subject is
 * always a `version` of the version it replaces when that one is among its candidates (which it
 * is, through their shared URL key, once fingerprinted): two texts the store calls versions of
 * one URL are versions, even when their words are the same.
 */
export function planDuplicateWrites(filed: readonly FiledSubject[], keyRows: readonly KeyRow[], stored: readonly FingerprintRow[]): DuplicateWrite[] {
  const keysOfRecord = new Map<string, string[]>();
  for (const row of keyRows) {
    const list = keysOfRecord.get(row.record_id);
    if (list) list.push(row.key);
    else keysOfRecord.set(row.record_id, [row.key]);
  }
  const index = new MemoryFingerprintIndex();
  for (const row of stored) {
    const keys = keysOfRecord.get(row.record_id);
    if (keys) index.add(fingerprintOfRow(row), keys);
  }
  return filed.map(({ fingerprint, keys, supersedes }) => {
    const candidates = keys.length === 0 ? [] : index.lookup(keys);
    const links = judgeDuplicates(fingerprint, candidates).map((link): DuplicateLink =>
      link.id === supersedes ? { ...link, kind: 'version', evidence: 'same url' } : link,
    );
    index.add(fingerprint, keys);
    return { fingerprint, keys, links };
  });
}

/** One duplicate link as the backends select it for `duplicatesOf`: the other record's articles row, and the link. */
export interface DuplicateRow extends ArticleRow {
  kind: DuplicateKind;
  evidence: DuplicateEvidence;
  similarity: number;
}

/** A selected duplicate row as the contract's DuplicateOf. */
export function duplicateOf(row: DuplicateRow): DuplicateOf {
  return { ...articleMeta(row), kind: row.kind, evidence: row.evidence, similarity: row.similarity };
}

/**
 * The independent sources among `ids`, with groups closed over every stored link: `linksTouching`
 * gives the links with either end among the ids it is given, and is asked again for the records
 * each round reaches, until no new one is reached (the records of one group of copies and versions).
 */
export async function closedSources(ids: readonly string[], linksTouching: (ids: string[]) => Promise<DuplicatePair[]>): Promise<IndependentSources> {
  const reached = new Set(ids);
  const links: DuplicatePair[] = [];
  let frontier = [...reached];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const link of await linksTouching(frontier)) {
      links.push(link);
      for (const end of [link.a, link.b]) {
        if (!reached.has(end)) {
          reached.add(end);
          next.push(end);
        }
      }
    }
    frontier = next;
  }
  return independentSources(ids, links);
}

/**
 * Checks of the near-duplicate tables for a store's integrityProblems, in SQL both backends run:
 * what each counts, and the query counting it (one row, one column). A store reports
 * `${count} ${what}` for each that counts more than 0.
 */
export const DUPLICATE_CHECKS: readonly [string, string][] = [
  [
    'records without a fingerprint',
    'SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.record_id = a.id) AND NOT EXISTS (SELECT 1 FROM fingerprint_backfill)',
  ],
  [
    'fingerprint or key rows of records not stored',
    `SELECT (SELECT count(*) FROM fingerprints f WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = f.record_id))
          + (SELECT count(*) FROM fingerprint_keys k WHERE NOT EXISTS (SELECT 1 FROM fingerprints f WHERE f.record_id = k.record_id)) AS count`,
  ],
  [
    'duplicate links to records not stored',
    `SELECT count(*) FROM duplicates d WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.record_id)
                                       OR NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = d.other_id)`,
  ],
];
