// Event triggers against ECB+ (stories-ecbplus.jsonl.gz, ../shared/eval, read in place): a diagnostic
// with no target. ECB+ marks every action mention in its selected sentences (ACTION_OCCURRENCE,
// ACTION_REPORTING, ACTION_STATE, …: "said", "hit", "placed", "win", "pregnant"), while the events
// layer names twelve kinds of news event and leaves verbs of saying to the quotes layer; so recall
// against all gold mentions is partial by design. Three figures:
//   - trigger precision: our triggers in selected sentences that overlap a gold action mention;
//   - recall, all actions: gold mentions in selected sentences that one of our triggers overlaps;
//   - recall, covered words: the same over gold mentions one of whose words is a trigger form of our
//     lexicon ("killed", "attack", "trial", "released"), the actions our types can name at all.
// Matching is one-to-one by overlap, in text order. Each article is read as one plain body (offsets
// equal the set's), without a publication date, and analysed by the whole pipeline.
// `EVENTS_ERRORS=path` writes the spurious triggers and the missed covered mentions.
import { writeFileSync } from 'node:fs';
import { plainDoc, readEvalSet, type Evaluation, type Prf } from './eval-kit.ts';
import { buildPipeline, STAGES } from '../src/analyze/pipeline.ts';
import { TRIGGER_PHRASES, TRIGGER_WORDS } from '../src/analyze/events/event-lexicon.ts';
import type { EventType } from '../src/model/layers.ts';

/** One ECB+ article as the shared set stores it. */
interface EcbRecord {
  id: string;
  topic: string;
  text: string;
  sentences: { n: number; start: number; end: number; selected: boolean }[];
  events: { start: number; end: number; text: string; type: string }[];
}

const pipeline = buildPipeline(STAGES);

/** Whether a gold mention holds a single-word trigger form of our lexicon or one of its phrases ("killed", "trial", "shot dead"; not the "over" of "take over"). */
const PHRASES = [...TRIGGER_PHRASES.values()].flat().map((p) => ` ${p.words.join(' ')} `);
const covered = (mention: string) => {
  const lower = mention.toLowerCase();
  return lower.split(/[\s-]+/).some((w) => TRIGGER_WORDS.has(w)) || PHRASES.some((p) => ` ${lower} `.includes(p));
};

const prf = (tp: number, fp: number, fn: number): Prf => {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), tp, fp, fn };
};

export const evaluation: Evaluation = {
  name: 'events',
  async run({ limit }) {
    const records = readEvalSet<EcbRecord>('stories-ecbplus.jsonl.gz').slice(0, limit);
    let predicted = 0;
    let predictedMatched = 0;
    let gold = 0;
    let goldMatched = 0;
    let goldCovered = 0;
    let goldCoveredMatched = 0;
    const byType = new Map<EventType, { n: number; matched: number }>();
    const errors: string[] = [];
    for (const r of records) {
      const doc = pipeline.run(plainDoc(r.id, r.text));
      const selected = r.sentences.filter((s) => s.selected);
      const inSelected = (start: number) => selected.some((s) => start >= s.start && start < s.end);
      const mentions = r.events.filter((e) => inSelected(e.start));
      const events = (doc.layers.events ?? []).filter((e) => inSelected(e.trigger.start));
      const taken = new Set<number>();
      for (const e of events) {
        const k = mentions.findIndex((m, i) => !taken.has(i) && m.start < e.trigger.end && e.trigger.start < m.end);
        const stats = byType.get(e.type) ?? { n: 0, matched: 0 };
        stats.n++;
        predicted++;
        if (k >= 0) {
          taken.add(k);
          predictedMatched++;
          stats.matched++;
        } else errors.push(`${r.id}\tspurious\t${e.type}\t${e.trigger.text}\t${doc.text.slice(Math.max(0, e.trigger.start - 50), e.trigger.end + 50).replace(/\s+/g, ' ')}`);
        byType.set(e.type, stats);
      }
      mentions.forEach((m, i) => {
        gold++;
        const isCovered = covered(m.text);
        if (isCovered) goldCovered++;
        if (taken.has(i)) {
          goldMatched++;
          if (isCovered) goldCoveredMatched++;
        } else if (isCovered) errors.push(`${r.id}\tmissed\t${m.type}\t${m.text}\t${r.text.slice(Math.max(0, m.start - 50), m.end + 50).replace(/\s+/g, ' ')}`);
      });
    }
    if (process.env.EVENTS_ERRORS) writeFileSync(process.env.EVENTS_ERRORS, errors.join('\n') + '\n');
    const precision = prf(predictedMatched, predicted - predictedMatched, 0);
    const all = prf(goldMatched, 0, gold - goldMatched);
    const coveredRecall = prf(goldCoveredMatched, 0, goldCovered - goldCoveredMatched);
    return {
      task: `event triggers vs ECB+ action mentions (${records.length} articles, selected sentences; diagnostic, no target)`,
      scores: [
        { name: 'trigger precision', value: precision.p },
        { name: 'recall, all gold action mentions', value: all.r },
        { name: 'recall, gold mentions with a covered word', value: coveredRecall.r },
      ],
      notes: [
        `${predicted} triggers in selected sentences, ${predictedMatched} on a gold action mention`,
        `${gold} gold action mentions, ${goldMatched} found; ${goldCovered} have a word our lexicon triggers on, ${goldCoveredMatched} found`,
        'ECB+ marks every action (saying, sports results, states); the events layer names 12 news types and leaves saying to quotes: recall is partial by design.',
        ...[...byType.entries()].sort((a, b) => b[1].n - a[1].n).map(([type, s]) => `${type.padEnd(15)} ${String(s.n).padStart(4)} triggers, precision ${(s.matched / s.n).toFixed(3)}`),
      ],
    };
  },
};
