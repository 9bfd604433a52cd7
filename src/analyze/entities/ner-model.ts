// Our statistical named-entity tagger for news: an averaged perceptron over BIO labels with
// greedy left-to-right decoding that never makes an invalid transition (I-X only after B-X/I-X).
// Trained by `npm run train:entities` (scripts/train-entities.ts); the weights are committed in
// ./model and loaded once. Features: ner-features.ts.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Span } from '../../model/span.ts';
import { gazetteerMatches, isOrgHeadWord, isTitleWord } from './gazetteer.ts';
import { LABELS, allowed, documentCues, historyFeatures, lowerCaseWords, sentenceFeatures, type FeatureInput } from './ner-features.ts';

/** A name the tagger found: a character span `[start, end)` into the text it was given, and its type. */
export interface NerMention {
  start: number;
  end: number;
  type: 'PERSON' | 'ORG' | 'LOC' | 'NORP' | 'EVENT';
}

/** A loaded tagger. `tokens` and `sentences` are spans into `text` (the tokens and sentences layers). */
export interface NerModel {
  tag(text: string, tokens: readonly Span[], sentences: readonly Span[]): NerMention[];
}

/** Scores every label for one word: adds the weights of `features` into `out` (length LABELS.length). */
export type Scorer = (features: readonly string[], out: Float64Array) => void;

const L = LABELS.length;
const O = 0;

/** Greedy constrained decoding of one sentence; `onWord` sees each word's features and the label chosen (training uses it to update). */
export function decodeSentence(
  sentence: { features: string[][]; shapes: string[]; lower: string[] },
  score: Scorer,
  onWord?: (i: number, features: string[], predicted: number) => number,
): number[] {
  const out: number[] = [];
  const scores = new Float64Array(L);
  let prev = O;
  let prev2 = O;
  for (let i = 0; i < sentence.features.length; i++) {
    const history = historyFeatures(LABELS[prev]!, LABELS[prev2]!, sentence.shapes[i]!, sentence.lower[i]!);
    scores.fill(0);
    score(sentence.features[i]!, scores);
    score(history, scores);
    let best = O;
    let bestScore = -Infinity;
    for (let y = 0; y < L; y++) {
      if (!allowed(prev, y)) continue;
      if (scores[y]! > bestScore) {
        bestScore = scores[y]!;
        best = y;
      }
    }
    // Training may substitute the gold label to keep the history on track.
    const label = onWord ? onWord(i, sentence.features[i]!.concat(history), best) : best;
    out.push(label);
    prev2 = prev;
    prev = label;
  }
  return out;
}

/** Token spans of the entities in a label sequence: `[start, end)` in token indices and the type ("PER", "ORG", …). */
export function spansOfLabels(labels: readonly number[]): { start: number; end: number; type: string }[] {
  const out: { start: number; end: number; type: string }[] = [];
  let open: { start: number; end: number; type: string } | null = null;
  labels.forEach((y, i) => {
    const l = LABELS[y]!;
    if (l === 'O' || l.startsWith('B-')) {
      if (open) out.push(open);
      open = l === 'O' ? null : { start: i, end: i + 1, type: l.slice(2) };
    } else if (open) open.end = i + 1;
  });
  if (open) out.push(open);
  return out;
}

/** The words of a text's tokens and, per token, whether it starts a sentence. */
export function featureInput(text: string, tokens: readonly Span[], sentences: readonly Span[]): FeatureInput & { bounds: [number, number][] } {
  const words = tokens.map((t) => text.slice(t.start, t.end));
  const sentenceStart = new Array<boolean>(tokens.length).fill(false);
  const bounds: [number, number][] = [];
  let k = 0;
  for (const s of sentences) {
    while (k < tokens.length && tokens[k]!.start < s.start) k++;
    const from = k;
    while (k < tokens.length && tokens[k]!.end <= s.end) k++;
    if (k > from) {
      sentenceStart[from] = true;
      bounds.push([from, k]);
    }
  }
  return { words, sentenceStart, lowerSeen: lowerCaseWords(words), cues: documentCues(words), bounds };
}

const TYPE_NAMES: Record<string, NerMention['type']> = { PER: 'PERSON', ORG: 'ORG', LOC: 'LOC', NORP: 'NORP', EVENT: 'EVENT' };

/** A tagger over a scorer: the committed model, or a model in training. */
export function taggerOf(score: Scorer): NerModel {
  return {
    tag(text, tokens, sentences) {
      const input = featureInput(text, tokens, sentences);
      const mentions: NerMention[] = [];
      for (const [from, to] of input.bounds) {
        const labels = decodeSentence(sentenceFeatures(input, from, to), score);
        for (const m of refine(input.words.slice(from, to), spansOfLabels(labels))) {
          mentions.push({ start: tokens[from + m.start]!.start, end: tokens[from + m.end - 1]!.end, type: TYPE_NAMES[m.type]! });
        }
      }
      return mentions;
    },
  };
}

type TokenSpan = { start: number; end: number; type: string };
const GAZETTEER_TYPES: Record<string, string> = { GPE: 'LOC', LOC: 'LOC', ORG: 'ORG', NORP: 'NORP' };
// Titles and modifiers that are part of an office, not of the person ("Strategic Affairs Minister Ron Dermer").
const NOT_PERSON_TITLES = new Set(['national', 'security', 'foreign', 'defense', 'defence', 'interior', 'finance', 'press', 'senior', 'former', 'acting', 'interim', 'general', 'star', 'head', 'crown', 'security']);

/**
 * Refiners over one sentence's predicted spans (token indices into `words`):
 *  - a listed gazetteer phrase that a prediction overlaps wins with its own extent and type
 *    ("International Court of Justice" tagged as two pieces, "White House" typed LOC, "Qatari" ORG);
 *  - a span with a title word before capitalised words keeps only the person after the title
 *    ("Israeli Strategic Affairs Minister Ron Dermer" → "Ron Dermer", PERSON).
 */
function refine(words: readonly string[], spans: TokenSpan[]): TokenSpan[] {
  let out = spans;
  for (const g of gazetteerMatches(words)) {
    const hit = out.filter((m) => m.start < g.end && g.start < m.end);
    if (hit.length === 0) continue;
    // Only when the listed phrase covers what was predicted (a longer name around it stays).
    if (hit.some((m) => m.start < g.start || m.end > g.end)) continue;
    out = out.filter((m) => !hit.includes(m));
    out.push({ start: g.start, end: g.end, type: GAZETTEER_TYPES[g.type]! });
  }
  const split: TokenSpan[] = [];
  for (const m of out) {
    let cut = -1;
    for (let k = m.start; k < m.end - 1; k++) {
      const w = words[k]!.replace(/\.$/, '');
      if (isTitleWord(w) && !NOT_PERSON_TITLES.has(w.toLowerCase()) && /^\p{Lu}/u.test(words[k + 1]!)) cut = k + 1;
    }
    if (cut > 0 && m.end - cut <= 3 && !isOrgHeadWord(words[m.end - 1]!)) split.push({ start: cut, end: m.end, type: 'PER' });
    else split.push(m);
  }
  return split.sort((a, b) => a.start - b.start);
}

/** What the model folder holds: feature names in ner-model.json, weights as little-endian int16 (× scale) in ner-weights.bin, LABELS.length a feature. */
export interface ModelHeader {
  labels: string[];
  scale: number;
  features: string[];
  trainedOn: string;
}

export const MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), 'model');

/** A scorer over dense weights: row r of `weights` holds feature `r`'s weight for every label. */
export function scorerOf(index: ReadonlyMap<string, number>, weights: Float32Array | Int16Array, scale = 1): Scorer {
  return (features, out) => {
    for (const f of features) {
      const row = index.get(f);
      if (row === undefined) continue;
      const base = row * L;
      for (let y = 0; y < L; y++) out[y]! += weights[base + y]! * scale;
    }
  };
}

let cached: NerModel | null = null;

/** The committed model, loaded on first use and then shared. Throws naming the file if it is missing or does not fit LABELS. */
export function loadNerModel(): NerModel {
  return committedModel();
}

function committedModel(): NerModel {
  if (cached) return cached;
  const headerPath = join(MODEL_DIR, 'ner-model.json');
  const header = JSON.parse(readFileSync(headerPath, 'utf8')) as ModelHeader;
  if (header.labels.join() !== LABELS.join()) throw new Error(`${headerPath}: labels ${header.labels.join()} do not match the tagger's ${LABELS.join()}`);
  const buf = readFileSync(join(MODEL_DIR, 'ner-weights.bin'));
  const weights = new Int16Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  if (weights.length !== header.features.length * L) throw new Error(`${MODEL_DIR}: ${weights.length} weights for ${header.features.length} features`);
  const index = new Map<string, number>();
  header.features.forEach((f, i) => index.set(f, i));
  cached = taggerOf(scorerOf(index, weights, header.scale));
  return cached;
}
