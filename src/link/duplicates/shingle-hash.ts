// 32-bit hashing of words and shingles, done here rather than by a library or node:crypto:
// - fingerprints and band keys are stored, so a hash must give the same value on every machine,
//   Node version and release of Dossier; these functions are fixed integer arithmetic (Math.imul,
//   shifts), nothing platform- or version-dependent, and a change to them is a visible change here;
// - a fingerprint hashes every word and every 5-word shingle of an article (~1,500 hashes) and
//   MinHash remixes each shingle hash 126 times: a SHA digest per item would cost ~100x more, and
//   JavaScript has no built-in non-cryptographic string hash.
// The mixing steps are MurmurHash3's (Appleby, public domain): its 32-bit block step to absorb a
// value and its finaliser `fmix32`, which spreads every input bit over the whole output.

/** MurmurHash3's finaliser: a bijection on 32-bit integers with full avalanche. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Absorbs one 32-bit value into a running MurmurHash3 state. */
export function mixIn(state: number, value: number): number {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let h = state ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** The 32-bit hash of a string's UTF-16 code units (FNV-1a, finalised by fmix32 so that short words spread). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** The 32-bit hash of a sequence of 32-bit values `values[from..to)`, order-sensitive. */
export function hashSequence(values: ArrayLike<number>, from: number, to: number, seed = 0): number {
  let h = seed | 0;
  for (let i = from; i < to; i++) h = mixIn(h, values[i]!);
  return fmix32(h ^ (to - from));
}

/**
 * `count` 32-bit seeds from a fixed start (SplitMix32-style steps): the same seeds on every run,
 * which the stored band keys depend on.
 */
export function fixedSeeds(count: number, start: number): Uint32Array {
  const out = new Uint32Array(count);
  let x = start | 0;
  for (let i = 0; i < count; i++) {
    x = (x + 0x9e3779b9) | 0;
    out[i] = fmix32(x);
  }
  return out;
}

/** Eight lower-case hex digits of a 32-bit value. */
export function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/**
 * A deterministic stream of floats in [0, 1) for building test sets: the k-th value is the hash of
 * (salt, seed, k). Streams of different seeds are unrelated, unlike those of a Weyl-sequence generator
 * such as mulberry32, whose streams are shifted copies of one another: among 100,000 seeds, dozens
 * of pairs then draw the same run of values (and a set built from them, the same run of paragraphs).
 */
export function hashStream(seed: number, salt = 0): () => number {
  const start = mixIn(mixIn(0x2545f491, salt), seed);
  let k = 0;
  return () => fmix32(mixIn(start, k++)) / 4294967296;
}
