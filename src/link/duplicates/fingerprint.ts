// An article's fingerprint for near-duplicate finding: the set of its word shingles (every run of
// SHINGLE_WORDS consecutive normalised words, hashed to 32 bits, kept sorted), the hash of its
// whole normalised wording (equal for copies), and its URL. The judge compares full shingle sets,
// so what it says is exact; the MinHash signature only chooses which stored articles to compare
// (blocking), through band keys a store files in an index of (key, article id) rows.
//
// Shingles run across paragraph breaks, so white space and line wrapping never change them; a
// reordered paragraph costs the SHINGLE_WORDS - 1 shingles on each side of each seam it moves.
// The headline takes no part in the shingles when the record knows its span: a changed headline
// must still match, and on a short article a headline is a large share of the words. It does take
// part in the text hash, so two texts with different headlines are never "copies".
//
// Blocking arithmetic (Broder 1997; Leskovec, Rajaraman, Ullman, "Mining of Massive Datasets", 3.4).
// For a min-wise family, two sets with Jaccard similarity s get the same minimum under one hash
// with probability s. With BANDS bands of ROWS hashes each, two articles share at least one band
// key with probability P(s) = 1 - (1 - s^ROWS)^BANDS. With 42 bands x 3 rows (126 hashes):
//   s = 0.5: 1 - (1 - 0.125)^42  = 0.9963   (the lowest similarity the judge calls a version)
//   s = 0.6: 1 - 0.784^42        = 0.99996
//   s = 0.2: 0.29, s = 0.1: 0.041 (different articles on one story: compared, then refused)
//   s = 0.05: 0.0052, s = 0.01: 4.2e-5 (unrelated articles: almost never compared)
// 32 bands x 4 rows (128 hashes) would reach only 0.87 at s = 0.5, and 64 x 2 would compare 15% of
// all pairs at s = 0.05; 3 rows need the fewest hashes for > 0.99 at 0.5 with few stray candidates.
// A band key is a 32-bit hash of its 3 rows: two unrelated bands share a key with probability
// 2^-32, i.e. about one stray candidate per 1,000 lookups in a store of 100,000 articles.
import { createHash } from 'node:crypto';
import type { AnalysisRecord } from '../../model/record.ts';
import { contentWords } from './article-words.ts';
import { fixedSeeds, hashSequence, hashString, hex32 } from './shingle-hash.ts';

/**
 * Words per shingle. Shorter shingles raise the similarity of unrelated articles (pairs of ECB+
 * articles at Jaccard >= 0.05: 416 with 3 words, 278 with 4, 209 with 5, 180 with 6); longer ones
 * make each changed word cost more shingles. 5 is where the gain flattens.
 */
export const SHINGLE_WORDS = 5;
/** MinHash bands: one lookup key each (see the arithmetic above). */
export const BANDS = 42;
/** MinHash values per band. */
export const ROWS = 3;
/** Below this many shingles (about 24 words) a text is too short to judge an edit: only exact copies and same-URL versions are found. */
export const MIN_SHINGLES = 20;

const SEEDS = fixedSeeds(BANDS * ROWS, 0x5eed0001);

/** What the judge compares of an article; what a store keeps per article for duplicate finding. */
export interface Fingerprint {
  id: string;
  /** The article's URL, trimmed; null when unknown. */
  url: string | null;
  /** Hash of the article's normalised words, furniture lines left out, headline included; null for a text without words. */
  textHash: string | null;
  /** Distinct 32-bit hashes of the word shingles (headline left out), ascending. */
  shingles: Uint32Array;
}

/** The fingerprint of a record; reads only its id, text, headline span and URL. */
export function fingerprintOf(record: Pick<AnalysisRecord, 'id' | 'text' | 'title' | 'source'>): Fingerprint {
  const url = record.source.url?.trim() || null;
  const all = contentWords(record.text);
  const body = record.title === null ? all : contentWords(record.text, record.title);
  return {
    id: record.id,
    url,
    textHash: all.length === 0 ? null : createHash('sha256').update(all.join(' '), 'utf8').digest('hex').slice(0, 16),
    shingles: shingleSet(body),
  };
}

/** The distinct shingle hashes of a word sequence, ascending; a text shorter than one shingle is one shingle of all its words. */
export function shingleSet(words: readonly string[]): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const hashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) hashes[i] = hashString(words[i]!);
  const n = Math.max(1, words.length - SHINGLE_WORDS + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = hashSequence(hashes, i, Math.min(words.length, i + SHINGLE_WORDS));
  out.sort();
  let kept = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[i - 1]) out[kept++] = out[i]!;
  return out.slice(0, kept);
}

/** The MinHash signature of a shingle set: per seed, the least remixed hash (BANDS * ROWS values). */
export function minHashSignature(shingles: Uint32Array): Uint32Array {
  const size = SEEDS.length;
  const sig = new Uint32Array(size).fill(0xffffffff);
  for (let j = 0; j < shingles.length; j++) {
    const x = shingles[j]!;
    for (let i = 0; i < size; i++) {
      // fmix32(x ^ seed), inlined: this loop is most of a fingerprint's cost.
      let h = x ^ SEEDS[i]!;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      if (h >>> 0 < sig[i]!) sig[i] = h >>> 0;
    }
  }
  return sig;
}

/**
 * The keys a store files the article under and looks candidates up by: one per MinHash band
 * ("b7:1f3a9c20", only for texts of at least MIN_SHINGLES shingles), the text hash ("t:…") and the
 * URL ("u:…"). Articles sharing a key are the candidates the judge compares.
 */
export function lookupKeys(fingerprint: Fingerprint): string[] {
  const keys: string[] = [];
  if (fingerprint.shingles.length >= MIN_SHINGLES) {
    const sig = minHashSignature(fingerprint.shingles);
    for (let b = 0; b < BANDS; b++) keys.push(`b${b}:${hex32(hashSequence(sig, b * ROWS, (b + 1) * ROWS, b))}`);
  }
  if (fingerprint.textHash !== null) keys.push(`t:${fingerprint.textHash}`);
  if (fingerprint.url !== null) keys.push(`u:${createHash('sha256').update(fingerprint.url, 'utf8').digest('hex').slice(0, 16)}`);
  return keys;
}

/** A shingle set as bytes for a database column: 4 bytes per hash, little-endian whatever the platform. */
export function encodeShingles(shingles: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(shingles.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < shingles.length; i++) view.setUint32(i * 4, shingles[i]!, true);
  return bytes;
}

/** The shingle set `encodeShingles` wrote; throws on a length that is not a multiple of 4. */
export function decodeShingles(bytes: Uint8Array): Uint32Array {
  if (bytes.length % 4 !== 0) throw new Error(`a shingle set takes 4 bytes per hash; got ${bytes.length} bytes`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}
