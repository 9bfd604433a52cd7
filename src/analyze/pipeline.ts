// The one ordered list of analysis stages, and the runner that checks their declarations
// when it is built and builds each next Doc from what a stage returns.
import type { Doc } from '../model/doc.ts';
import type { LayerName } from '../model/layers.ts';
import type { Stage } from './stage.ts';
import { sentenceStage } from './sentences/sentence-stage.ts';
import { tokenStage } from './tokens/token-stage.ts';
import { entityStage } from './entities/entity-stage.ts';
import { quoteStage } from './quotes/quote-stage.ts';
import { timeStage } from './times/time-stage.ts';
import { figureStage } from './figures/figure-stage.ts';
import { eventStage } from './events/event-stage.ts';

/** The stages `dossier analyze` and `dossier ingest` run, in order. Sentences come first: later stages work sentence by sentence. */
export const STAGES: readonly Stage[] = [sentenceStage, tokenStage, timeStage, entityStage, quoteStage, figureStage, eventStage];

/** A failure inside a stage, naming the stage and the document. */
export class StageError extends Error {
  constructor(
    readonly stage: string,
    readonly docId: string,
    cause: unknown,
  ) {
    super(`stage ${stage} failed on document ${docId}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** A runnable pipeline: stages checked so that each one's requirements are added by an earlier one. */
export interface Pipeline {
  stages: readonly Stage[];
  run(doc: Doc): Doc;
}

/** Builds a pipeline, refusing an order in which a stage needs a layer no earlier stage adds, or two stages add the same layer. */
export function buildPipeline(stages: readonly Stage[] = STAGES): Pipeline {
  const available = new Set<LayerName>();
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!available.has(need)) throw new Error(`stage ${stage.name} requires layer ${need}, which no earlier stage adds`);
    }
    for (const layer of stage.adds) {
      if (available.has(layer)) throw new Error(`stage ${stage.name} adds layer ${layer}, which an earlier stage already adds`);
      available.add(layer);
    }
  }
  return {
    stages,
    run(doc: Doc): Doc {
      let current = doc;
      for (const stage of stages) {
        let added;
        try {
          added = stage.run(current);
        } catch (error) {
          throw new StageError(stage.name, doc.id, error);
        }
        for (const key of Object.keys(added) as LayerName[]) {
          if (!stage.adds.includes(key)) throw new StageError(stage.name, doc.id, new Error(`returned undeclared layer ${key}`));
        }
        current = { ...current, layers: { ...current.layers, ...added } };
      }
      return current;
    },
  };
}
