// Near-duplicates and versions (src/link/duplicates) on a dev set built at run time from real dev
// articles of ../shared/eval (read in place, nothing copied): the 924 PolNeAR articles
// (quotes-polnear.jsonl.gz, US election coverage of 2015-16) and the 496 ECB+ articles
// (stories-ecbplus.jsonl.gz), whose articles of one subtopic are different reports of one event:
// the hard negatives.
//
// The set: every article of at least MIN_WORDS words is an original and gets systematically edited
// copies, each edit drawn with a fixed seed (from the article id and the edit name), so the set is
// the same on every run:
//   reordered           the body paragraphs shuffled (the headline stays first)
//   headline            the first paragraph replaced by another PolNeAR article's headline
//   added paragraph     a paragraph of another article inserted at a random place after the first
//   trimmed 1 / 2 / 3   the last 1, 2, 3 paragraphs cut, when the article has at least 3 times as
//                       many (a light edit keeps most of the article; shorter articles skip it)
//   words               3 words of 4+ letters replaced by words of other articles
//   figure              one number changed ("24" -> "22"), not a year or a clock time
//   whitespace/furniture spaces doubled or made non-breaking, trailing spaces, apostrophe and quote
//                       styles swapped, and furniture lines inserted ("Share this article",
//                       "Advertisement", a copyright line): the one edit expected to be a `copy`
//   and five combinations of two edits (see COMBINATIONS).
// Articles shorter than MIN_WORDS stay in the set as originals only: negatives, and the short-text
// path of the judge (exact copies only).
//
// Every item goes through what a store does: fingerprint, lookupKeys, lookup in a
// MemoryFingerprintIndex of the items before it, judge, file. Scored pairwise over all pairs:
// positives are the pairs inside one family (an original and its edited copies, and the copies
// among themselves); a predicted pair across families is a false positive unless the two
// originals really are one text, which the corpora contain (PolNeAR has one story stored twice and
// updated versions a day apart; ECB+ has the same wire story as run by several outlets). That is
// checked with a measure independent of the judge's shingles: the share of the shorter original's
// words that lie in paragraphs carried over into the other (a paragraph is carried over when some
// paragraph of the other text has a word LCS of at least 60% of the longer of the two), at least
// CARRIED_SHARE. Such pairs are reported as corpus duplicates, listed with both measures, and left
// out of precision and recall; every other cross-family pair is a false positive, listed with ids.
//
// The version diff is checked on the single edits: does the diff report exactly the edit (n
// removed paragraphs for trimmed n, one added paragraph, moves only for a reorder, ...)? Figure
// changes are checked on up to FIGURE_SAMPLE figure edits (the pipeline's figures layer on both
// texts): found when a figure change spans the changed number, counted only where the original's
// figures layer has a figure there.
//
// `DUPLICATES_ERRORS=path` writes the missed original-copy pairs, wrong kinds and diffs that do not
// report their edit.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readEvalSet, type Evaluation, type Prf, type Score } from './eval-kit.ts';
import { analysePlain } from './figures.eval.ts';
import type { PolnearRecord } from './quotes.eval.ts';
import { contentWords, normalWords, paragraphsOf } from '../src/link/duplicates/article-words.ts';
import { planDuplicates, resemblance, VERSION_JACCARD, type DuplicateKind } from '../src/link/duplicates/duplicate-judge.ts';
import { fingerprintOf, type Fingerprint } from '../src/link/duplicates/fingerprint.ts';
import { MemoryFingerprintIndex } from '../src/link/duplicates/fingerprint-index.ts';
import { hashStream, hashString } from '../src/link/duplicates/shingle-hash.ts';
import { versionDiff, type VersionDiff } from '../src/link/duplicates/version-diff.ts';

/** One ECB+ article, as much of it as this evaluation reads. */
interface EcbRecord {
  id: string;
  subtopic: string;
  url?: string;
  text: string;
}

/** One article of the set: an original or an edited copy of one. */
interface Item {
  id: string;
  family: string;
  /** '' for the original, else the edit names joined by ' + '. */
  edit: string;
  text: string;
  url: string | null;
  /** For a single figure edit: the changed number's span in the original text. */
  changedAt?: { start: number; end: number };
}

/** A dev article: id prefixed by its corpus ("polnear:", "ecb:"). */
interface Original {
  id: string;
  /** ECB+ subtopic: different reports of one event. */
  subtopic: string | null;
  text: string;
  url: string | null;
}

const MIN_WORDS = 100;
const CARRIED_SHARE = 0.6;
const FIGURE_SAMPLE = 250;
const COPY_EDIT = 'whitespace/furniture';
const SINGLE_EDITS = ['reordered', 'headline', 'added paragraph', 'trimmed 1', 'trimmed 2', 'trimmed 3', 'words', 'figure', COPY_EDIT] as const;
type EditName = (typeof SINGLE_EDITS)[number];
const COMBINATIONS: [EditName, EditName][] = [
  ['headline', 'trimmed 1'],
  ['reordered', 'added paragraph'],
  ['words', 'figure'],
  [COPY_EDIT, 'headline'],
  ['trimmed 2', 'added paragraph'],
];

const pick = <T>(rng: () => number, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

// --- Edits --------------------------------------------------------------------------------------

interface Pools {
  titles: string[];
  paragraphs: { family: string; text: string }[];
  words: string[];
}

interface Edited {
  text: string;
  changedAt?: { start: number; end: number };
}

/** Paragraphs as the edits see them: blocks between blank lines, else lines. */
function splitParts(text: string): { parts: string[]; sep: string } {
  const blank = /\n[ \t\u00a0\r]*\n/;
  const parts = (blank.test(text) ? text.split(/\n[ \t\u00a0\r]*\n/) : text.split('\n')).filter((p) => p.trim() !== '');
  return { parts, sep: blank.test(text) ? '\n\n' : '\n' };
}

function byParts(text: string, change: (parts: string[]) => string[] | null): Edited | null {
  const { parts, sep } = splitParts(text);
  const out = change(parts);
  return out === null ? null : { text: out.join(sep) };
}

/** The start of the body: the offset just past the first paragraph. */
function bodyStart(text: string): number {
  const first = splitParts(text).parts[0] ?? '';
  return text.indexOf(first) + first.length;
}

const YEAR_OR_TIME = /^(?:1[89]\d\d|20\d\d)$/;

function applyEdit(name: EditName, text: string, rng: () => number, family: string, pools: Pools): Edited | null {
  switch (name) {
    case 'reordered':
      return byParts(text, (parts) => {
        const body = parts.slice(1);
        if (body.length < 2) return null;
        for (let i = body.length - 1; i > 0; i--) {
          const j = Math.floor(rng() * (i + 1));
          [body[i], body[j]] = [body[j]!, body[i]!];
        }
        if (body.every((p, i) => p === parts[i + 1])) [body[0], body[1]] = [body[1]!, body[0]!];
        return [parts[0]!, ...body];
      });
    case 'headline':
      return byParts(text, (parts) => {
        // Another article's headline: PolNeAR's own headline line ends with a full stop its title lacks, so compare words.
        const own = normalWords(parts[0]!).join(' ');
        let title = pick(rng, pools.titles);
        while (normalWords(title).join(' ') === own) title = pick(rng, pools.titles);
        return [title, ...parts.slice(1)];
      });
    case 'added paragraph':
      return byParts(text, (parts) => {
        let added = pick(rng, pools.paragraphs);
        while (added.family === family) added = pick(rng, pools.paragraphs);
        const at = 1 + Math.floor(rng() * parts.length);
        return [...parts.slice(0, at), added.text, ...parts.slice(at)];
      });
    case 'trimmed 1':
    case 'trimmed 2':
    case 'trimmed 3': {
      const n = Number(name.slice(-1));
      return byParts(text, (parts) => (parts.length < 3 * n ? null : parts.slice(0, -n)));
    }
    case 'words': {
      const from = bodyStart(text);
      const spots = [...text.slice(from).matchAll(/\b[A-Za-z]{4,}\b/g)].map((m) => ({ start: from + m.index, end: from + m.index + m[0].length }));
      if (spots.length < 3) return null;
      const chosen = new Set<number>();
      while (chosen.size < 3) chosen.add(Math.floor(rng() * spots.length));
      let out = text;
      // From the end, so that earlier offsets stay valid.
      for (const k of [...chosen].sort((a, b) => b - a)) {
        const s = spots[k]!;
        let word = pick(rng, pools.words);
        while (word.toLowerCase() === text.slice(s.start, s.end).toLowerCase()) word = pick(rng, pools.words);
        out = out.slice(0, s.start) + word + out.slice(s.end);
      }
      return { text: out };
    }
    case 'figure': {
      const from = bodyStart(text);
      // A number standing alone: not inside a handle or a word ("@givens1612"), a decimal or a clock time.
      const spots = [...text.slice(from).matchAll(/(?<![\p{L}\d.,:@_/#-])\d+(?![\p{L}\d:_]|[.,]\d)/gu)]
        .filter((m) => !YEAR_OR_TIME.test(m[0]) && !/:\s?$/.test(text.slice(from + m.index - 2, from + m.index)))
        .map((m) => ({ start: from + m.index, end: from + m.index + m[0].length, value: Number(m[0]) }));
      if (spots.length === 0) return null;
      const s = pick(rng, spots);
      const step = 1 + Math.floor(rng() * 3);
      const value = s.value > step ? s.value - step : s.value + step;
      return { text: text.slice(0, s.start) + String(value) + text.slice(s.end), changedAt: { start: s.start, end: s.end } };
    }
    case COPY_EDIT: {
      const { parts, sep } = splitParts(text);
      if (parts.length < 2) return null;
      const dressed = parts.map((p) =>
        p
          .replace(/ /g, () => (rng() < 0.05 ? '  ' : rng() < 0.05 ? '\u00a0' : ' '))
          .replace(/'/g, '’')
          .replace(/"([^"\n]*)"/g, '“$1”')
          .concat(rng() < 0.3 ? '  ' : ''),
      );
      const at = 1 + Math.floor(rng() * (dressed.length - 1));
      const withFurniture = [dressed[0]!, 'Share this article', ...dressed.slice(1, at), 'Advertisement', ...dressed.slice(at), 'Copyright 2016 The Associated Press. All rights reserved.'];
      return { text: withFurniture.join(sep === '\n\n' ? '\r\n\r\n' : '\r\n') };
    }
  }
}

/** The original and its edited copies. */
function familyItems(o: Original, pools: Pools): { items: Item[]; skipped: string[] } {
  const items: Item[] = [{ id: o.id, family: o.id, edit: '', text: o.text, url: o.url }];
  const skipped: string[] = [];
  const plans: EditName[][] = [...SINGLE_EDITS.map((e) => [e]), ...COMBINATIONS];
  for (const plan of plans) {
    const edit = plan.join(' + ');
    const rng = hashStream(hashString(`${o.id}\n${edit}`));
    let current: Edited | null = { text: o.text };
    for (const step of plan) {
      current = current === null ? null : applyEdit(step, current.text, rng, o.id, pools);
    }
    if (current === null) {
      skipped.push(edit);
      continue;
    }
    // Edited copies have no URL of their own: a URL match would decide them before their text does.
    items.push({ id: `${o.id}~${edit}`, family: o.id, edit, text: current.text, url: null, ...(plan.length === 1 && current.changedAt ? { changedAt: current.changedAt } : {}) });
  }
  return { items, skipped };
}

// --- The independent check for corpus duplicates ------------------------------------------------

/** Longest common subsequence length of two word lists. */
function lcs(a: readonly string[], b: readonly string[]): number {
  let prev = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    [prev, row] = [row, prev];
  }
  return prev[b.length]!;
}

/** Share of the shorter text's words in paragraphs carried over into the other (see the head of this file). */
function carriedShare(x: string, y: string): number {
  const px = paragraphsOf(x).map((p) => p.words);
  const py = paragraphsOf(y).map((p) => p.words);
  const size = (ps: string[][]) => ps.reduce((n, p) => n + p.length, 0);
  const [short, long] = size(px) <= size(py) ? [px, py] : [py, px];
  let carried = 0;
  for (const u of short) {
    const found = long.some((v) => {
      const longer = Math.max(u.length, v.length);
      return Math.min(u.length, v.length) >= 0.6 * longer && lcs(u, v) >= 0.6 * longer;
    });
    if (found) carried += u.length;
  }
  const total = size(short);
  return total === 0 ? 0 : carried / total;
}

// --- Diff agreement -----------------------------------------------------------------------------

/** Whether a diff reports exactly what a single edit did. */
function diffAgrees(edit: EditName, diff: VersionDiff): boolean {
  const count = (kind: string) => diff.paragraphs.filter((c) => c.kind === kind).length;
  const only = (...kinds: string[]) => diff.paragraphs.every((c) => kinds.includes(c.kind));
  switch (edit) {
    case 'reordered':
      return count('moved') > 0 && only('moved');
    case 'headline':
      return diff.paragraphs.length === 2 ? count('added') === 1 && count('removed') === 1 : count('changed') === 1 && only('changed');
    case 'added paragraph':
      return count('added') === 1 && only('added');
    case 'trimmed 1':
    case 'trimmed 2':
    case 'trimmed 3':
      return count('removed') === Number(edit.slice(-1)) && only('removed');
    case 'words':
      return count('changed') >= 1 && count('changed') <= 3 && only('changed');
    case 'figure':
      return count('changed') === 1 && only('changed');
    case COPY_EDIT:
      return diff.paragraphs.length === 0;
  }
}

// --- The evaluation -----------------------------------------------------------------------------

const pairKey = (a: string, b: string) => (a < b ? `${a}\t${b}` : `${b}\t${a}`);
const prf = (tp: number, fp: number, fn: number): Prf => {
  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), tp, fp, fn };
};

function readOriginals(limit: number | undefined): Original[] {
  const polnear = readEvalSet<PolnearRecord>('quotes-polnear.jsonl.gz').slice(0, limit);
  const ecb = readEvalSet<EcbRecord>('stories-ecbplus.jsonl.gz').slice(0, limit);
  return [
    ...polnear.map((r): Original => ({ id: `polnear:${r.id}`, subtopic: null, text: r.text, url: null })),
    ...ecb.map((r): Original => ({ id: `ecb:${r.id}`, subtopic: r.subtopic, text: r.text, url: r.url ?? null })),
  ];
}

function buildPools(originals: Original[], titles: string[]): Pools {
  const paragraphs: Pools['paragraphs'] = [];
  const words = new Set<string>();
  for (const o of originals) {
    // A paragraph as an update adds one: 20 to 60 words, and a small part of the article it comes
    // from (a one-paragraph article pasted into another would make the edited copy a copy of it).
    const size = normalWords(o.text).length;
    for (const p of splitParts(o.text).parts) {
      const n = normalWords(p).length;
      if (n >= 20 && n <= 60 && n <= size / 4) paragraphs.push({ family: o.id, text: p.replace(/\s+/g, ' ').trim() });
    }
    for (const m of o.text.matchAll(/\b[a-z]{4,}\b/g)) words.add(m[0]);
  }
  return { titles, paragraphs, words: [...words].sort() };
}

export const evaluation: Evaluation = {
  name: 'duplicates',
  async run({ limit }) {
    const originals = readOriginals(limit);
    const titles = readEvalSet<PolnearRecord>('quotes-polnear.jsonl.gz').map((r) => r.meta.title.trim()).filter((t) => t !== '');
    const pools = buildPools(originals, titles);

    const items: Item[] = [];
    const skipped = new Map<string, number>();
    let short = 0;
    for (const o of originals) {
      if (normalWords(o.text).length < MIN_WORDS) {
        short++;
        items.push({ id: o.id, family: o.id, edit: '', text: o.text, url: o.url });
        continue;
      }
      const fam = familyItems(o, pools);
      items.push(...fam.items);
      for (const s of fam.skipped) skipped.set(s, (skipped.get(s) ?? 0) + 1);
    }
    const byId = new Map(items.map((it) => [it.id, it]));
    const originalOf = new Map(originals.map((o) => [o.id, o]));

    // What a store does, item by item.
    const index = new MemoryFingerprintIndex();
    const predicted = new Map<string, DuplicateKind>();
    const fingerprints = new Map<string, Fingerprint>();
    let candidates = 0;
    const t0 = performance.now();
    for (const it of items) {
      const fp = fingerprintOf({ id: it.id, text: it.text, title: null, source: { path: null, url: it.url, outlet: null } });
      const plan = planDuplicates(fp, (keys) => {
        const found = index.lookup(keys);
        candidates += found.length;
        return found;
      });
      for (const link of plan.links) predicted.set(pairKey(it.id, link.id), link.kind);
      index.add(fp, plan.keys);
      fingerprints.set(it.id, fp);
    }
    const msPerItem = (performance.now() - t0) / items.length;

    // Families and positive pairs.
    const families = new Map<string, Item[]>();
    for (const it of items) (families.get(it.family) ?? families.set(it.family, []).get(it.family)!).push(it);
    let positives = 0;
    for (const members of families.values()) positives += (members.length * (members.length - 1)) / 2;

    // Predicted pairs: inside a family, across families (corpus duplicate or false positive).
    let tp = 0;
    const fps: string[] = [];
    const errors: string[] = [];
    const corpusPairs = new Map<string, { share: number; pairs: number }>();
    const shareOf = new Map<string, number>();
    const kindRight = { copy: [0, 0], version: [0, 0] };
    for (const [key, kind] of predicted) {
      const [a, b] = key.split('\t') as [string, string];
      const ia = byId.get(a)!;
      const ib = byId.get(b)!;
      if (ia.family === ib.family) {
        tp++;
        // A copy is the same words; an edit that happens to change none (a cut paragraph of furniture only, two headline edits drawing the same headline) makes a copy too.
        const expected: DuplicateKind = contentWords(ia.text).join(' ') === contentWords(ib.text).join(' ') ? 'copy' : 'version';
        kindRight[expected][1]!++;
        if (kind === expected) kindRight[expected][0]!++;
        else errors.push(`kind: ${a} ~ ${b}: judged ${kind}, expected ${expected}`);
        continue;
      }
      const fam = pairKey(ia.family, ib.family);
      let share = shareOf.get(fam);
      if (share === undefined) {
        share = carriedShare(originalOf.get(ia.family)!.text, originalOf.get(ib.family)!.text);
        shareOf.set(fam, share);
      }
      if (share >= CARRIED_SHARE) {
        const c = corpusPairs.get(fam) ?? { share, pairs: 0 };
        c.pairs++;
        corpusPairs.set(fam, c);
      } else {
        fps.push(`${a} ~ ${b} (${kind}; carried share of the originals ${share.toFixed(2)})`);
      }
    }
    // Positive pairs are all inside families, and none is excused: fn = positives - tp.
    const overall = prf(tp, fps.length, positives - tp);

    // Missed positive pairs: below the judge's threshold, or above it and missed by the blocking.
    let missedAbove = 0;
    for (const members of families.values()) {
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          const a = members[i]!.id;
          const b = members[j]!.id;
          if (predicted.has(pairKey(a, b))) continue;
          if (resemblance(fingerprints.get(a)!.shingles, fingerprints.get(b)!.shingles).jaccard >= VERSION_JACCARD) missedAbove++;
        }
      }
    }

    // Recall per corpus.
    const perCorpus = new Map<string, [number, number]>();
    for (const [family, members] of families) {
      const corpus = family.startsWith('ecb:') ? 'ECB+' : 'PolNeAR';
      const got = perCorpus.get(corpus) ?? [0, 0];
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          got[1]++;
          if (predicted.has(pairKey(members[i]!.id, members[j]!.id))) got[0]++;
        }
      }
      perCorpus.set(corpus, got);
    }

    // Recall per edit kind (original vs its edited copy), and between two edited copies.
    const perEdit = new Map<string, [number, number]>();
    let editPairs = 0;
    let editFound = 0;
    for (const members of families.values()) {
      const original = members[0]!;
      for (const it of members.slice(1)) {
        const got = perEdit.get(it.edit) ?? [0, 0];
        got[1]++;
        if (predicted.has(pairKey(original.id, it.id))) got[0]++;
        else errors.push(`missed: ${original.id} ~ ${it.id}: jaccard ${resemblance(fingerprints.get(original.id)!.shingles, fingerprints.get(it.id)!.shingles).jaccard.toFixed(3)}`);
        perEdit.set(it.edit, got);
      }
      for (let i = 1; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          editPairs++;
          if (predicted.has(pairKey(members[i]!.id, members[j]!.id))) editFound++;
        }
      }
    }

    // Hard negatives: different ECB+ articles of one subtopic.
    const bySubtopic = new Map<string, Original[]>();
    for (const o of originals) if (o.subtopic !== null) (bySubtopic.get(o.subtopic) ?? bySubtopic.set(o.subtopic, []).get(o.subtopic)!).push(o);
    let hardPairs = 0;
    let hardJudged = 0;
    let hardVerified = 0;
    let hardRerunsMissed = 0;
    const hardLines: string[] = [];
    for (const group of bySubtopic.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          hardPairs++;
          const a = group[i]!;
          const b = group[j]!;
          const fam = pairKey(a.id, b.id);
          const share = shareOf.get(fam) ?? carriedShare(a.text, b.text);
          shareOf.set(fam, share);
          const judged = predicted.get(fam);
          if (judged !== undefined) {
            hardJudged++;
            if (share >= CARRIED_SHARE) hardVerified++;
          } else if (share >= CARRIED_SHARE) hardRerunsMissed++;
        }
      }
    }

    // Corpus duplicates among the originals themselves.
    for (const [fam, c] of [...corpusPairs].sort((x, y) => y[1].share - x[1].share)) {
      const [a, b] = fam.split('\t') as [string, string];
      const kind = predicted.get(fam);
      const r = fingerprints.has(a) && fingerprints.has(b) ? resemblance(fingerprints.get(a)!.shingles, fingerprints.get(b)!.shingles).jaccard : NaN;
      hardLines.push(`${a} ~ ${b}: originals judged ${kind ?? 'nothing'}, jaccard ${r.toFixed(3)}, carried share ${c.share.toFixed(2)}, ${c.pairs} item pairs`);
    }

    // Diff agreement on single edits, and figure changes on a sample of figure edits.
    const agree = new Map<string, [number, number]>();
    for (const it of items) {
      if (it.edit === '' || !(SINGLE_EDITS as readonly string[]).includes(it.edit)) continue;
      const diff = versionDiff({ text: byId.get(it.family)!.text, figures: [] }, { text: it.text, figures: [] });
      const got = agree.get(it.edit) ?? [0, 0];
      got[1]++;
      if (diffAgrees(it.edit as EditName, diff)) got[0]++;
      else errors.push(`diff: ${it.id}: ${diff.paragraphs.map((c) => `${c.kind}${c.moved ? ' (moved)' : ''} ${JSON.stringify((c.after ?? c.before)!.text.slice(0, 60))}`).join('; ')}`);
      agree.set(it.edit, got);
    }
    const figureEdits = items.filter((it) => it.changedAt !== undefined).sort((x, y) => hashString(x.id) - hashString(y.id)).slice(0, FIGURE_SAMPLE);
    let figureCounted = 0;
    let figureFound = 0;
    let figureSpurious = 0;
    for (const it of figureEdits) {
      const at = it.changedAt!;
      const before = analysePlain(byId.get(it.family)!.text, it.family);
      if (!(before.layers.figures ?? []).some((f) => f.start <= at.start && f.end >= at.end)) continue;
      figureCounted++;
      const after = analysePlain(it.text, it.id);
      const diff = versionDiff({ text: before.text, figures: before.layers.figures ?? [] }, { text: after.text, figures: after.layers.figures ?? [] });
      const hits = diff.figures.filter((c) => c.before.start <= at.start && c.before.end >= at.end);
      if (hits.length > 0) figureFound++;
      figureSpurious += diff.figures.length - hits.length;
    }

    if (process.env.DUPLICATES_ERRORS) writeFileSync(process.env.DUPLICATES_ERRORS, errors.join('\n') + '\n');
    const scores: Score[] = [
      { name: 'pairwise precision', value: overall.p, target: 1 },
      { name: 'pairwise recall', value: overall.r, target: 0.95 },
      { name: 'pairwise F1', value: overall.f1 },
      ...[...perCorpus].map(([corpus, [found, all]]) => ({ name: `recall: ${corpus} families`, value: found / all })),
      ...[...perEdit].map(([edit, [found, all]]) => ({ name: `recall: ${edit}`, value: found / all })),
      { name: 'recall: two edited copies', value: editFound / editPairs },
      { name: 'copies judged copy', value: kindRight.copy[0]! / Math.max(1, kindRight.copy[1]!) },
      { name: 'versions judged version', value: kindRight.version[0]! / Math.max(1, kindRight.version[1]!) },
      // Higher is better, as every score here: the share of judged hard-negative pairs that are one text run twice.
      { name: 'ECB+ same-event pairs judged: verified', value: hardJudged === 0 ? 1 : hardVerified / hardJudged, target: 1 },
      ...[...agree].map(([edit, [ok, all]]) => ({ name: `diff reports the edit: ${edit}`, value: ok / all })),
      { name: 'figure edits: figure change found', value: figureFound / Math.max(1, figureCounted) },
    ];
    const notes = [
      `${originals.length} originals (${short} under ${MIN_WORDS} words: originals only), ${items.length} items, ${families.size} families, ${positives} positive pairs (tp ${overall.tp}, fp ${overall.fp}, fn ${overall.fn})`,
      `missed pairs: ${overall.fn - missedAbove} below the judge's Jaccard ${VERSION_JACCARD} (edits that changed that much), ${missedAbove} at or above it that the band keys did not bring together`,
      `edits skipped (article too short for them): ${[...skipped].map(([e, n]) => `${e} ${n}`).join(', ') || 'none'}`,
      `fingerprint + keys + lookup + judge + file: ${msPerItem.toFixed(3)} ms per item, ${(candidates / items.length).toFixed(1)} candidates per lookup`,
      `ECB+ hard negatives: ${hardPairs} pairs of different articles in one subtopic; ${hardJudged} judged duplicates, ${hardVerified} of them verified re-runs of one text (carried share >= ${CARRIED_SHARE}); ${hardRerunsMissed} pairs the check calls re-runs were not judged duplicates`,
      `figure changes: ${figureCounted} of ${figureEdits.length} sampled figure edits changed a number the figures layer holds; ${figureFound} found, ${figureSpurious} other figure changes reported`,
      `corpus duplicates (originals that really are one text, left out of scoring): ${corpusPairs.size} pairs`,
      ...hardLines.map((l) => `  ${l}`),
      `false positives: ${fps.length}`,
      ...fps.slice(0, 30).map((l) => `  ${l}`),
    ];
    return { task: 'near-duplicates and versions (PolNeAR + ECB+ articles with systematic edits)', scores, notes };
  },
};
