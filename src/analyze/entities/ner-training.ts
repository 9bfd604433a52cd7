// Training of the named-entity tagger: gold mentions of the training corpora turned into BIO
// labels over our own tokens, and an averaged perceptron trained on them (deterministic: fixed
// seed, fixed order). Used by scripts/train-entities.ts (the committed model) and by
// eval/entities.eval.ts (fold models, so that no score is taken on text the model saw).
import type { Span } from '../../model/span.ts';
import { splitSentences } from '../sentences/sentence-splitter.ts';
import { tokenize } from '../tokens/tokenizer.ts';
import { isTitleWord } from './gazetteer.ts';
import { LABELS, sentenceFeatures, type SentenceFeatures } from './ner-features.ts';
import { decodeSentence, featureInput, scorerOf, taggerOf, type ModelHeader, type NerModel } from './ner-model.ts';
import { seededRandom } from '../../model/seeded-random.ts';

/** A gold mention of a training corpus, its type already mapped to PER / ORG / LOC / EVENT. */
export interface GoldMention {
  start: number;
  end: number;
  type: 'PER' | 'ORG' | 'LOC' | 'EVENT';
}

/** One training document: its text, gold mentions, and where annotation is complete (only text before `until` is used). */
export interface TrainingText {
  id: string;
  text: string;
  mentions: GoldMention[];
  until?: number;
}

/** A training document turned into sentences of features and gold labels. */
interface Example {
  sentences: { feats: SentenceFeatures; gold: number[] }[];
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our']);
const CONNECTORS = new Set(['of', 'the', 'for', 'and', 'de', 'du', 'des', 'la', 'le', 'al', 'el', 'von', 'van', 'der', 'den', 'bin', 'ibn', 'on', 'in', 'at', '&', '-', 'y', 'da', 'di', 'do', 'dos']);
const TRAILING = new Set(["'s", '’s', "'", '’', ',', '.', ';', ':', '"', '”', '“', ')', '(', '—', '-']);
const LEADING = new Set(['"', '“', '(', "'", '‘', '—', '-', ',']);

const capitalised = (w: string) => /^[\p{Lu}\d]/u.test(w);

/**
 * Flat BIO labels from gold mentions that may nest and may be whole noun phrases (GUM and
 * MEANTIME mark "the United Kingdom", "Spokeswoman Sandy Angers", "Airbus parent EADS"): each
 * mention is cut down to its name (determiners, possessive 's, a trailing parenthesis and, for
 * people, titles dropped; a phrase with lower-case words other than connectors keeps only its
 * last run of capitalised words), then the longest names win, none overlapping. A coordination
 * ("Boeing and Lockheed Martin") that holds other mentions gives way to them.
 */
export function labelsOf(words: readonly string[], tokens: readonly Span[], mentions: readonly GoldMention[]): number[] {
  const candidates: { a: number; b: number; type: GoldMention['type'] }[] = [];
  const ranges = mentions.map((m) => {
    let a = 0;
    while (a < tokens.length && tokens[a]!.end <= m.start) a++;
    let b = a;
    while (b < tokens.length && tokens[b]!.start < m.end) b++;
    return { a, b, type: m.type };
  });
  for (const r of ranges) {
    let { a, b } = r;
    const paren = words.slice(a, b).indexOf('(');
    if (paren > 0) b = a + paren;
    while (a < b && (DETERMINERS.has(words[a]!.toLowerCase()) || LEADING.has(words[a]!))) a++;
    while (b > a && TRAILING.has(words[b - 1]!)) b--;
    if (b <= a) continue;
    const slice = words.slice(a, b);
    const nameLike = slice.every((w) => capitalised(w) || CONNECTORS.has(w.toLowerCase())) && capitalised(slice[0]!) && capitalised(slice[slice.length - 1]!);
    const holdsOthers = ranges.some((o) => o !== r && o.a >= a && o.b <= b && o.b - o.a < b - a);
    if (r.type === 'PER' || !nameLike || (holdsOthers && slice.some((w) => w.toLowerCase() === 'and'))) {
      // Keep the last run of capitalised words that are not titles ("U.S. President Donald Trump" → "Donald Trump").
      if (!capitalised(words[b - 1]!)) continue;
      let s = b - 1;
      while (s - 1 >= a && (capitalised(words[s - 1]!) || (CONNECTORS.has(words[s - 1]!.toLowerCase()) && s - 2 >= a && capitalised(words[s - 2]!))) && !(r.type === 'PER' && isTitleWord(words[s - 1]!.replace(/\.$/, '')))) s--;
      while (s < b && (isTitleWord(words[s]!.replace(/\.$/, '')) || CONNECTORS.has(words[s]!.toLowerCase()))) s++;
      if (s < b) candidates.push({ a: s, b, type: r.type });
    } else candidates.push({ a, b, type: r.type });
  }
  candidates.sort((x, y) => y.b - y.a - (x.b - x.a) || x.a - y.a);
  const labels = new Array<number>(tokens.length).fill(0);
  for (const c of candidates) {
    let free = true;
    for (let k = c.a; k < c.b; k++) if (labels[k] !== 0) free = false;
    if (!free) continue;
    for (let k = c.a; k < c.b; k++) labels[k] = LABELS.indexOf(`${k === c.a ? 'B' : 'I'}-${c.type}`);
  }
  return labels;
}

/** Sentences, tokens, features and gold labels of one training text (only what lies before `until`). */
function exampleOf(doc: TrainingText): Example {
  const until = doc.until ?? doc.text.length;
  const sentences = splitSentences(doc.text).filter((s) => s.end <= until);
  const tokens: Span[] = [];
  for (const s of sentences) for (const t of tokenize(doc.text, s.start, s.end)) tokens.push(t);
  const input = featureInput(doc.text, tokens, sentences);
  const gold = labelsOf(input.words, tokens, doc.mentions.filter((m) => m.end <= until));
  return { sentences: input.bounds.map(([from, to]) => ({ feats: sentenceFeatures(input, from, to), gold: gold.slice(from, to) })) };
}

/** Options of a training run. */
export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Weights whose absolute value stays under this (after averaging) are dropped from the model. */
  prune?: number;
  log?: (line: string) => void;
}

/** A trained model: a tagger to use now, and the header and int16 weights to save. */
export interface TrainedModel {
  tagger: NerModel;
  header: ModelHeader;
  weights: Int16Array;
}

/** Trains an averaged perceptron on `docs` in their given order (shuffled per epoch with `seed`). */
export function trainTagger(docs: readonly TrainingText[], options: TrainOptions): TrainedModel {
  const L = LABELS.length;
  const examples = docs.map(exampleOf);
  const sentences = examples.flatMap((e) => e.sentences);
  const index = new Map<string, number>();
  let cap = 1 << 16;
  let w = new Float64Array(cap * L);
  let total = new Float64Array(cap * L);
  let stamp = new Float64Array(cap * L);
  let clock = 0;
  const rowOf = (f: string): number => {
    let row = index.get(f);
    if (row === undefined) {
      row = index.size;
      index.set(f, row);
      if (row >= cap) {
        cap *= 2;
        const grow = (a: Float64Array) => {
          const b = new Float64Array(cap * L);
          b.set(a);
          return b;
        };
        w = grow(w);
        total = grow(total);
        stamp = grow(stamp);
      }
    }
    return row;
  };
  const update = (features: readonly string[], y: number, delta: number) => {
    for (const f of features) {
      const k = rowOf(f) * L + y;
      total[k]! += (clock - stamp[k]!) * w[k]!;
      stamp[k] = clock;
      w[k]! += delta;
    }
  };
  const score = (features: readonly string[], out: Float64Array) => {
    for (const f of features) {
      const row = index.get(f);
      if (row === undefined) continue;
      const base = row * L;
      for (let y = 0; y < L; y++) out[y]! += w[base + y]!;
    }
  };
  const rand = seededRandom(options.seed);
  const order = sentences.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let words = 0;
    for (const k of order) {
      const s = sentences[k]!;
      decodeSentence(s.feats, score, (i, f, predicted) => {
        clock++;
        words++;
        const gold = s.gold[i]!;
        if (predicted !== gold) {
          errors++;
          update(f, gold, 1);
          update(f, predicted, -1);
        }
        return predicted;
      });
    }
    options.log?.(`epoch ${epoch + 1}: ${words} words, ${(100 * (1 - errors / words)).toFixed(2)}% right`);
  }
  // Average, prune and quantise.
  const prune = options.prune ?? 0;
  const names = [...index.keys()];
  const kept: string[] = [];
  const rows: number[] = [];
  let max = 0;
  const avg = new Float64Array(names.length * L);
  for (let r = 0; r < names.length; r++) {
    let keep = false;
    for (let y = 0; y < L; y++) {
      const k = r * L + y;
      const v = (total[k]! + (clock - stamp[k]!) * w[k]!) / clock;
      avg[k] = v;
      if (Math.abs(v) > prune) keep = true;
    }
    if (keep) {
      kept.push(names[r]!);
      rows.push(r);
      for (let y = 0; y < L; y++) max = Math.max(max, Math.abs(avg[r * L + y]!));
    }
  }
  const scale = max / 32767 || 1;
  const weights = new Int16Array(kept.length * L);
  rows.forEach((r, i) => {
    for (let y = 0; y < L; y++) weights[i * L + y] = Math.round(avg[r * L + y]! / scale);
  });
  const keptIndex = new Map(kept.map((f, i) => [f, i]));
  const header: ModelHeader = { labels: [...LABELS], scale, features: kept, trainedOn: '' };
  options.log?.(`${names.length} features, ${kept.length} kept`);
  return { tagger: taggerOf(scorerOf(keptIndex, weights, scale)), header, weights };
}
