// Profile vectors and centroids: TF-IDF weights of an article's features, from the document counts
// of the articles linked so far (the store keeps them; the honest incremental behaviour, no
// background table), and the bounded centroids stories and sub-events keep.
//   weight(feature) = (1 + ln count) * ln((N + 1) / (df + 1) + 1) * FEATURE_WEIGHTS[kind]
// where N and df include the article being linked. An article's vector has unit length; a centroid
// is the sum of its members' vectors as weighed when each joined (weights are not revisited when
// counts change later: a stored centroid never needs the counts of its features again).
import { FEATURE_WEIGHTS, type FeatureKind } from './story-settings.ts';
import type { ArticleProfile } from './article-profile.ts';

/** A sparse vector: feature key -> weight. */
export type Vector = Map<string, number>;

/** A bounded centroid as stored: [feature key, weight], heaviest first (key order on ties). */
export type Centroid = [string, number][];

/** How many articles the store has linked, and in how many of them each asked-for feature occurs (a Map will do; undefined = 0). */
export interface DocumentCounts {
  articles: number;
  counts: { get(key: string): number | undefined };
}

/** The kind of a feature key ("w:quake" -> "w"); an unknown kind weighs nothing. */
function kindWeight(key: string): number {
  return FEATURE_WEIGHTS[key.slice(0, key.indexOf(':')) as FeatureKind] ?? 0;
}

/** The unit-length TF-IDF vector of a profile, counting the article itself among the documents. */
export function weighProfile(profile: ArticleProfile, documents: DocumentCounts): Vector {
  const n = documents.articles + 1;
  const out: Vector = new Map();
  let sum = 0;
  for (const [k, count] of profile.features) {
    const df = (documents.counts.get(k) ?? 0) + 1;
    const w = (1 + Math.log(count)) * Math.log((n + 1) / (df + 1) + 1) * kindWeight(k);
    if (w <= 0) continue;
    out.set(k, w);
    sum += w * w;
  }
  const norm = Math.sqrt(sum);
  if (norm > 0) for (const [k, w] of out) out.set(k, w / norm);
  return out;
}

/** True for a time key (ty:, tm:, td:, tmd:, tmo:). */
export const isTimeKey = (key: string): boolean => key.charCodeAt(0) === 116; // 't'

/**
 * The cosine of a unit vector and a centroid, and the cosine of their content parts alone (words,
 * pairs, entities; time keys left out of both): dates that agree support a match but never make
 * one alone. The content cosine is taken over the content parts, not as their share of the whole
 * cosine: an article naming many dates (time keys weigh 5) had its content share shrink below the
 * gate while its text matched (a Turkmen election report at cosine 0.40 had a share of 0.05).
 */
export function similarity(unit: Vector, centroid: Centroid, unitContent = contentWeight(unit)): { cosine: number; content: number } {
  let dot = 0;
  let contentDot = 0;
  let sum = 0;
  let contentSum = 0;
  for (const [k, w] of centroid) {
    sum += w * w;
    const time = isTimeKey(k);
    if (!time) contentSum += w * w;
    const u = unit.get(k);
    if (u === undefined) continue;
    dot += u * w;
    if (!time) contentDot += u * w;
  }
  if (sum === 0) return { cosine: 0, content: 0 };
  const content = contentSum === 0 || unitContent === 0 ? 0 : contentDot / Math.sqrt(contentSum * unitContent);
  return { cosine: dot / Math.sqrt(sum), content };
}

/** The squared length of a vector's content part (its entries but time keys): what similarity() needs of the unit vector, the same for every candidate. */
export function contentWeight(unit: Vector): number {
  let sum = 0;
  for (const [k, u] of unit) if (!isTimeKey(k)) sum += u * u;
  return sum;
}

/** The centroid plus a member's vector, cut to its `size` heaviest features. */
export function addToCentroid(centroid: Centroid, unit: Vector, size: number): Centroid {
  const sum = new Map(centroid);
  for (const [k, w] of unit) sum.set(k, (sum.get(k) ?? 0) + w);
  return heaviest(sum, size);
}

/** The `size` heaviest entries of a vector, heaviest first, key order on ties (deterministic). */
export function heaviest(vector: Vector, size: number): Centroid {
  let entries = [...vector];
  if (entries.length > size) {
    // The size-th weight by a typed-array sort (numbers only), then the object sort on what passes:
    // a centroid update sorts a few hundred entries instead of all of them.
    const weights = Float64Array.from(entries, (e) => -e[1]).sort();
    const cutoff = -weights[size - 1]!;
    entries = entries.filter((e) => e[1] >= cutoff);
  }
  return entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, size);
}
