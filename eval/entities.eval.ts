// Named-entity mentions (PER, ORG, LOC), exact and overlap F1 with ../shared/eval/score/ner.mjs,
// on (a) the MEANTIME dev topics airbus and apple (scored up to complete_until), (b) CrossNER
// politics, (c) GUM news documents; our tagger beside compromise in the same run.
//
// No score is taken on text a model was trained on: five fold models are trained in-process.
// Fold 1 leaves out MEANTIME airbus, fold 2 MEANTIME apple; every fold leaves out one fifth of
// CrossNER (contiguous blocks of sentences, which keeps an article's sentences together) and one
// fifth of the GUM news documents (sorted by id); each held-out text is tagged by the one fold
// model that did not see it. Fold models use the committed model's settings (same epochs).
// Predictions go through the pipeline's entity stage when STAGES has one (with the fold model
// built over the fold model with createEntityStage), else through the raw tagger over the sentence and token stages.
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';
import { plainDoc, type Evaluation, type Score } from './eval-kit.ts';
import { crossnerText, gumText, meantimeText, readEntityCorpora } from './entities-corpora.ts';
import { scoreNer, mentionsOf } from '../../shared/eval/score/ner.mjs';
import { trainTagger, type TrainingText } from '../src/analyze/entities/ner-training.ts';
import type { NerModel } from '../src/analyze/entities/ner-model.ts';
import { createEntityStage, entityStage as committedEntityStage } from '../src/analyze/entities/entity-stage.ts';
import { buildPipeline, STAGES, type Pipeline } from '../src/analyze/pipeline.ts';
import { sentenceStage } from '../src/analyze/sentences/sentence-stage.ts';
import { tokenStage } from '../src/analyze/tokens/token-stage.ts';
import { TRAINING } from '../scripts/train-entities.ts';

interface Mention {
  start: number;
  end: number;
  type: string;
}
interface GoldDoc {
  id: string;
  text: string;
  complete_until?: number;
  entities: Mention[];
}
type Predictions = Map<string, Mention[]>;

const FOLDS = 5;
const entityStage = STAGES.includes(committedEntityStage) ? committedEntityStage : undefined;
const rawPipeline = buildPipeline([sentenceStage, tokenStage]);
/** The pipeline with the entity stage over `model` instead of the committed one. */
const pipelines = new WeakMap<NerModel, Pipeline>();
const pipelineWith = (model: NerModel): Pipeline => {
  let pipeline = pipelines.get(model);
  if (!pipeline) pipelines.set(model, (pipeline = buildPipeline(STAGES.map((s) => (s === committedEntityStage ? createEntityStage(() => model) : s)))));
  return pipeline;
};

/** Our mentions of one text: through the entity stage if the pipeline has one, else the raw tagger. */
function ours(model: NerModel, text: string): Mention[] {
  const doc = plainDoc('a held-out text', text);
  if (entityStage) return mentionsOf(pipelineWith(model).run(doc).layers) as Mention[];
  const layers = rawPipeline.run(doc).layers;
  return model.tag(text, layers.tokens!, layers.sentences!).map((m) => ({ ...m }));
}

const TRAILING_PUNCT = /[\s.,;:!?'"”’)\]]+$/;
/** compromise's people, organisations and places with offsets (trailing punctuation it includes cut off). */
function compromiseMentions(text: string): Mention[] {
  const doc = nlp(text);
  const out: Mention[] = [];
  const add = (list: { offset: { start: number; length: number } }[], type: string) => {
    for (const m of list) {
      const start = m.offset.start;
      let end = start + m.offset.length;
      const cut = TRAILING_PUNCT.exec(text.slice(start, end));
      if (cut) end -= cut[0].length;
      if (end > start) out.push({ start, end, type });
    }
  };
  add(doc.people().json({ offset: true }), 'PER');
  add(doc.organizations().json({ offset: true }), 'ORG');
  add(doc.places().json({ offset: true }), 'LOC');
  return out;
}

const GUM_SCORED: Record<string, string> = { person: 'PER', place: 'LOC', organization: 'ORG' };

export const evaluation: Evaluation = {
  name: 'entities',
  async run({ limit }) {
    const { gum, crossner, meantime } = readEntityCorpora();
    const news = gum.filter((d) => d.genre === 'news').sort((a, b) => (a.id < b.id ? -1 : 1));
    const newsFold = new Map(news.map((d, i) => [d.id, Math.floor((i * FOLDS) / news.length)]));
    const crossnerFold = (i: number) => Math.floor((i * FOLDS) / crossner.length);
    const meantimeFold = (topic: string) => (topic === 'airbus' ? 0 : topic === 'apple' ? 1 : -1);

    // Held-out sets (a `limit` takes the first N of each, for a quick run).
    const heldMeantime = meantime.slice(0, limit);
    const heldCrossner = crossner.map((d, i) => ({ d, fold: crossnerFold(i) })).slice(0, limit);
    const heldNews = news.slice(0, limit);
    const epochs = limit === undefined ? TRAINING.epochs : 2;

    const pred = { meantime: new Map() as Predictions, crossner: new Map() as Predictions, gum: new Map() as Predictions };
    const base = { meantime: new Map() as Predictions, crossner: new Map() as Predictions, gum: new Map() as Predictions };
    let ourMs = 0;
    let ourBytes = 0;
    let trainMs = 0;
    for (let k = 0; k < FOLDS; k++) {
      const train: TrainingText[] = [
        ...gum.filter((d) => d.genre !== 'news' || newsFold.get(d.id) !== k).map(gumText),
        ...crossner.filter((_, i) => crossnerFold(i) !== k).map(crossnerText),
        ...meantime.filter((d) => meantimeFold(d.topic) !== k).map(meantimeText),
      ];
      const t0 = performance.now();
      const model = trainTagger(train, { ...TRAINING, epochs }).tagger;
      trainMs += performance.now() - t0;
      const tagAll = (docs: { id: string; text: string }[], into: Predictions) => {
        const t1 = performance.now();
        for (const d of docs) into.set(d.id, ours(model, d.text));
        ourMs += performance.now() - t1;
        ourBytes += docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
      };
      tagAll(heldMeantime.filter((d) => meantimeFold(d.topic) === k), pred.meantime);
      tagAll(heldCrossner.filter((c) => c.fold === k).map((c) => c.d), pred.crossner);
      tagAll(heldNews.filter((d) => newsFold.get(d.id) === k), pred.gum);
    }
    let compromiseMs = 0;
    let compromiseBytes = 0;
    const runCompromise = (docs: { id: string; text: string }[], into: Predictions) => {
      const t0 = performance.now();
      for (const d of docs) into.set(d.id, compromiseMentions(d.text));
      compromiseMs += performance.now() - t0;
      compromiseBytes += docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
    };
    runCompromise(heldMeantime, base.meantime);
    runCompromise(heldCrossner.map((c) => c.d), base.crossner);
    runCompromise(heldNews, base.gum);

    const gold: Record<'meantime' | 'crossner' | 'gum', GoldDoc[]> = {
      meantime: heldMeantime,
      crossner: heldCrossner.map((c) => c.d),
      gum: heldNews.map((d) => ({
        id: d.id,
        text: d.text,
        entities: d.entities.filter((e) => e.proper && GUM_SCORED[e.type]).map((e) => ({ start: e.start, end: e.end, type: GUM_SCORED[e.type]! })),
      })),
    };
    const sets = [
      ['meantime', `MEANTIME dev (airbus, apple; ${heldMeantime.length} articles)`],
      ['crossner', `CrossNER politics (${heldCrossner.length} sentences)`],
      ['gum', `GUM news (${heldNews.length} documents)`],
    ] as const;
    const scores: Score[] = [];
    const notes: string[] = [
      `scored: ${entityStage ? `the pipeline's entity stage (${entityStage.name}) with fold models` : 'the raw tagger (no stage adds entities yet)'}; 5 fold models, ${epochs} epochs each, trained in ${(trainMs / 1000).toFixed(1)} s`,
      `speed on these texts: ours ${((ourBytes / ourMs) * 1000 / 1e6).toFixed(2)} MB/s (reading, sentences, tokens, tagging), compromise ${((compromiseBytes / compromiseMs) * 1000 / 1e6).toFixed(2)} MB/s`,
      '',
      `${'set'.padEnd(10)} ${'system'.padEnd(10)} ${'mode'.padEnd(8)} ${'type'.padEnd(4)}     P      R      F1   (tp/fp/fn)`,
    ];
    for (const [key, label] of sets) {
      for (const mode of ['exact', 'overlap'] as const) {
        for (const [system, p] of [['ours', pred[key]], ['compromise', base[key]]] as const) {
          const r = scoreNer(gold[key], p, mode);
          const target = key === 'meantime' && system === 'ours' ? (mode === 'exact' ? 0.75 : 0.85) : undefined;
          scores.push({ name: `${label.split(' (')[0]} ${mode} F1, ${system}`, value: r.all.f1, ...(target === undefined ? {} : { target }) });
          for (const [type, s] of [['ALL', r.all], ...Object.entries(r.byType).sort()] as const) {
            notes.push(
              `${key.padEnd(10)} ${system.padEnd(10)} ${mode.padEnd(8)} ${type.padEnd(4)} ${s.p.toFixed(3)}  ${s.r.toFixed(3)}  ${s.f1.toFixed(3)}  (${s.tp}/${s.fp}/${s.fn})`,
            );
          }
        }
      }
    }
    for (const [, label] of sets) notes.push(`set: ${label}`);
    return { task: 'named-entity mentions PER/ORG/LOC (ours: fold models never scored on their training text; compromise as baseline)', scores, notes };
  },
};
