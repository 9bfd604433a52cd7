// The analysis record of ../shared/contract/analysis.md: what `dossier analyze` prints and
// what the store keeps. Layers not computed yet print as empty arrays; nothing is invented.
import type { Doc } from './doc.ts';
import type { Entity, Figure, NewsEvent, Quote, TimeExpression } from './layers.ts';
import type { Span, TextSpan } from './span.ts';

/** One analysis record, field for field as the contract names them. */
export interface AnalysisRecord {
  id: string;
  source: Doc['meta']['source'];
  title: TextSpan | null;
  subtitle: TextSpan | null;
  byline: Doc['meta']['byline'];
  dateline: Doc['meta']['dateline'];
  published: Doc['meta']['published'];
  text: string;
  captions: Doc['meta']['captions'];
  sentences: Span[];
  entities: Entity[];
  quotes: Quote[];
  times: TimeExpression[];
  figures: Figure[];
  events: NewsEvent[];
}

/** The contract record of an analysed Doc. */
export function toRecord(doc: Doc): AnalysisRecord {
  const { meta, layers } = doc;
  return {
    id: doc.id,
    source: meta.source,
    title: meta.title,
    subtitle: meta.subtitle,
    byline: meta.byline,
    dateline: meta.dateline,
    published: meta.published,
    text: doc.text,
    captions: meta.captions,
    sentences: layers.sentences ?? [],
    entities: layers.entities ?? [],
    quotes: layers.quotes ?? [],
    times: layers.times ?? [],
    figures: layers.figures ?? [],
    events: layers.events ?? [],
  };
}

/** The Doc a stored record stands for (the inverse of `toRecord`). */
export function fromRecord(record: AnalysisRecord): Doc {
  return {
    id: record.id,
    text: record.text,
    meta: {
      source: record.source,
      title: record.title,
      subtitle: record.subtitle,
      byline: record.byline,
      dateline: record.dateline,
      published: record.published,
      captions: record.captions,
    },
    layers: {
      sentences: record.sentences,
      entities: record.entities,
      quotes: record.quotes,
      times: record.times,
      figures: record.figures,
      events: record.events,
    },
  };
}
