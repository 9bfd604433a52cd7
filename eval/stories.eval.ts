// Story linking on the ECB+ dev topics (../shared/eval/stories-ecbplus.jsonl.gz, read in place):
// each topic holds articles about two similar but different real events (two earthquakes, two
// arrests of Chargers players); each real event is a subtopic, and a story should be one real
// event. Every text runs through the real pipeline (plainDoc; ECB+ gives no publication date), its
// profile (src/link/stories/article-profile.ts) is linked into an in-memory store one article at a
// time, and the article clusters are scored with ../shared/eval/score/clusters.mjs: B³ P/R/F1
// against the subtopics (target 0.93) and against the topics. Only id, text and the topic and
// subtopic labels are read: the gold event and entity mentions are never input.
//
// An incremental clusterer depends on the order the articles come in: the reported run takes them
// sorted by id; five shuffled orders (fixed seeds) give the mean and the minimum F1.
//
// Baseline in the same run: plain TF-IDF (content words, lower case, stop words out, no lead
// boost, no entities or dates; IDF over the whole set), cosine, average-link agglomerative
// clustering (UPGMA), its threshold tuned on this very set: the best of 0.02, 0.03, ... 0.50.
import { performance } from 'node:perf_hooks';
import { plainDoc, readEvalSet, type Evaluation, type Score } from './eval-kit.ts';
import { bcubed } from '../../shared/eval/score/clusters.mjs';
import { buildPipeline, STAGES } from '../src/analyze/pipeline.ts';
import { toRecord } from '../src/model/record.ts';
import { tokenize } from '../src/analyze/tokens/tokenizer.ts';
import { isContentWord, profileArticle, stemWord, type ArticleProfile } from '../src/link/stories/article-profile.ts';
import { MemoryStoryStore } from '../src/link/stories/memory-story-store.ts';
import { shuffled } from '../src/model/seeded-random.ts';

/** One ECB+ article as the shared set stores it (only the fields read here). */
interface EcbArticle {
  id: string;
  topic: string;
  subtopic: string;
  text: string;
}

const SHUFFLE_SEEDS = [1, 2, 3, 4, 5];

/** Links the profiles in the given order; story and sub-event of each article id, and the linking time. */
function linkAll(profiles: readonly ArticleProfile[]): { story: Map<string, string>; subEvent: Map<string, string>; ms: number; stories: number } {
  const store = new MemoryStoryStore();
  const story = new Map<string, string>();
  const subEvent = new Map<string, string>();
  const t0 = performance.now();
  for (const p of profiles) {
    const plan = store.link(p);
    story.set(p.articleId, plan.storyId);
    subEvent.set(p.articleId, plan.subEventId);
  }
  return { story, subEvent, ms: performance.now() - t0, stories: store.size().stories };
}

/** Plain TF-IDF unit vectors: content words of the text, log tf, IDF over the whole set. */
function plainVectors(texts: readonly string[]): Map<string, number>[] {
  const tfs = texts.map((text) => {
    const tf = new Map<string, number>();
    for (const t of tokenize(text)) {
      const w = text.slice(t.start, t.end).toLowerCase();
      if (isContentWord(w)) tf.set(stemWord(w), (tf.get(stemWord(w)) ?? 0) + 1);
    }
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of tfs) for (const k of tf.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = texts.length;
  return tfs.map((tf) => {
    const v = new Map<string, number>();
    let sum = 0;
    for (const [k, c] of tf) {
      const w = (1 + Math.log(c)) * Math.log(n / df.get(k)!);
      if (w > 0) {
        v.set(k, w);
        sum += w * w;
      }
    }
    for (const [k, w] of v) v.set(k, w / Math.sqrt(sum));
    return v;
  });
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, w] of small) s += w * (large.get(k) ?? 0);
  return s;
}

/**
 * Average-link (UPGMA) merges of the items, each with the similarity it was made at, by
 * Lance-Williams updates of the cluster similarity matrix. UPGMA heights never rise, so cutting
 * at a threshold is applying the merges made at or above it.
 */
function averageLinkMerges(vectors: readonly Map<string, number>[]): { a: number; b: number; sim: number }[] {
  const n = vectors.length;
  const sim = vectors.map((v, i) => vectors.map((w, j) => (i === j ? -Infinity : dot(v, w))));
  const size = new Array<number>(n).fill(1);
  const alive = new Array<boolean>(n).fill(true);
  const merges: { a: number; b: number; sim: number }[] = [];
  for (let step = 0; step < n - 1; step++) {
    let best = -Infinity;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const row = sim[i]!;
      for (let j = i + 1; j < n; j++) if (alive[j] && row[j]! > best) [best, bi, bj] = [row[j]!, i, j];
    }
    merges.push({ a: bi, b: bj, sim: best });
    for (let k = 0; k < n; k++) {
      if (!alive[k] || k === bi || k === bj) continue;
      const s = (size[bi]! * sim[bi]![k]! + size[bj]! * sim[bj]![k]!) / (size[bi]! + size[bj]!);
      sim[bi]![k] = s;
      sim[k]![bi] = s;
    }
    size[bi]! += size[bj]!;
    alive[bj] = false;
  }
  return merges;
}

/** The clusters of a cut: merges at or above `threshold` applied (union-find), as item index -> cluster id. */
function cut(n: number, merges: readonly { a: number; b: number; sim: number }[], threshold: number): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  for (const m of merges) if (m.sim >= threshold) parent[find(m.b)] = find(m.a);
  return parent.map((_, i) => find(i));
}

export const evaluation: Evaluation = {
  name: 'stories',
  async run({ limit }) {
    const all = readEvalSet<EcbArticle>('stories-ecbplus.jsonl.gz').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const articles = limit === undefined ? all : all.slice(0, limit);
    const bySubtopic = new Map(articles.map((a) => [a.id, a.subtopic]));
    const byTopic = new Map(articles.map((a) => [a.id, a.topic]));

    const pipeline = buildPipeline(STAGES);
    const t0 = performance.now();
    const profiles = articles.map((a) => profileArticle({ ...toRecord(pipeline.run(plainDoc(a.id, a.text))), id: a.id }));
    const analyseMs = performance.now() - t0;

    const sorted = linkAll(profiles);
    const sub = bcubed(bySubtopic, sorted.story);
    const top = bcubed(byTopic, sorted.story);
    const events = bcubed(bySubtopic, sorted.subEvent);
    const shuffledF1 = SHUFFLE_SEEDS.map((seed) => bcubed(bySubtopic, linkAll(shuffled(profiles, seed)).story).f1);

    const vectors = plainVectors(articles.map((a) => a.text));
    const merges = averageLinkMerges(vectors);
    let baseline = { threshold: 0, p: 0, r: 0, f1: -1, topicF1: 0 };
    for (let t = 2; t <= 50; t++) {
      const cluster = cut(articles.length, merges, t / 100);
      const pred = new Map(articles.map((a, i) => [a.id, String(cluster[i])]));
      const s = bcubed(bySubtopic, pred);
      if (s.f1 > baseline.f1) baseline = { threshold: t / 100, p: s.p, r: s.r, f1: s.f1, topicF1: bcubed(byTopic, pred).f1 };
    }

    const scores: Score[] = [
      { name: 'subtopic B³ F1 (sorted by id)', value: sub.f1, target: 0.93 },
      { name: 'subtopic B³ precision (sorted by id)', value: sub.p },
      { name: 'subtopic B³ recall (sorted by id)', value: sub.r },
      { name: 'subtopic B³ F1, mean of 5 shuffled orders', value: shuffledF1.reduce((s, x) => s + x, 0) / shuffledF1.length },
      { name: 'subtopic B³ F1, min of 5 shuffled orders', value: Math.min(...shuffledF1) },
      { name: 'topic B³ F1 (sorted by id)', value: top.f1 },
      { name: 'topic B³ precision (sorted by id)', value: top.p },
      { name: 'topic B³ recall (sorted by id)', value: top.r },
      { name: 'sub-events vs subtopic B³ F1 (sorted)', value: events.f1 },
      { name: `baseline TF-IDF avg-link B³ F1 (t=${baseline.threshold.toFixed(2)})`, value: baseline.f1 },
      { name: 'baseline B³ precision', value: baseline.p },
      { name: 'baseline B³ recall', value: baseline.r },
      { name: 'baseline topic B³ F1', value: baseline.topicF1 },
    ];
    const distinct = (m: Map<string, string>) => new Set(m.values()).size;
    return {
      task: `Stories: ECB+ dev, ${articles.length} articles, ${new Set(byTopic.values()).size} topics, ${distinct(bySubtopic)} subtopics`,
      scores,
      notes: [
        `${sorted.stories} stories, ${distinct(sorted.subEvent)} sub-events (sorted order); shuffled F1: ${shuffledF1.map((f) => f.toFixed(3)).join(', ')}`,
        `pipeline + profile: ${(analyseMs / articles.length).toFixed(1)} ms/article; linking: ${((sorted.ms / articles.length) * 1000).toFixed(0)} µs/article`,
      ],
    };
  },
};
