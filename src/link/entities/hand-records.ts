// Records with hand-laid entities, quotes and figures, for tests of entity linking and of what is built
// on it (the linker's, the store contract's, the CLI's): every span is found in the record's own
// text, so it is right by construction and `text.slice(start, end) === span.text` holds.
import { docId } from '../../model/doc.ts';
import type { Entity, EntityType, Figure, Quote } from '../../model/layers.ts';
import type { AnalysisRecord } from '../../model/record.ts';
import type { TextSpan } from '../../model/span.ts';

/** An entity to lay into a text: its name, type, the forms its mentions take (default: the name) and stated titles. */
export interface EntitySpec {
  name: string;
  type: EntityType;
  forms?: string[];
  titles?: string[];
}

/**
 * The entities `specs` describe, as the contract lays them out (ids e1, e2, … in spec order):
 * every whole-word occurrence in `text` of one of an entity's forms is a mention, longer forms
 * first, no two mentions overlapping. Throws when a form does not occur or an entity is left
 * without a mention, so a test cannot silently describe a text it does not have.
 */
export function layEntities(text: string, specs: readonly EntitySpec[]): Entity[] {
  const taken: TextSpan[] = [];
  const found = specs.map(() => [] as TextSpan[]);
  const jobs = specs
    .flatMap((spec, i) => (spec.forms ?? [spec.name]).map((form) => ({ form, i })))
    .sort((a, b) => b.form.length - a.form.length);
  for (const { form, i } of jobs) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
    let hits = 0;
    for (const m of text.matchAll(pattern)) {
      const span = { start: m.index, end: m.index + form.length, text: form };
      if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
      taken.push(span);
      found[i]!.push(span);
      hits++;
    }
    if (hits === 0 && !taken.some((t) => t.text.includes(form))) throw new Error(`form ${JSON.stringify(form)} does not occur in the text`);
  }
  specs.forEach((spec, i) => {
    if (found[i]!.length === 0) throw new Error(`entity ${JSON.stringify(spec.name)} has no mention of its own in the text`);
  });
  return specs.map((spec, i) => ({
    id: `e${i + 1}`,
    name: spec.name,
    type: spec.type,
    titles: spec.titles ?? [],
    mentions: found[i]!.sort((a, b) => a.start - b.start),
  }));
}

/** What a hand-made article says about itself. */
export interface HandArticle {
  /** The first line is the headline. */
  text: string;
  entities: readonly EntitySpec[];
  date?: string | null;
  outlet?: string | null;
  url?: string | null;
}

/** A full analysis record of a hand-made article: id from its text, headline span, the entities laid out; other layers empty. */
export function handRecord(article: HandArticle): AnalysisRecord {
  const { text } = article;
  const headlineEnd = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n');
  return {
    id: docId(text),
    source: { path: null, url: article.url ?? null, outlet: article.outlet ?? null },
    title: headlineEnd > 0 ? { start: 0, end: headlineEnd, text: text.slice(0, headlineEnd) } : null,
    subtitle: null,
    byline: [],
    dateline: null,
    published: { date: article.date ?? null, basis: article.date ? 'metadata' : 'none', conflicts: [] },
    text,
    captions: [],
    sentences: [],
    entities: layEntities(text, article.entities),
    quotes: [],
    times: [],
    figures: [],
    events: [],
  };
}

/** `record` with its entities laid out afresh from `specs` in its own text; its quotes and figures, which named the entities replaced, are dropped. */
export function withEntities(record: AnalysisRecord, specs: readonly EntitySpec[]): AnalysisRecord {
  return { ...record, entities: layEntities(record.text, specs), quotes: [], figures: [] };
}

/** A quote to lay into a record's text: each string is looked for in the text. */
export interface QuoteSpec {
  /** The content, at its first occurrence. */
  content: string;
  kind?: Quote['kind'];
  /** The speaker as written and, when it refers to one, the name of the record's entity; at the occurrence nearest the cue (else the content). */
  speaker?: { text: string; entity?: string } | null;
  /** The cue word(s), at the occurrence nearest the content. */
  cue?: string | null;
  date?: string | null;
}

/**
 * The quotes `specs` describe, in spec order (kind "direct" unless given). Throws when a string
 * does not occur in the text or a speaker's entity is not one of the record's, so a test cannot
 * describe a text it does not have.
 */
export function layQuotes(record: AnalysisRecord, specs: readonly QuoteSpec[]): Quote[] {
  const { text } = record;
  return specs.map((spec) => {
    const content = occurrences(text, spec.content)[0]!;
    // The speaker is looked for beside the cue: in "Leavitt said X; Leavitt added Y", X's speaker is the first Leavitt.
    const cue = spec.cue ? nearest(text, spec.cue, content) : null;
    return {
      ...content,
      kind: spec.kind ?? 'direct',
      speaker: spec.speaker ? { ...nearest(text, spec.speaker.text, cue ?? content), entity: entityIdNamed(record, spec.speaker.entity) } : null,
      cue,
      date: spec.date ?? null,
    };
  });
}

/** `record` with the quotes `specs` describe, in place of any it had. */
export function withQuotes(record: AnalysisRecord, specs: readonly QuoteSpec[]): AnalysisRecord {
  return { ...record, quotes: layQuotes(record, specs) };
}

/** A figure to lay into a record's text: the figure as written (at its first occurrence, or its `nth`, from 1) and its values. */
export interface FigureSpec {
  text: string;
  nth?: number;
  low?: number | null;
  high?: number | null;
  hedge?: string | null;
  unit?: string | null;
  /** What it counts, in the text's own words (so it must occur in the text). */
  counts?: string | null;
  /** Who asserts it, as written (it must occur in the text), and the name of the record's entity it refers to. */
  claimant?: { text: string; entity?: string } | null;
  asOf?: string | null;
}

/**
 * The figures `specs` describe, in spec order (values null unless given). Throws when a string
 * does not occur in the text or a claimant's entity is not one of the record's, so a test cannot
 * describe a text it does not have.
 */
export function layFigures(record: AnalysisRecord, specs: readonly FigureSpec[]): Figure[] {
  const { text } = record;
  return specs.map((spec) => {
    const figure = occurrences(text, spec.text)[(spec.nth ?? 1) - 1];
    if (!figure) throw new Error(`${JSON.stringify(spec.text)} does not occur ${spec.nth} times in the text`);
    if (spec.counts) occurrences(text, spec.counts);
    if (spec.claimant) occurrences(text, spec.claimant.text);
    return {
      ...figure,
      low: spec.low ?? null,
      high: spec.high ?? null,
      hedge: spec.hedge ?? null,
      unit: spec.unit ?? null,
      counts: spec.counts ?? null,
      claimant: spec.claimant ? { entity: entityIdNamed(record, spec.claimant.entity), text: spec.claimant.text } : null,
      asOf: spec.asOf ?? null,
    };
  });
}

/** `record` with the figures `specs` describe, in place of any it had. */
export function withFigures(record: AnalysisRecord, specs: readonly FigureSpec[]): AnalysisRecord {
  return { ...record, figures: layFigures(record, specs) };
}

/** Every occurrence of `s` in `text`, in text order; throws when there is none. */
function occurrences(text: string, s: string): TextSpan[] {
  const found: TextSpan[] = [];
  for (let at = text.indexOf(s); at !== -1; at = text.indexOf(s, at + 1)) found.push({ start: at, end: at + s.length, text: s });
  if (found.length === 0) throw new Error(`${JSON.stringify(s)} does not occur in the text`);
  return found;
}

/** The occurrence of `s` in `text` nearest the span `to`. */
function nearest(text: string, s: string, to: TextSpan): TextSpan {
  return occurrences(text, s).reduce((best, o) => (distance(o, to) < distance(best, to) ? o : best));
}

/** The id of the record's entity named `name`; null when no name is given; throws when the record has none of that name. */
function entityIdNamed(record: AnalysisRecord, name: string | undefined): string | null {
  if (name === undefined) return null;
  const entity = record.entities.find((e) => e.name === name);
  if (!entity) throw new Error(`the record has no entity named ${JSON.stringify(name)}`);
  return entity.id;
}

/** Characters between two spans; 0 when they overlap. */
function distance(a: TextSpan, b: TextSpan): number {
  return Math.max(0, a.start - b.end, b.start - a.end);
}
