// Where fingerprints are filed and found again, in process memory: for evaluations, benchmarks,
// tests, and the stores' planning of one batch (../../store/duplicate-rows.ts). The stores keep
// the same thing in tables: one row per (key, record id), indexed by key, and the fingerprint kept
// with the record (url, text hash, and the shingles as encodeShingles bytes: ~3 KB for a 700-word
// article); a lookup is then one indexed query, so its cost depends on how many articles share a
// key with the new one, not on how many are stored. An article has at most BANDS + 2 keys (44).
import type { Fingerprint } from './fingerprint.ts';

/** Fingerprints filed under keys (lookupKeys), in process memory; a lookup answers the duplicate judge's one question. */
export class MemoryFingerprintIndex {
  private readonly fingerprints: Fingerprint[] = [];
  private readonly slotOf = new Map<string, number>();
  // Most keys belong to one article: a bare slot number, an array only once a key is shared.
  private readonly byKey = new Map<string, number | number[]>();

  /** How many fingerprints are filed. */
  get size(): number {
    return this.fingerprints.length;
  }

  /** How many distinct keys are filed (for memory reports). */
  get keyCount(): number {
    return this.byKey.size;
  }

  /** The fingerprints filed under any of `keys`, each once, in filing order. */
  lookup(keys: readonly string[]): Fingerprint[] {
    const slots = new Set<number>();
    for (const key of keys) {
      const got = this.byKey.get(key);
      if (got === undefined) continue;
      if (typeof got === 'number') slots.add(got);
      else for (const s of got) slots.add(s);
    }
    return [...slots].sort((a, b) => a - b).map((s) => this.fingerprints[s]!);
  }

  /** Files a fingerprint under its keys (an id already present is filed again under the new keys). */
  add(fingerprint: Fingerprint, keys: readonly string[]): void {
    let slot = this.slotOf.get(fingerprint.id);
    if (slot === undefined) {
      slot = this.fingerprints.length;
      this.fingerprints.push(fingerprint);
      this.slotOf.set(fingerprint.id, slot);
    } else {
      this.fingerprints[slot] = fingerprint;
    }
    for (const key of keys) {
      const got = this.byKey.get(key);
      if (got === undefined) this.byKey.set(key, slot);
      else if (typeof got === 'number') {
        if (got !== slot) this.byKey.set(key, [got, slot]);
      } else if (!got.includes(slot)) got.push(slot);
    }
  }
}
