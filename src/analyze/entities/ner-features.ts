// Features of the named-entity tagger, shared by training (ner-training.ts) and tagging
// (ner-model.ts) so that the two can never drift apart. Per token: the word, its lower case and
// shape, affixes, the words and shapes around it, sentence position, gazetteer membership,
// title words before it, and whether the document also writes the word in lower case (which
// tells a sentence-initial "Confirmation" from a name). Label history features are added
// while decoding (see historyFeatures).
import { gazetteerMatches, isOrgHeadWord, isTitleWord } from './gazetteer.ts';

/** The labels the tagger predicts, BIO over the types the training data supports. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-EVENT', 'I-EVENT'] as const;
export type Label = (typeof LABELS)[number];

/** True when `next` may follow `prev` in BIO: I-X only after B-X or I-X. */
export function allowed(prev: number, next: number): boolean {
  const n = LABELS[next]!;
  if (!n.startsWith('I-')) return true;
  const p = LABELS[prev];
  return p !== undefined && p !== 'O' && p.slice(2) === n.slice(2);
}

/** "Leavitt" → "Xx", "U.S." → "X.X.", "2025" → "d", "al-Sham" → "x-Xx": character classes with runs collapsed. */
export function shapeOf(w: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    let k: string;
    if (c >= 65 && c <= 90) k = 'X';
    else if (c >= 97 && c <= 122) k = 'x';
    else if (c >= 48 && c <= 57) k = 'd';
    else if (c > 127) {
      const ch = w[i]!;
      k = ch.toUpperCase() !== ch ? 'x' : ch.toLowerCase() !== ch ? 'X' : ch;
    } else k = w[i]!;
    if (k !== last) out += k;
    last = k;
    if (out.length > 6) break;
  }
  return out;
}

const isCapitalised = (w: string) => {
  const c = w.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && w[0]!.toLowerCase() !== w[0]);
};
const OPENERS = new Set(['"', '“', "'", '‘', '(', '[', '-', '—', '–']);

/** The words of a document's sentences and the document-wide facts the features need. */
export interface FeatureInput {
  words: readonly string[];
  /** Per word: the sentence it starts (true at the first word of every sentence). */
  sentenceStart: readonly boolean[];
  /** Lower-case forms the document writes in lower case somewhere. */
  lowerSeen: ReadonlySet<string>;
  /** Per capitalised word form: what stands around its occurrences anywhere in the document (see documentCues). */
  cues: ReadonlyMap<string, readonly string[]>;
}

const PLACE_BEFORE = new Set(['in', 'at', 'from', 'near', 'to']);
const SAY = new Set(['said', 'says', 'told', 'added', 'stated', 'announced']);

/**
 * Document-level evidence for each capitalised word: whether any of its occurrences follows a
 * title word ("Spokeswoman Angers"), precedes one ("Ryanair CEO"), precedes an organisation head
 * ("Boeing Company"), follows "in"/"at", precedes "said", or takes a possessive. A name that is
 * hard to read in one sentence is often plain in another.
 */
export function documentCues(words: readonly string[]): Map<string, string[]> {
  const sets = new Map<string, Set<string>>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!isCapitalised(w)) continue;
    let set = sets.get(w);
    if (!set) sets.set(w, (set = new Set()));
    const prev = i > 0 ? words[i - 1]! : '';
    const next = i + 1 < words.length ? words[i + 1]! : '';
    if (prev && isTitleWord(prev)) set.add('t-1');
    if (next && isTitleWord(next)) set.add('t+1');
    if (next && isOrgHeadWord(next)) set.add('oh+1');
    if (PLACE_BEFORE.has(prev)) set.add('in-1');
    if (SAY.has(next)) set.add('say+1');
    if (next === "'s" || next === '’s') set.add('poss');
  }
  const out = new Map<string, string[]>();
  for (const [w, set] of sets) out.set(w, [...set].sort());
  return out;
}

/** The words the document writes in lower case (those never capitalised there are likely names). */
export function lowerCaseWords(words: readonly string[]): Set<string> {
  const seen = new Set<string>();
  for (const w of words) {
    const c = w.charCodeAt(0);
    if (c >= 97 && c <= 122) seen.add(w);
  }
  return seen;
}

/** One sentence ready for decoding: label-independent features, shapes and lower-case forms per word. */
export interface SentenceFeatures {
  features: string[][];
  shapes: string[];
  lower: string[];
}

/** Label-independent features of every word of one sentence `[from, to)` of `input`. */
export function sentenceFeatures(input: FeatureInput, from: number, to: number): SentenceFeatures {
  const words = input.words.slice(from, to);
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase().replace(/\d/g, '0'));
  const shapes = words.map(shapeOf);
  const gz: string[] = new Array<string>(n).fill('-');
  for (const m of gazetteerMatches(words)) for (let k = m.start; k < m.end; k++) gz[k] = (k === m.start ? 'B' : 'I') + m.type;
  // A sentence written in capitals (a headline or dateline) says little through case.
  let letters = 0;
  let caps = 0;
  for (const w of words) {
    if (/^[A-Za-z]/.test(w)) {
      letters++;
      if (w === w.toUpperCase() && w.length > 1) caps++;
    }
  }
  const allCaps = letters >= 2 && caps / letters > 0.7;
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const l = lower[i]!;
    const s = shapes[i]!;
    const lp = i > 0 ? lower[i - 1]! : '<s>';
    const ln = i + 1 < n ? lower[i + 1]! : '</s>';
    const sp = i > 0 ? shapes[i - 1]! : '<s>';
    const sn = i + 1 < n ? shapes[i + 1]! : '</s>';
    let initial = i === 0;
    if (!initial) {
      let k = i - 1;
      while (k >= 0 && OPENERS.has(words[k]!)) k--;
      initial = k < 0;
    }
    const f = [
      'b',
      `w=${w}`,
      `l=${l}`,
      `s=${s}`,
      `p3=${l.slice(0, 3)}`,
      `x2=${l.slice(-2)}`,
      `x3=${l.slice(-3)}`,
      `x4=${l.slice(-4)}`,
      `l-1=${lp}`,
      `l+1=${ln}`,
      `l-2=${i > 1 ? lower[i - 2]! : '<s>'}`,
      `l+2=${i + 2 < n ? lower[i + 2]! : '</s>'}`,
      `s-1=${sp}`,
      `s+1=${sn}`,
      `ss=${sp}|${s}|${sn}`,
      `lb=${lp}|${l}`,
      `ln=${l}|${ln}`,
      `g=${gz[i]}`,
      `g-1=${i > 0 ? gz[i - 1] : '<s>'}|${gz[i]}`,
      `g+1=${gz[i]}|${i + 1 < n ? gz[i + 1] : '</s>'}`,
    ];
    if (initial) f.push(`in=${l}`, `ins=${s}`);
    if (allCaps) f.push(`ac=${l}`, 'ac');
    if (isCapitalised(w) && !allCaps) {
      if (input.lowerSeen.has(w.toLowerCase())) f.push(initial ? 'lcseen-in' : 'lcseen');
      else f.push(initial ? 'nolc-in' : 'nolc');
    }
    for (const cue of input.cues.get(w) ?? []) f.push(`dc=${cue}`);
    if (i + 1 < n && isTitleWord(words[i + 1]!)) f.push('t+1');
    if (i > 0 && isTitleWord(words[i - 1]!)) f.push('t-1', `t-1s=${s}`);
    if (i > 1 && isTitleWord(words[i - 2]!)) f.push('t-2');
    if (isTitleWord(w)) f.push('t0');
    if (isOrgHeadWord(w)) f.push('oh0');
    if (i + 1 < n && isOrgHeadWord(words[i + 1]!)) f.push('oh+1');
    out.push(f);
  }
  return { features: out, shapes, lower };
}

/** Features of the labels already given to the two words before. */
export function historyFeatures(prev: string, prev2: string, shape: string, lowerWord: string): string[] {
  return [`y-1=${prev}`, `y-2=${prev2}|${prev}`, `y-1s=${prev}|${shape}`, `y-1l=${prev}|${lowerWord}`];
}
