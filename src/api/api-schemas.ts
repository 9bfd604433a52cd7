// The named schemas of the API: what the store and the figure ledger give (src/store/store.ts,
// src/link/ledger/figure-ledger.ts), field for field, registered once with `addSchema` so that
// routes refer to them by name and the OpenAPI document lists them under components.schemas.
import type { FastifyInstance } from 'fastify';
import { analysisRecordSchema, entityTypeSchema, rangeSchema, spanSchema } from './record-schema.ts';
import { arrayOf, integer, nullable, nullableDay, nullableString, object, ref, string, type JsonSchema } from './schema-helpers.ts';

/** The fields of ArticleMeta, for schemas that extend it (each field listed: responses are checked field for field). */
export const articleMetaProperties = {
  id: { type: 'string', description: 'the record id (this version)' },
  articleId: { type: 'string', description: 'the record id of the first version of the article' },
  version: integer,
  latest: { type: 'boolean', description: 'true for the newest version of its article' },
  url: nullableString,
  outlet: nullableString,
  published: nullableDay,
  title: nullableString,
  ingestedAt: { type: 'string', description: 'when this version was stored, ISO 8601 in UTC' },
} satisfies Record<string, JsonSchema>;

const identitySummaryProperties = {
  id: string,
  type: entityTypeSchema,
  name: { type: 'string', description: 'canonical name: the fullest seen' },
  ambiguous: { type: 'boolean', description: 'true for a bare surname several people share' },
  articles: { type: 'integer', description: 'articles (latest versions) that mention it' },
  mentions: integer,
} satisfies Record<string, JsonSchema>;

const identityName = object({ id: string, name: string });
const linkEvidence: JsonSchema = {
  type: 'string',
  enum: ['new identity', 'exact name', 'alias', 'given name and surname', 'surname of unique person', 'acronym', 'ambiguous surname'],
};

const storedLayerItemProperties = {
  recordId: { type: 'string', description: "the record (the article's latest version)" },
  index: { type: 'integer', description: "its place in the record's layer" },
  articleId: string,
  url: nullableString,
  outlet: nullableString,
  title: nullableString,
  published: nullableDay,
} satisfies Record<string, JsonSchema>;

const ledgerPoint = object({
  article: { type: 'string', description: 'the record id' },
  outlet: nullableString,
  start: integer,
  end: integer,
  text: string,
  low: { type: ['number', 'null'] },
  high: { type: ['number', 'null'] },
  hedge: nullableString,
  claimant: nullable(object({ entity: nullableString, text: string })),
  asOf: { type: ['string', 'null'], description: "the date it describes: its asOf, else the article's publication date" },
});

/** Every named schema, by `$id`. */
const NAMED_SCHEMAS: Record<string, JsonSchema> = {
  Error: object(
    {
      error: object(
        {
          status: { type: 'integer', description: 'the HTTP status, repeated' },
          message: { type: 'string', description: 'one line, for people' },
          candidates: arrayOf({}, 'what an ambiguous name or id prefix could mean (409 only): ids, or identities'),
        },
        { optional: ['candidates'] },
      ),
    },
    { description: 'every error response' },
  ),
  AnalysisRecord: analysisRecordSchema,
  Span: spanSchema,
  Range: rangeSchema,
  ArticleMeta: object(articleMetaProperties, { description: 'the indexed facts of one stored record (one version of an article)' }),
  EntityLink: object({ recordId: string, entityId: string, identityId: string, evidence: linkEvidence, note: nullableString }),
  StoredArticle: object(
    { ...articleMetaProperties, record: ref('AnalysisRecord'), links: arrayOf(ref('EntityLink'), "how the record's entities are linked to identities (latest versions only)") },
    { description: 'one stored record with all its layers' },
  ),
  SearchHit: object({
    ...articleMetaProperties,
    score: { type: 'number', description: 'relevance, higher is better, comparable within one result list' },
    snippet: object({ text: string, marks: arrayOf(ref('Range'), 'the matched words, as spans into the snippet text') }),
  }),
  StoreStats: object({
    articles: { type: 'integer', description: 'articles (latest versions)' },
    versions: integer,
    outlets: arrayOf(object({ name: string, articles: integer })),
    undated: integer,
    firstPublished: nullableDay,
    lastPublished: nullableDay,
  }),
  IdentitySummary: object(identitySummaryProperties),
  IdentityDetail: object({
    ...identitySummaryProperties,
    aliases: arrayOf(string),
    related: arrayOf(object({ ...identitySummaryProperties, relation: { type: 'string', enum: ['demonym of', 'has demonym'] } })),
    titles: arrayOf(object({ title: string, firstDate: nullableDay, lastDate: nullableDay, articles: arrayOf(object({ id: string, date: nullableDay })) })),
    appearances: arrayOf(
      object({
        id: string,
        articleId: string,
        title: nullableString,
        outlet: nullableString,
        published: nullableDay,
        links: arrayOf(object({ entityId: string, name: string, evidence: linkEvidence, note: nullableString })),
        mentions: arrayOf(ref('Span')),
      }),
    ),
    candidates: arrayOf(ref('IdentitySummary'), 'for an ambiguous identity: the people it may stand for'),
  }),
  StoredQuote: object({
    ...storedLayerItemProperties,
    content: ref('Span'),
    kind: { type: 'string', enum: ['direct', 'indirect', 'mixed'] },
    speaker: nullable(object({ ...(spanSchema['properties'] as Record<string, JsonSchema>), entity: nullableString, identity: nullable(identityName) })),
    cue: nullable(ref('Span')),
    date: nullableString,
    sentences: nullable(ref('Span')),
  }),
  StoredFigure: object({
    ...storedLayerItemProperties,
    figure: ref('Span'),
    low: { type: ['number', 'null'] },
    high: { type: ['number', 'null'] },
    hedge: nullableString,
    unit: nullableString,
    counts: nullableString,
    claimant: nullable(object({ text: string, entity: nullableString, identity: nullable(identityName) })),
    asOf: nullableString,
    sentence: nullable(ref('Span')),
  }),
  LedgerPoint: ledgerPoint,
  FigureSeries: object({ id: string, family: string, definition: string, place: nullableString, unit: string, points: arrayOf(ref('LedgerPoint')) }),
  FigureDisagreement: object({
    kind: { type: 'string', enum: ['update', 'different definition', 'conflict'] },
    series: { type: 'array', items: string, minItems: 2, maxItems: 2, description: 'the series of the earlier and the later point' },
    earlier: ref('LedgerPoint'),
    later: ref('LedgerPoint'),
    why: string,
  }),
  StorySummary: object({
    id: string,
    label: string,
    size: { ...integer, description: 'articles in the story' },
    articles: arrayOf(string, 'record ids of its articles (latest versions), in the order they joined'),
    subEvents: arrayOf(object({ id: string, label: string, articles: arrayOf(string) })),
    firstPublished: nullableString,
    lastPublished: nullableString,
  }),
  StoryView: object({
    id: string,
    label: string,
    articles: arrayOf(object({ id: string, title: nullableString, outlet: nullableString, published: nullableString })),
    subEvents: arrayOf(object({ id: string, label: string, articleIds: arrayOf(string) })),
    timeline: arrayOf(
      object(
        {
          date: nullableString,
          kind: { type: 'string', enum: ['event', 'quote', 'figure'] },
          status: string,
          text: string,
          article: string,
          outlet: nullableString,
          start: integer,
          end: integer,
        },
        { optional: ['status'] },
      ),
      'one page of the timeline: its events, quotes and figures in date order, undated last',
    ),
    timelineTotal: { ...integer, description: 'entries in the whole timeline, all pages' },
    timelineNextCursor: { type: ['string', 'null'], description: 'pass as `cursor` for the next page of the timeline; null: no more' },
    people: arrayOf(object({ name: string, type: string, roles: arrayOf(string), mentions: integer })),
    quotesBySpeaker: arrayOf(
      object({
        speaker: string,
        quoteCount: { ...integer, description: "the speaker's quotes in the story" },
        quotes: arrayOf(object({ text: string, kind: string, article: string, start: integer, end: integer, date: nullableString }), 'the first of them (none past the most quoted speakers)'),
      }),
      'every speaker, the most quoted first',
    ),
    series: arrayOf(ref('FigureSeries')),
    disagreements: arrayOf(ref('FigureDisagreement'), 'the first of them'),
    disagreementCount: { ...integer, description: 'disagreements between the figures of the story' },
    sources: object({ outlets: arrayOf(string), articles: integer, independent: integer }),
  }),
  PutResult: object({
    id: string,
    status: { type: 'string', enum: ['new', 'unchanged', 'new version'] },
    articleId: string,
    version: integer,
  }),
};

/** Registers every named schema on `app`; routes refer to them with `ref(name)`. */
export function addApiSchemas(app: FastifyInstance): void {
  for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) app.addSchema({ $id: id, title: id, ...schema });
}

/** The names of the schemas addApiSchemas registers (the OpenAPI document's components). */
export const SCHEMA_NAMES: readonly string[] = Object.keys(NAMED_SCHEMAS);

/** A page of a listing: `items`, and the cursor of the next page (null: no more); `extra` echoes what was asked. */
export function pageOf(items: JsonSchema, extra: Record<string, JsonSchema> = {}): JsonSchema {
  return object({ ...extra, items: arrayOf(items), nextCursor: { type: ['string', 'null'], description: 'pass as `cursor` for the next page; null: no more' } });
}
