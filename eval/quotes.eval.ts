// Reported speech and attribution on PolNeAR (../shared/eval, quotes-polnear.jsonl.gz), scored with
// ../shared/eval/score/quotes.mjs: content spans (exact and overlap), then source and cue over the
// content-matched pairs. PolNeAR's own dev split (84 articles) is held out and gives the reported
// scores; its train split (840 articles) is what the quote stage is tuned on, so its table is
// printed for the developer but never counted as a score.
//
// Each text goes through the plain reader and the whole pipeline (STAGES), so the spans scored are
// the ones `dossier analyze` would store. The quote stage is whichever stage adds `quotes`; while
// there is none, predictions are empty and the report says so.
//
// `QUOTES_ERRORS=path` writes the train split's unmatched gold attributions and unmatched predictions,
// with their context, to `path` for error analysis.
import { writeFileSync } from 'node:fs';
import { plainDoc, readEvalSet, type Evaluation, type Prf, type Score } from './eval-kit.ts';
import { bestOf } from '../bench/bench-kit.ts';
import { scoreQuotes } from '../../shared/eval/score/quotes.mjs';
import { buildPipeline, STAGES } from '../src/analyze/pipeline.ts';
import type { Stage } from '../src/analyze/stage.ts';
import type { Doc } from '../src/model/doc.ts';
import type { Quote } from '../src/model/layers.ts';
import type { Span } from '../src/model/span.ts';

/** A brat span list: one `[start, end]` pair per fragment (discontinuous spans have several). */
type Fragments = [number, number][];

/** One PolNeAR article as the shared set stores it. */
export interface PolnearRecord {
  id: string;
  split: 'train' | 'dev';
  text: string;
  meta: { publisher: string; date: string | null; title: string; author: string };
  attributions: { source: Fragments | null; cue: Fragments; content: Fragments }[];
}

/** What scoreQuotes returns. */
interface QuoteScores {
  exact: Prf;
  overlap: Prf;
  srcExact: Prf;
  srcOverlap: Prf;
  cue: Prf;
}
type Predictions = Map<string, Quote[]>;

/** scoreQuotes with its result typed: the .mjs builds it with Object.fromEntries, so TypeScript sees only an index signature. */
const score = (records: PolnearRecord[], predictions: Predictions) => scoreQuotes(records, predictions) as unknown as QuoteScores;

/** The stage that adds `quotes`, found in STAGES rather than imported: what is scored is what the pipeline runs, and nothing while it runs none. */
export const quoteStage: Stage | undefined = STAGES.find((s) => s.adds.includes('quotes'));

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/**
 * The Doc of one PolNeAR article: its text read as one plain body (offsets equal PolNeAR's), with
 * the publisher's date as the publication date so that quote dates can resolve.
 */
export function polnearDoc(record: PolnearRecord): Doc {
  const date = record.meta.date;
  return plainDoc(record.id, record.text, date !== null && DAY.test(date) ? date : null);
}

const pipeline = buildPipeline(STAGES);

/** Every article's quotes as the pipeline finds them (empty lists while no stage adds quotes), and the analysed Docs. */
function predict(records: PolnearRecord[]): { predictions: Predictions; docs: Doc[] } {
  const predictions: Predictions = new Map();
  const docs = records.map((r) => pipeline.run(polnearDoc(r)));
  records.forEach((r, i) => predictions.set(r.id, docs[i]!.layers.quotes ?? []));
  return { predictions, docs };
}

const ROWS = [
  ['exact', 'content exact'],
  ['overlap', 'content overlap'],
  ['srcExact', 'source exact'],
  ['srcOverlap', 'source overlap'],
  ['cue', 'cue overlap'],
] as const;

function table(label: string, s: QuoteScores): string[] {
  return [
    label,
    `  ${''.padEnd(16)}     P      R      F1   (tp/fp/fn)`,
    ...ROWS.map(([key, name]) => `  ${name.padEnd(16)} ${s[key].p.toFixed(3)}  ${s[key].r.toFixed(3)}  ${s[key].f1.toFixed(3)}  (${s[key].tp}/${s[key].fp}/${s[key].fn})`),
  ];
}

/** "N predicted (direct a, indirect b, mixed c), x% with a speaker". */
function describe(predictions: Predictions): string {
  const all = [...predictions.values()].flat();
  const kinds = { direct: 0, indirect: 0, mixed: 0 };
  for (const q of all) kinds[q.kind]++;
  const withSpeaker = all.filter((q) => q.speaker !== null).length;
  const share = all.length ? `${((withSpeaker / all.length) * 100).toFixed(1)}%` : 'n/a';
  return `${all.length} predicted (direct ${kinds.direct}, indirect ${kinds.indirect}, mixed ${kinds.mixed}), ${share} with a speaker`;
}

const megabytes = (records: PolnearRecord[]) => records.reduce((n, r) => n + Buffer.byteLength(r.text), 0) / 1e6;

/** MB/s of the quote stage alone, over Docs whose earlier layers the pipeline has already added. */
function quoteStageSpeed(stage: Stage, docs: Doc[], mb: number): number {
  const before = docs.map((d) => ({ ...d, layers: { ...d.layers, quotes: undefined } }));
  const ms = bestOf(1, () => {
    for (const d of before) stage.run(d);
  });
  return (mb / ms) * 1000;
}

// --- Diagnostics (QUOTES_ERRORS) ---------------------------------------------------------------

/** The hull of a fragment list, as the scorer reads a span. */
const hull = (fragments: Fragments | null): Span | null =>
  fragments && fragments.length ? { start: Math.min(...fragments.map((f) => f[0])), end: Math.max(...fragments.map((f) => f[1])) } : null;

/**
 * Which gold contents and predictions stay unmatched. Mirrors the content matching of quotes.mjs
 * (which does not export it): overlap at least half of the longer span, one-to-one, greedy by
 * overlap. The caller checks the counts against the scorer's fn and fp, so drift shows.
 */
function unmatched(gold: Span[], pred: Span[]): { gold: number[]; pred: number[] } {
  const candidates: [number, number, number][] = [];
  gold.forEach((g, i) =>
    pred.forEach((p, j) => {
      const shared = Math.max(0, Math.min(g.end, p.end) - Math.max(g.start, p.start));
      const ratio = shared / Math.max(g.end - g.start, p.end - p.start, 1);
      if (ratio >= 0.5) candidates.push([ratio, i, j]);
    }),
  );
  candidates.sort((a, b) => b[0] - a[0]);
  const goldUsed = new Set<number>();
  const predUsed = new Set<number>();
  for (const [, i, j] of candidates) {
    if (goldUsed.has(i) || predUsed.has(j)) continue;
    goldUsed.add(i);
    predUsed.add(j);
  }
  return { gold: gold.map((_, i) => i).filter((i) => !goldUsed.has(i)), pred: pred.map((_, j) => j).filter((j) => !predUsed.has(j)) };
}

const CONTEXT = 60;
const LONGEST_SHOWN = 240;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** `…before⟦span⟧after…` on one line; a long span keeps its two ends. */
function inContext(text: string, span: Span): string {
  let inner = oneLine(text.slice(span.start, span.end));
  if (inner.length > LONGEST_SHOWN) inner = `${inner.slice(0, LONGEST_SHOWN / 2)} … ${inner.slice(-LONGEST_SHOWN / 2)}`;
  const before = oneLine(text.slice(Math.max(0, span.start - CONTEXT), span.start));
  const after = oneLine(text.slice(span.end, span.end + CONTEXT));
  return `…${before}⟦${inner}⟧${after}…`;
}

const fragmentsText = (text: string, fragments: Fragments | null) => (fragments ? fragments.map(([s, e]) => text.slice(s, e)).join(' … ') : '(none)');

/** The error listing for `records`, and whether its counts agree with the scorer's. */
function errorReport(records: PolnearRecord[], predictions: Predictions, scores: QuoteScores): { lines: string[]; missed: number; spurious: number } {
  const lines: string[] = [];
  let missed = 0;
  let spurious = 0;
  for (const r of records) {
    const attributions = r.attributions.filter((a) => hull(a.content) !== null);
    const quotes = predictions.get(r.id) ?? [];
    const left = unmatched(
      attributions.map((a) => hull(a.content)!),
      quotes,
    );
    if (left.gold.length === 0 && left.pred.length === 0) continue;
    lines.push(`## ${r.id}`);
    for (const i of left.gold) {
      const a = attributions[i]!;
      const content = hull(a.content)!;
      lines.push(`MISSED [${content.start},${content.end}) source: ${fragmentsText(r.text, a.source)} | cue: ${fragmentsText(r.text, a.cue)}`);
      lines.push(`  ${inContext(r.text, content)}`);
    }
    for (const j of left.pred) {
      const q = quotes[j]!;
      lines.push(`SPURIOUS [${q.start},${q.end}) ${q.kind} speaker: ${q.speaker?.text ?? '(none)'} | cue: ${q.cue?.text ?? '(none)'}`);
      lines.push(`  ${inContext(r.text, q)}`);
    }
    lines.push('');
    missed += left.gold.length;
    spurious += left.pred.length;
  }
  const agree = missed === scores.overlap.fn && spurious === scores.overlap.fp;
  const header = [
    `# PolNeAR ${records[0]?.split ?? ""} (${records.length} articles): ${missed} gold attributions unmatched (MISSED), ${spurious} predictions unmatched (SPURIOUS)`,
    `# content match as in quotes.mjs: overlap >= half of the longer span, one-to-one${agree ? '' : `; WARNING: the scorer counts fn ${scores.overlap.fn}, fp ${scores.overlap.fp}`}`,
    '',
  ];
  return { lines: [...header, ...lines], missed, spurious };
}

// --- The evaluation ----------------------------------------------------------------------------

export const evaluation: Evaluation = {
  name: 'quotes',
  async run({ limit }) {
    const records = readEvalSet<PolnearRecord>('quotes-polnear.jsonl.gz');
    const dev = records.filter((r) => r.split === 'dev').slice(0, limit);
    const train = records.filter((r) => r.split === 'train').slice(0, limit);

    const devRun = predict(dev);
    const trainRun = predict(train);
    const devScores = score(dev, devRun.predictions);
    const trainScores = score(train, trainRun.predictions);

    const devLabel = `PolNeAR dev (${dev.length} articles)`;
    const scores: Score[] = [
      { name: `${devLabel} content overlap F1`, value: devScores.overlap.f1, target: 0.85 },
      { name: `${devLabel} source exact F1`, value: devScores.srcExact.f1, target: 0.85 },
      { name: `${devLabel} content exact F1`, value: devScores.exact.f1 },
      { name: `${devLabel} source overlap F1`, value: devScores.srcOverlap.f1 },
      { name: `${devLabel} cue overlap F1`, value: devScores.cue.f1 },
    ];

    const devMb = megabytes(dev);
    // As the scorer counts them: an attribution without content (two in the set) is not scored.
    const goldCount = (rs: PolnearRecord[]) => rs.reduce((n, r) => n + r.attributions.filter((a) => hull(a.content) !== null).length, 0);
    const notes: string[] = [
      quoteStage
        ? `scored: the pipeline's quote stage (${quoteStage.name}), text read as one plain body, publisher's date as publication date`
        : 'scored: NO stage in STAGES adds quotes, so every prediction list is empty',
      `dev predictions: ${describe(devRun.predictions)}; gold ${goldCount(dev)} attributions`,
      `train predictions: ${describe(trainRun.predictions)}; gold ${goldCount(train)} attributions`,
      quoteStage
        ? `speed: quote stage alone ${quoteStageSpeed(quoteStage, devRun.docs, devMb).toFixed(2)} MB/s on the dev texts (${devMb.toFixed(2)} MB; earlier layers precomputed)`
        : 'speed: no quote stage to time',
      '',
      ...table(`${devLabel}, held out: the reported scores`, devScores),
      '',
      ...table(`PolNeAR train (${train.length} articles), the development split used for tuning: not a reported score`, trainScores),
    ];

    const errorsPath = process.env.QUOTES_ERRORS;
    if (errorsPath) {
      // Error analysis is done on the train split, so that the dev scores stay held out.
      const errors = errorReport(train, trainRun.predictions, trainScores);
      writeFileSync(errorsPath, errors.lines.join('\n') + '\n');
      notes.push('', `QUOTES_ERRORS: ${errors.missed} missed gold and ${errors.spurious} spurious predictions on train written to ${errorsPath}`);
    }
    return { task: 'reported speech and attribution (PolNeAR; content, source and cue spans)', scores, notes };
  },
};
