// The duplicate judge: is a new article a copy or a version of articles already stored? Pure, in
// the manner of the entity linker (../entities/entity-linker.ts): the store answers one keyed
// lookup (the fingerprints of the articles filed under any of the new article's keys, see
// lookupKeys), the judge decides, and the plan says which keys to file the article under and
// which links to record. No I/O, no clock, no randomness: the same fingerprints always give the
// same plan, in candidate id order.
//
// Rules, per candidate (the band keys only choose candidates; every "yes" is checked on the full
// shingle sets, so a stray candidate costs time, never precision):
//   copy     the same normalised wording (text hash): white space, quote styles, case and page
//            furniture aside, the same text, headline included             -> "same text"
//   version  the same URL: an update of the article at that address, however much it changed
//            (the store's own rule for versions)                           -> "same url"
//            or both texts have at least MIN_SHINGLES shingles and the Jaccard similarity of their
//            shingle sets is at least VERSION_JACCARD: the same article lightly edited (headline
//            changed, paragraphs reordered, added or trimmed, a few words or figures changed)
//                                                                          -> "light edit"
//   else     nothing. Two reports of one event share quotes and wire sentences, rarely half of
//            their shingles. On the dev articles (eval/duplicates.eval.ts): of the 2,925 pairs of
//            different ECB+ reports of one event, 18 reach 0.5, and each is one wire story run by
//            two outlets (checked paragraph by paragraph); of PolNeAR's 426,000 pairs, the 7 at 0.5
//            or more are one outlet's story and its update or repeat, and the next pair is at 0.12.
// Containment alone (a short text wholly inside a long one) is not enough: an article quoting a
// whole statement would be a "version" of the statement, and the blocking guarantees recall only
// from Jaccard 0.5 (fingerprint.ts).
import { lookupKeys, MIN_SHINGLES, type Fingerprint } from './fingerprint.ts';

/** A copy (same text) or a version (same article, edited or updated). */
export type DuplicateKind = 'copy' | 'version';

/** Why two articles were judged duplicates. */
export type DuplicateEvidence = 'same text' | 'same url' | 'light edit';

/** The lowest Jaccard similarity of shingle sets judged a light edit. */
export const VERSION_JACCARD = 0.5;

/** How two fingerprints compare: shared shingles over the union (jaccard) and over the smaller set (containment). */
export interface Resemblance {
  jaccard: number;
  containment: number;
}

/** One stored article the new article duplicates, and the measures the verdict rests on. */
export interface DuplicateLink extends Resemblance {
  /** The stored article's id. */
  id: string;
  kind: DuplicateKind;
  evidence: DuplicateEvidence;
}

/** What storing one article changes: the keys to file it under, and its links to stored articles (candidate id order). */
export interface DuplicatePlan {
  keys: string[];
  links: DuplicateLink[];
}

/** A synchronous lookup: the fingerprints of the stored articles filed under any of `keys`, each once. */
export type DuplicateLookup = (keys: readonly string[]) => readonly Fingerprint[];

/** Resemblance of two shingle sets, exact (a merge of the two sorted hash lists). */
export function resemblance(a: Uint32Array, b: Uint32Array): Resemblance {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  const smaller = Math.min(a.length, b.length);
  return { jaccard: union === 0 ? 0 : shared / union, containment: smaller === 0 ? 0 : shared / smaller };
}

/** The verdict on one pair, or null when they are not duplicates. Symmetric. */
export function judgePair(a: Fingerprint, b: Fingerprint): Omit<DuplicateLink, 'id'> | null {
  const r = resemblance(a.shingles, b.shingles);
  if (a.textHash !== null && a.textHash === b.textHash) return { kind: 'copy', evidence: 'same text', ...r };
  if (a.url !== null && a.url === b.url) return { kind: 'version', evidence: 'same url', ...r };
  const judgeable = a.shingles.length >= MIN_SHINGLES && b.shingles.length >= MIN_SHINGLES;
  if (judgeable && r.jaccard >= VERSION_JACCARD) return { kind: 'version', evidence: 'light edit', ...r };
  return null;
}

/** The links of `fingerprint` to each candidate judged a duplicate, in candidate id order; the article itself is skipped. */
export function judgeDuplicates(fingerprint: Fingerprint, candidates: readonly Fingerprint[]): DuplicateLink[] {
  const seen = new Set<string>();
  const links: DuplicateLink[] = [];
  for (const c of [...candidates].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    if (c.id === fingerprint.id || seen.has(c.id)) continue;
    seen.add(c.id);
    const verdict = judgePair(fingerprint, c);
    if (verdict !== null) links.push({ id: c.id, ...verdict });
  }
  return links;
}

/** The plan for one article against a synchronous lookup. For an asynchronous store: keys = lookupKeys(fp); judgeDuplicates(fp, await lookup(keys)). */
export function planDuplicates(fingerprint: Fingerprint, lookup: DuplicateLookup): DuplicatePlan {
  const keys = lookupKeys(fingerprint);
  return { keys, links: keys.length === 0 ? [] : judgeDuplicates(fingerprint, lookup(keys)) };
}
