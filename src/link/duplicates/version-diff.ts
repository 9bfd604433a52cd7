// What changed between two versions of an article, paragraph by paragraph, and which figures
// changed value: "24 living hostages" in one version, "22 living hostages" in the next. Paragraphs
// are compared by their normalised words (article-words.ts), so white space, quote styles and
// furniture lines are no change. Pure: two records in, one diff out.
//
// Steps: (1) paragraphs with the same words are paired, in order; (2) the rest are paired when
// their words are mostly the same (Dice similarity of the word multisets >= CHANGED_SIMILARITY),
// best pairs first; (3) of all pairs, those outside a longest run that keeps its order in both
// texts have moved; (4) unpaired paragraphs were removed or added. Figures are compared inside
// changed pairs only (a paragraph with the same words has the same figures): figures counting
// the same thing in the same unit are paired, equal ones first, and a pair whose value or hedge
// differs is a figure change.
import type { Figure } from '../../model/layers.ts';
import type { AnalysisRecord } from '../../model/record.ts';
import type { TextSpan } from '../../model/span.ts';
import { normalWords, paragraphsOf, type Paragraph } from './article-words.ts';

/** How a paragraph differs: added, removed, moved with the same words, or its words changed. */
export type ParagraphChangeKind = 'added' | 'removed' | 'moved' | 'changed';

/** One paragraph difference; `before` spans the older text, `after` the newer. */
export interface ParagraphChange {
  kind: ParagraphChangeKind;
  before: TextSpan | null;
  after: TextSpan | null;
  /** For a changed paragraph: whether it also changed place (always true for `moved`). */
  moved: boolean;
}

/** A figure counting the same thing in both versions, with another value or hedge; spans point into each version's text. */
export interface FigureChange {
  before: Figure;
  after: Figure;
}

/** The differences between two versions: paragraph changes (paired and added in the newer text's order, then removed ones in the older text's order) and figure changes. */
export interface VersionDiff {
  paragraphs: ParagraphChange[];
  figures: FigureChange[];
}

/** The lowest word similarity (Dice over word multisets) at which two paragraphs are one paragraph changed rather than one removed and one added. */
export const CHANGED_SIMILARITY = 0.5;

type VersionSide = Pick<AnalysisRecord, 'text' | 'figures'>;

/** The diff from `before` to `after`. */
export function versionDiff(before: VersionSide, after: VersionSide): VersionDiff {
  const old = paragraphsOf(before.text);
  const now = paragraphsOf(after.text);
  const pairs = pairParagraphs(old, now);
  const inOrder = longestOrderedRun(pairs);

  const changes: ParagraphChange[] = [];
  const figures: FigureChange[] = [];
  const pairOfNew = new Map(pairs.map((p, i) => [p.now, i]));
  const pairedOld = new Set(pairs.map((p) => p.old));
  for (let j = 0; j < now.length; j++) {
    const i = pairOfNew.get(j);
    if (i === undefined) {
      changes.push({ kind: 'added', before: null, after: now[j]!.span, moved: false });
      continue;
    }
    const pair = pairs[i]!;
    const moved = !inOrder.has(i);
    if (pair.same && !moved) continue;
    const b = old[pair.old]!.span;
    const a = now[j]!.span;
    changes.push({ kind: pair.same ? 'moved' : 'changed', before: b, after: a, moved });
    if (!pair.same) figures.push(...figureChanges(within(before.figures, b), within(after.figures, a)));
  }
  for (let i = 0; i < old.length; i++) {
    if (!pairedOld.has(i)) changes.push({ kind: 'removed', before: old[i]!.span, after: null, moved: false });
  }
  return { paragraphs: changes, figures };
}

interface ParagraphPair {
  old: number;
  now: number;
  /** Same words. */
  same: boolean;
}

function pairParagraphs(old: Paragraph[], now: Paragraph[]): ParagraphPair[] {
  const pairs: ParagraphPair[] = [];
  const waiting = new Map<string, number[]>();
  old.forEach((p, i) => {
    const k = p.words.join(' ');
    const list = waiting.get(k);
    if (list) list.push(i);
    else waiting.set(k, [i]);
  });
  const oldFree = new Set(old.map((_, i) => i));
  const nowFree = new Set<number>();
  now.forEach((p, j) => {
    const i = waiting.get(p.words.join(' '))?.shift();
    if (i === undefined) nowFree.add(j);
    else {
      pairs.push({ old: i, now: j, same: true });
      oldFree.delete(i);
    }
  });
  const scored: { i: number; j: number; score: number }[] = [];
  for (const i of oldFree) {
    const counts = wordCounts(old[i]!.words);
    for (const j of nowFree) {
      const score = dice(counts, old[i]!.words.length, now[j]!.words);
      if (score >= CHANGED_SIMILARITY) scored.push({ i, j, score });
    }
  }
  scored.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  for (const s of scored) {
    if (!oldFree.has(s.i) || !nowFree.has(s.j)) continue;
    oldFree.delete(s.i);
    nowFree.delete(s.j);
    pairs.push({ old: s.i, now: s.j, same: false });
  }
  return pairs;
}

function wordCounts(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Dice similarity of two word multisets, the first given by its counts and size. */
function dice(counts: Map<string, number>, size: number, words: readonly string[]): number {
  const left = new Map(counts);
  let common = 0;
  for (const w of words) {
    const n = left.get(w) ?? 0;
    if (n > 0) {
      common++;
      left.set(w, n - 1);
    }
  }
  return (2 * common) / (size + words.length);
}

/** Indices (into `pairs`) of a longest set of pairs whose order is the same in both texts: the paragraphs that did not move. */
function longestOrderedRun(pairs: ParagraphPair[]): Set<number> {
  const order = pairs.map((_, i) => i).sort((x, y) => pairs[x]!.old - pairs[y]!.old);
  // Patience sorting over the newer positions, with back links to rebuild one longest run.
  const tails: number[] = [];
  const back = new Array<number>(order.length).fill(-1);
  for (let k = 0; k < order.length; k++) {
    const value = pairs[order[k]!]!.now;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[order[tails[mid]!]!]!.now < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) back[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const kept = new Set<number>();
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = back[k]!) kept.add(order[k]!);
  return kept;
}

function within(figures: readonly Figure[], span: TextSpan): Figure[] {
  return figures.filter((f) => f.start >= span.start && f.end <= span.end);
}

/** What a figure counts, for pairing: its counted words and unit. */
function figureKey(f: Figure): string {
  return `${normalWords(f.counts ?? '').join(' ')}|${f.unit ?? ''}`;
}

const sameValue = (a: Figure, b: Figure) => a.low === b.low && a.high === b.high && (a.hedge ?? '') === (b.hedge ?? '');

/** Figure changes between the figures of one paragraph in two versions. */
function figureChanges(old: Figure[], now: Figure[]): FigureChange[] {
  const out: FigureChange[] = [];
  const byKey = new Map<string, { old: Figure[]; now: Figure[] }>();
  const groupOf = (f: Figure) => {
    const k = figureKey(f);
    let g = byKey.get(k);
    if (!g) byKey.set(k, (g = { old: [], now: [] }));
    return g;
  };
  for (const f of old) groupOf(f).old.push(f);
  for (const f of now) groupOf(f).now.push(f);
  for (const group of byKey.values()) {
    // Unchanged figures first, so that a changed one is paired with its own counterpart.
    const oldLeft = [...group.old];
    const nowLeft: Figure[] = [];
    for (const f of group.now) {
      const k = oldLeft.findIndex((g) => sameValue(g, f));
      if (k >= 0) oldLeft.splice(k, 1);
      else nowLeft.push(f);
    }
    for (let k = 0; k < Math.min(oldLeft.length, nowLeft.length); k++) out.push({ before: oldLeft[k]!, after: nowLeft[k]! });
  }
  return out.sort((x, y) => x.after.start - y.after.start);
}
