// The analysis record (src/model/record.ts, ../shared/contract/analysis.md) as a JSON schema, for
// the responses that carry stored records. Written from the model's types: field for field, with
// spans as `[start, end)` into the record's `text`.
import { arrayOf, nullable, nullableDay, nullableString, object, string, type JsonSchema } from './schema-helpers.ts';

/** `[start, end)` into the record's text. */
export const rangeSchema: JsonSchema = object({ start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 } });

/** `[start, end)` into the record's text with the characters it covers. */
export const spanSchema: JsonSchema = object(
  { start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 0 }, text: string },
  { description: 'a span [start, end) of the record text (UTF-16 code units) and the text it covers' },
);

const ENTITY_TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'EVENT', 'OTHER'];
/** The entity types of the contract, for query parameters and responses. */
export const entityTypeSchema: JsonSchema = { type: 'string', enum: ENTITY_TYPES };

const spanProperties = spanSchema['properties'] as Record<string, JsonSchema>;
/** A span with more fields. */
const spanWith = (properties: Record<string, JsonSchema>, description?: string) => object({ ...spanProperties, ...properties }, { description });

/** The analysis record, as `dossier show` prints it. */
export const analysisRecordSchema: JsonSchema = object(
  {
    id: { type: 'string', description: 'stable: the same text gives the same id' },
    source: object({ path: nullableString, url: nullableString, outlet: nullableString }),
    title: nullable(spanSchema),
    subtitle: nullable(spanSchema),
    byline: arrayOf(object({ name: string, affiliation: nullableString })),
    dateline: nullable(spanWith({ place: nullableString, agency: nullableString })),
    published: object({
      date: nullableDay,
      basis: { type: 'string', enum: ['metadata', 'content', 'argument', 'none'] },
      conflicts: arrayOf(object({ date: string, basis: string, why: string })),
    }),
    text: { type: 'string', description: 'title, standfirst and body in reading order; every span points into it' },
    captions: arrayOf(object({ text: string, credit: nullableString })),
    sentences: arrayOf(rangeSchema),
    entities: arrayOf(
      object({
        id: string,
        name: string,
        type: entityTypeSchema,
        titles: arrayOf(string),
        mentions: arrayOf(spanSchema, 'every named mention, pronouns excluded'),
      }),
    ),
    quotes: arrayOf(
      spanWith(
        {
          kind: { type: 'string', enum: ['direct', 'indirect', 'mixed'] },
          speaker: nullable(spanWith({ entity: nullableString })),
          cue: nullable(spanSchema),
          date: nullableString,
        },
        'the reported content only, without quote marks or cue',
      ),
    ),
    times: arrayOf(spanWith({ type: { type: 'string', enum: ['DATE', 'TIME', 'DURATION', 'SET'] }, value: nullableString })),
    figures: arrayOf(
      spanWith({
        low: { type: ['number', 'null'] },
        high: { type: ['number', 'null'] },
        hedge: nullableString,
        unit: nullableString,
        counts: nullableString,
        claimant: nullable(object({ entity: nullableString, text: string })),
        asOf: nullableString,
      }),
    ),
    events: arrayOf(
      object({
        type: string,
        trigger: spanSchema,
        participants: arrayOf(object({ entity: string, role: { type: 'string', enum: ['agent', 'patient', 'mediator', 'with'] } })),
        place: nullable(object({ entity: string })),
        time: nullableString,
        status: { type: 'string', enum: ['happened', 'ongoing', 'planned', 'possible', 'denied', 'unknown'] },
        source: {
          ...nullable(object({ quote: { type: 'integer', description: 'its index in the quotes layer' }, speaker: nullableString })),
          description: 'the statement that reports the event; null when the article tells it in its own voice',
        },
        // Optional: records stored before events had a source lack it.
      }, { optional: ['source'] }),
    ),
  },
  { description: 'one analysis record: the article text and every analysis layer, spans into its text' },
);
