// Small builders for the JSON schemas of the API. Two rules hold for every object they build:
//   - `additionalProperties: true`: fastify serialises responses with their schema and would
//     silently drop a field the schema does not list; the analysis contract says "more fields may
//     be added", so a field added to the record later reaches clients before its schema does.
//     (The tests check the other way round: every field a response has is declared.)
//   - every listed property is required unless said otherwise: the store gives null, not absence.

/** A JSON schema, as plain data (fastify, @fastify/swagger and Ajv all take it as it is). */
export type JsonSchema = { [keyword: string]: unknown };

/** An object whose `properties` are all required except those named in `optional`; extra fields pass through. */
export function object(properties: Record<string, JsonSchema>, options: { optional?: readonly string[]; description?: string } = {}): JsonSchema {
  const optional = new Set(options.optional ?? []);
  const required = Object.keys(properties).filter((key) => !optional.has(key));
  return {
    type: 'object',
    ...(options.description === undefined ? {} : { description: options.description }),
    properties,
    ...(required.length === 0 ? {} : { required }),
    additionalProperties: true,
  };
}

/** The same schema, also accepting null (OpenAPI 3.1 and JSON Schema 2020-12 write it as a type list). */
export function nullable(schema: JsonSchema): JsonSchema {
  const type = schema['type'];
  // An enum lists its values, so null must be one of them too.
  const values = Array.isArray(schema['enum']) ? { enum: [...(schema['enum'] as unknown[]), null] } : {};
  if (typeof type === 'string') return { ...schema, type: [type, 'null'], ...values };
  return { anyOf: [schema, { type: 'null' }] };
}

/** An array of `items`. */
export function arrayOf(items: JsonSchema, description?: string): JsonSchema {
  return { type: 'array', items, ...(description === undefined ? {} : { description }) };
}

/** A reference to a schema registered with `addSchema` under this `$id`. */
export function ref(id: string): JsonSchema {
  return { $ref: `${id}#` };
}

export const string: JsonSchema = { type: 'string' };
export const nullableString: JsonSchema = { type: ['string', 'null'] };
export const integer: JsonSchema = { type: 'integer' };
export const boolean: JsonSchema = { type: 'boolean' };
/** A day as YYYY-MM-DD, or null. */
export const nullableDay: JsonSchema = { type: ['string', 'null'], description: 'a day as YYYY-MM-DD, or null' };
