// Time expressions and their TIMEX3 values on TempEval-3 (../shared/eval/time-tempeval3.jsonl.gz,
// TBAQ-cleaned), scored with ../shared/eval/score/timex.mjs: strict and relaxed span F1 and value
// F1 (a relaxed match whose value equals the gold one), plus type accuracy over relaxed matches,
// computed here with the scorer's own matching.
//
// Hold-out: the 183 TimeBank articles are the development part, the one the times stage was tuned
// on (its errors are the ones looked at, `TIMES_ERRORS=path` lists them); the 73 AQUAINT articles
// are held out and give the reported score (target value F1 >= 0.85). TimeBank's table is printed
// too, labelled as the development part; it is not a reported score. The value F1 over all 256
// articles is printed as well, labelled, because the issue states its target on the whole file.
//
// Each text is read as one plain body (offsets equal the corpus's), its document creation time is
// set as the publication date, and the sentence, token and time stages run on it. The baseline in
// the same run is chrono-node, called paragraph by paragraph (STACK.md: whole documents are 80x
// slower) with the creation time as reference, its results mapped to TIMEX3 dates: YYYY-MM-DD when
// it knows the day (or the weekday), YYYY-MM when only the month, YYYY when only the year, with
// THH:MM and type TIME when it knows the hour.
import { writeFileSync } from 'node:fs';
import * as chrono from 'chrono-node';
import { plainDoc, readEvalSet, type Evaluation, type Prf, type Score } from './eval-kit.ts';
import { bestOf } from '../bench/bench-kit.ts';
import { scoreTimex } from '../../shared/eval/score/timex.mjs';
import { buildPipeline } from '../src/analyze/pipeline.ts';
import { sentenceStage } from '../src/analyze/sentences/sentence-stage.ts';
import { tokenStage } from '../src/analyze/tokens/token-stage.ts';
import { timeStage } from '../src/analyze/times/time-stage.ts';
import type { Doc } from '../src/model/doc.ts';

/** One TempEval-3 article as the shared set stores it. */
export interface TempevalRecord {
  id: string;
  corpus: 'TimeBank' | 'AQUAINT';
  dct: string;
  text: string;
  timex: { start: number; end: number; text: string; type: string; value: string; tid: string; mod?: string }[];
}

/** A time expression as the scorer reads it. */
interface Timex {
  start: number;
  end: number;
  type: string;
  value: string | null;
}
type Predictions = Map<string, Timex[]>;

interface TimexScores {
  strict: Prf;
  relaxed: Prf;
  value: Prf;
  /** Share of relaxed matches whose type equals the gold type. */
  type: number;
}

/** The Doc of one article: its text read as a plain body, the creation day as publication date. */
export function tempevalDoc(record: TempevalRecord): Doc {
  return plainDoc(record.id, record.text, record.dct.slice(0, 10));
}

const earlier = buildPipeline([sentenceStage, tokenStage]);
const pipeline = buildPipeline([sentenceStage, tokenStage, timeStage]);

/** Our expressions for every record, the time stage's own time over Docs whose sentences and tokens are ready, and the three stages' time. */
function ours(records: TempevalRecord[]): { predictions: Predictions; stageMs: number; pipelineMs: number } {
  const predictions: Predictions = new Map();
  const docs = records.map(tempevalDoc);
  docs.forEach((doc, i) => {
    const times = pipeline.run(doc).layers.times ?? [];
    predictions.set(records[i]!.id, times.map((t) => ({ start: t.start, end: t.end, type: t.type, value: t.value })));
  });
  const pipelineMs = bestOf(1, () => docs.forEach((d) => pipeline.run(d)));
  const prepared = docs.map((d) => earlier.run(d));
  const stageMs = bestOf(1, () => prepared.forEach((d) => timeStage.run(d)));
  return { predictions, stageMs, pipelineMs };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** chrono-node's expressions, paragraph by paragraph, with the creation time (noon UTC of its day) as reference, and its time. */
function chronoBaseline(records: TempevalRecord[]): { predictions: Predictions; ms: number } {
  const predictions: Predictions = new Map();
  const ms = bestOf(1, () => chronoRun(records, predictions));
  return { predictions, ms };
}

function chronoRun(records: TempevalRecord[], predictions: Predictions): void {
  for (const record of records) {
    const instant = new Date(`${record.dct.slice(0, 10)}T12:00:00Z`);
    const found: Timex[] = [];
    const paragraph = /[^\n]+/g;
    for (let m = paragraph.exec(record.text); m; m = paragraph.exec(record.text)) {
      for (const r of chrono.parse(m[0], { instant, timezone: 'UTC' })) {
        const start = m.index + r.index;
        found.push({ start, end: start + r.text.length, ...chronoValue(r.start) });
      }
    }
    predictions.set(record.id, found);
  }
}

/** A chrono component as a TIMEX3 date: as fine as what chrono knows (the weekday fixes the day), with its implied year. */
function chronoValue(c: chrono.ParsedComponents): { type: string; value: string } {
  const y = pad(c.get('year') ?? 0, 4);
  const m = pad(c.get('month') ?? 1);
  const d = pad(c.get('day') ?? 1);
  if (c.isCertain('hour')) return { type: 'TIME', value: `${y}-${m}-${d}T${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}` };
  // A day when chrono knows it, or the weekday, or neither month nor year ("yesterday", "in 3 days").
  const day = c.isCertain('day') || c.isCertain('weekday') || (!c.isCertain('month') && !c.isCertain('year'));
  return { type: 'DATE', value: day ? `${y}-${m}-${d}` : c.isCertain('month') ? `${y}-${m}` : y };
}

function goldOf(records: TempevalRecord[]): Predictions {
  return new Map(records.map((r) => [r.id, r.timex.map((t) => ({ start: t.start, end: t.end, type: t.type, value: t.value }))]));
}

/** Scores of `predictions`, with type accuracy over the relaxed matches the scorer makes (the first overlapping unused prediction of each gold expression). */
function score(records: TempevalRecord[], predictions: Predictions): TimexScores {
  const gold = goldOf(records);
  const s = scoreTimex(gold, predictions) as { strict: Prf; relaxed: Prf; value: Prf };
  let matched = 0;
  let sameType = 0;
  for (const [id, g] of gold) {
    const p = predictions.get(id) ?? [];
    const used = new Set<number>();
    for (const x of g) {
      const j = p.findIndex((y, i) => !used.has(i) && y.start < x.end && x.start < y.end);
      if (j < 0) continue;
      used.add(j);
      matched++;
      if (p[j]!.type === x.type) sameType++;
    }
  }
  return { ...s, type: matched ? sameType / matched : 0 };
}

function table(label: string, rows: [string, TimexScores][]): string[] {
  const f = (x: Prf) => `${x.p.toFixed(3)} ${x.r.toFixed(3)} ${x.f1.toFixed(3)}`;
  return [
    label,
    `  ${''.padEnd(12)} strict P R F1        relaxed P R F1       type acc  value P R F1`,
    ...rows.map(([name, s]) => `  ${name.padEnd(12)} ${f(s.strict)}   ${f(s.relaxed)}   ${s.type.toFixed(3)}     ${f(s.value)}`),
  ];
}

const megabytes = (records: TempevalRecord[]) => records.reduce((n, r) => n + Buffer.byteLength(r.text), 0) / 1e6;
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** Gold expressions missed or valued wrongly and predictions that match none, with context, for error analysis on the development part. */
function errorReport(records: TempevalRecord[], predictions: Predictions): string[] {
  const lines: string[] = [];
  for (const r of records) {
    const p = predictions.get(r.id) ?? [];
    const used = new Set<number>();
    const doc: string[] = [];
    const context = (start: number, end: number) =>
      `…${oneLine(r.text.slice(Math.max(0, start - 50), start))}⟦${oneLine(r.text.slice(start, end))}⟧${oneLine(r.text.slice(end, end + 30))}…`;
    for (const x of r.timex) {
      const j = p.findIndex((y, i) => !used.has(i) && y.start < x.end && x.start < y.end);
      if (j < 0) {
        doc.push(`MISSED   ${x.type} ${x.value} | ${context(x.start, x.end)}`);
        continue;
      }
      used.add(j);
      const y = p[j]!;
      const spanNote = y.start === x.start && y.end === x.end ? '' : ` (ours "${oneLine(r.text.slice(y.start, y.end))}")`;
      if ((y.value ?? '').toUpperCase() !== x.value.toUpperCase()) doc.push(`VALUE    gold ${x.type} ${x.value} ours ${y.type} ${y.value}${spanNote} | ${context(x.start, x.end)}`);
      else if (spanNote) doc.push(`SPAN     ${x.value}${spanNote} | ${context(x.start, x.end)}`);
    }
    p.forEach((y, i) => {
      if (!used.has(i)) doc.push(`SPURIOUS ${y.type} ${y.value} | ${context(y.start, y.end)}`);
    });
    if (doc.length) lines.push(`## ${r.id} (dct ${r.dct})`, ...doc, '');
  }
  return lines;
}

export const evaluation: Evaluation = {
  name: 'times',
  async run({ limit }) {
    const records = readEvalSet<TempevalRecord>('time-tempeval3.jsonl.gz');
    const held = records.filter((r) => r.corpus === 'AQUAINT').slice(0, limit);
    const dev = records.filter((r) => r.corpus === 'TimeBank').slice(0, limit);

    const heldOurs = ours(held);
    const devOurs = ours(dev);
    const heldChrono = chronoBaseline(held);
    const devChrono = chronoBaseline(dev);
    const heldScores = score(held, heldOurs.predictions);
    const heldChronoScores = score(held, heldChrono.predictions);
    const devScores = score(dev, devOurs.predictions);
    const devChronoScores = score(dev, devChrono.predictions);
    // The issue states its target on the whole file: both parts together, the development part included.
    const allScores = score([...held, ...dev], new Map([...heldOurs.predictions, ...devOurs.predictions]));

    const label = `AQUAINT (${held.length} articles, held out)`;
    const scores: Score[] = [
      { name: `${label} value F1`, value: heldScores.value.f1, target: 0.85 },
      { name: `${label} strict span F1`, value: heldScores.strict.f1 },
      { name: `${label} relaxed span F1`, value: heldScores.relaxed.f1 },
      { name: `${label} type accuracy (relaxed matches)`, value: heldScores.type },
      { name: `${label} chrono-node value F1`, value: heldChronoScores.value.f1 },
      { name: `all ${held.length + dev.length} articles (AQUAINT and TimeBank, the development part included) value F1`, value: allScores.value.f1, target: 0.85 },
    ];
    const mb = megabytes([...held, ...dev]);
    const stageSpeed = mb / ((heldOurs.stageMs + devOurs.stageMs) / 1000);
    const pipelineSpeed = mb / ((heldOurs.pipelineMs + devOurs.pipelineMs) / 1000);
    const chronoSpeed = mb / ((heldChrono.ms + devChrono.ms) / 1000);
    const notes = [
      `speed over all ${held.length + dev.length} texts (${mb.toFixed(2)} MB, one pass after a warm-up; npm run bench -- times has more texts and rounds):`,
      `  time stage ${stageSpeed.toFixed(2)} MB/s (sentences and tokens ready), sentences+tokens+times ${pipelineSpeed.toFixed(2)} MB/s; chrono-node per paragraph ${chronoSpeed.toFixed(2)} MB/s`,
      '',
      ...table(`${label}: the reported scores`, [
        ['ours', heldScores],
        ['chrono-node', heldChronoScores],
      ]),
      '',
      ...table(`TimeBank (${dev.length} articles), the development part the stage was tuned on: not a reported score`, [
        ['ours', devScores],
        ['chrono-node', devChronoScores],
      ]),
      '',
      ...table(`All ${held.length + dev.length} articles, the whole file the issue states its target on (TimeBank included, so not held out)`, [['ours', allScores]]),
    ];
    const errorsPath = process.env.TIMES_ERRORS;
    if (errorsPath) {
      // Errors are listed for the development part only, so that AQUAINT stays held out.
      writeFileSync(errorsPath, errorReport(dev, devOurs.predictions).join('\n') + '\n');
      notes.push('', `TIMES_ERRORS: TimeBank errors written to ${errorsPath}`);
    }
    return { task: 'time expressions and TIMEX3 values (TempEval-3 TBAQ-cleaned)', scores, notes };
  },
};
