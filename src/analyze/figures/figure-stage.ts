// The figures stage: numbers the article states, as intervals with hedge, unit, what they count,
// who asserts them and the date they describe. Sentence by sentence, finders propose numbers
// (number-finder.ts), drop those inside dates, times and addresses (non-figure-spans.ts), attach
// currency and unit (unit-finder.ts), join intervals (range-finder.ts), find the hedge
// (hedge-finder.ts) and the counted noun (counted-noun.ts); a refiner drops what is no figure
// (non-figure-filter.ts); resolvers compute the interval (figure-interval.ts), follow "half of
// them" back to its figure (fraction-resolver.ts), and find the claimant in the quotes layer
// (claimant-resolver.ts) and the as-of date (as-of-resolver.ts).
import type { Stage } from '../stage.ts';
import type { Doc } from '../../model/doc.ts';
import type { Figure } from '../../model/layers.ts';
import { textSpan, type Span } from '../../model/span.ts';
import { findNumbers } from './number-finder.ts';
import { findNonFigureSpans, insideAny } from './non-figure-spans.ts';
import { attachUnit } from './unit-finder.ts';
import { joinRanges } from './range-finder.ts';
import { hedgeAfter, hedgeBefore } from './hedge-finder.ts';
import { countedAfter, countedAfterDeterminer, countedBefore, countsPeople } from './counted-noun.ts';
import type { FigureCandidate } from './figure-candidate.ts';
import { nonFigureReason, type FilterContext } from './non-figure-filter.ts';
import { intervalOf } from './figure-interval.ts';
import { resolveAnaphora, type FigureDraft } from './fraction-resolver.ts';
import { claimantResolver } from './claimant-resolver.ts';
import { asOfDate, statedAsOf } from './as-of-resolver.ts';
import { alternation, ANAPHORIC_HEADS, ELLIPSIS_CUES } from './figure-lexicon.ts';
import { overlapsSorted } from './span-lookup.ts';

/**
 * Adds `figures`: every figure of the text, in text order, spans never overlapping. It reads
 * sentences, entities (names and nationalities) and quotes (claimants, statement dates), and
 * declares just those: the pipeline sees to it that what the quotes stage needs comes first.
 */
export const figureStage: Stage = {
  name: 'figures',
  requires: ['sentences', 'entities', 'quotes'],
  adds: ['figures'],
  run: (doc) => ({ figures: findFigures(doc) }),
};

/** The figures of a Doc whose earlier layers are computed. */
export function findFigures(doc: Doc): Figure[] {
  const { text } = doc;
  const sentences = doc.layers.sentences ?? [];
  const entities = doc.layers.entities ?? [];
  const mentions = entities.flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  const nationalities = entities.filter((e) => e.type === 'NORP').flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  const places = entities.filter((e) => e.type === 'GPE' || e.type === 'LOC').flatMap((e) => e.mentions).sort((a, b) => a.start - b.start);
  const candidates = findCandidates(doc, sentences, mentions, places);
  if (candidates.length === 0) return [];

  const claimants = claimantResolver(doc.layers.quotes ?? [], entities);
  const published = doc.meta.published.date;
  const stated = new Map<number, string | null>();
  const drafts: FigureDraft[] = candidates.map((c) => draftOf(text, c, nationalities));
  const resolved = resolveAnaphora(drafts);

  const figures: Figure[] = [];
  resolved.forEach((d, i) => {
    const c = candidates[i]!;
    const sentence = sentences[c.sentence]!;
    if (!stated.has(c.sentence)) stated.set(c.sentence, statedAsOf(text, sentence));
    const quote = claimants.quoteOf(c.measure);
    figures.push({
      ...textSpan(text, c.start, c.end),
      low: d.interval.low,
      high: d.interval.high,
      hedge: d.hedge,
      unit: d.unit,
      counts: d.counts,
      claimant: claimants.claimantOf(quote),
      asOf: asOfDate(stated.get(c.sentence) ?? null, quote?.date ?? null, published),
    });
  });
  return figures;
}

/** Proposed figures of every sentence, refined: non-figures dropped, overlaps removed. */
function findCandidates(doc: Doc, sentences: readonly Span[], mentions: readonly Span[], places: readonly Span[]): FigureCandidate[] {
  const { text } = doc;
  const out: FigureCandidate[] = [];
  const title = doc.meta.title;
  sentences.forEach((sentence, index) => {
    const numbers = findNumbers(text, sentence.start, sentence.end);
    if (numbers.length === 0) return;
    const excluded = numbers.some((n) => n.form === 'digits') ? findNonFigureSpans(text, sentence.start, sentence.end) : [];
    const quantities = numbers.filter((n) => !insideAny(excluded, n.start, n.end)).map((n) => attachUnit(text, n, sentence));
    const context: FilterContext = {
      text,
      sentence,
      titleCase: isTitleCase(text.slice(sentence.start, sentence.end)) || (title !== null && sentence.start >= title.start && sentence.end <= title.end && isTitleCase(title.text)),
      mentions,
      places,
    };
    for (const measure of joinRanges(text, quantities, sentence)) {
      // A run of digits too long for a double ("1,000,000,…" over 300 digits) states no usable value.
      if (!Number.isFinite(measure.low) || !Number.isFinite(measure.high)) continue;
      const candidate = candidateOf(text, measure, sentence, index);
      if (nonFigureReason(candidate, context) !== null) continue;
      const previous = out[out.length - 1];
      if (previous && candidate.start < previous.end) {
        // Spans never overlap: what a figure reads backwards (its hedge, "the bodies of") gives way to the figure before.
        if (candidate.measure.start < previous.end) continue;
        const hedge = candidate.hedge;
        const hedgeFollows = hedge !== null && hedge.start >= candidate.measure.end;
        const keepsHedge = hedge !== null && (hedgeFollows || hedge.start >= previous.end);
        const start = hedge !== null && keepsHedge && !hedgeFollows ? hedge.start : candidate.measure.start;
        out.push({ ...candidate, start, hedge: keepsHedge ? hedge : null, countedBefore: null });
        continue;
      }
      out.push(candidate);
    }
  });
  return out;
}

/** A measure with its hedge and what it counts, and the span that covers them. */
function candidateOf(text: string, measure: FigureCandidate['measure'], sentence: Span, index: number): FigureCandidate {
  const before = hedgeBefore(text, measure.start, sentence.start);
  const after = before ? null : hedgeAfter(text, measure.end, sentence.end);
  const hedge = before ?? after;
  const countFrom = after ? after.end : measure.end;
  const n = measure.first.number;
  // "half its remaining hostages": a fraction in words reads its noun through a determiner.
  const counted = (n.fraction && n.form === 'words' ? countedAfterDeterminer(text, countFrom, sentence.end) : null) ?? countedAfter(text, countFrom, sentence.end);
  const back = counted === null || (counted.anaphoric && ANAPHORIC_HEADS.has(counted.text)) ? countedBefore(text, before?.start ?? measure.start, sentence.start) : null;
  const start = Math.min(back?.start ?? Infinity, before?.start ?? Infinity, measure.start);
  const end = Math.max(counted?.end ?? 0, after?.end ?? 0, measure.end);
  return { start, end, measure, sentence: index, hedge, counted, countedBefore: back };
}

const ELLIPSIS_BEFORE = new RegExp(`(?<![\\p{L}])(?:${alternation(ELLIPSIS_CUES)})[ \\t\\u00a0]+$`, 'iu');

/** The stage's own record of a figure before anaphora and claimants are resolved. */
function draftOf(text: string, c: FigureCandidate, nationalities: readonly Span[]): FigureDraft {
  const { measure, counted } = c;
  const interval = intervalOf(measure, c.hedge?.entry.bound ?? null);
  // "6 million homes, including 1.5 million in Los Angeles": a bare number after such a cue counts what the figure before counts.
  const elided = counted === null && c.countedBefore === null && measure.unit === null && !measure.first.number.fraction && ELLIPSIS_BEFORE.test(text.slice(Math.max(0, c.start - 24), c.start));
  const anaphoric = elided || (counted !== null && counted.anaphoric && c.countedBefore === null);
  const counts = c.countedBefore?.text ?? (counted && !counted.anaphoric ? counted.text : null);
  // A fraction of no figure is a share of what it counts ("half its remaining hostages" → 0.5 of them).
  const fraction = measure.first.number.fraction && measure.unit === null;
  let unit = measure.unit;
  if (unit === null && fraction && !anaphoric) unit = 'fraction';
  if (unit === null && counts !== null && countsPeopleAt(text, c, counts, nationalities)) unit = 'person';
  return {
    sentence: c.sentence,
    interval,
    hedge: c.hedge?.entry.hedge ?? null,
    unit,
    counts,
    fraction,
    anaphor: anaphoric ? { predicate: counted?.predicate ?? null } : null,
  };
}

/** Whether the counted head noun counts people: a person noun, a nationality word, or a NORP mention ("Palestinians"); `nationalities` sorted by start. */
function countsPeopleAt(text: string, c: FigureCandidate, counts: string, nationalities: readonly Span[]): boolean {
  const head = counts.slice(counts.lastIndexOf(' ') + 1);
  if (countsPeople(head)) return true;
  const source = c.countedBefore ?? c.counted;
  if (!source) return false;
  const headEnd = source.end;
  const headStart = headEnd - head.length;
  return text.slice(headStart, headEnd) === head && overlapsSorted(nationalities, headStart, headEnd, (m) => m.start <= headStart && headEnd <= m.end);
}

/** A headline in title case: most words of four letters or more are capitalised. */
function isTitleCase(sentence: string): boolean {
  const words = sentence.match(/\p{L}{4,}/gu) ?? [];
  if (words.length < 3) return false;
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.8;
}
