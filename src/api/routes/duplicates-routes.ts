// /articles/:id/duplicates and /articles/:id/diff: the stored copies and versions of an article,
// and what changed between two stored records, figure changes first, as `dossier show --format
// text` lists the one and `dossier diff` prints the other (same lookups: ../../store/lookups.ts).
import type { FastifyInstance } from 'fastify';
import { compareArticles, previousVersion } from '../../store/lookups.ts';
import { ApiError, COMMON_ERRORS, errorResponses } from '../api-errors.ts';
import { articleMetaProperties } from '../api-schemas.ts';
import { analysisRecordSchema } from '../record-schema.ts';
import { querySchema } from '../query-params.ts';
import { arrayOf, nullable, object, ref, string, type JsonSchema } from '../schema-helpers.ts';
import { articleOr404 } from './articles-routes.ts';
import type { RouteContext } from './route-context.ts';

const KEY = { type: 'string', minLength: 1, description: 'a record id, an unambiguous prefix of one, or an article URL (URL-encoded)' };

const DUPLICATE_OF = object(
  {
    ...articleMetaProperties,
    kind: { type: 'string', enum: ['copy', 'version'], description: 'copy: the same words; version: the same URL, or the same article lightly edited' },
    evidence: { type: 'string', enum: ['same text', 'same url', 'light edit'] },
    similarity: { type: 'number', minimum: 0, maximum: 1, description: "Jaccard similarity of the two texts' five-word shingles" },
  },
  { description: 'a stored record the article copies or is a version of (or that copies it, or is a version of it)' },
);

// A figure as the record's figures layer gives it: the record schema's own, not a second copy of it.
const FIGURE = ((analysisRecordSchema['properties'] as Record<string, JsonSchema>)['figures'] as { items: JsonSchema }).items;

const COMPARISON = object(
  {
    older: ref('ArticleMeta'),
    newer: ref('ArticleMeta'),
    figures: arrayOf(object({ before: FIGURE, after: FIGURE }), 'figures counting the same thing with another value or hedge; spans into each record'),
    paragraphs: arrayOf(
      object({
        kind: { type: 'string', enum: ['added', 'removed', 'moved', 'changed'] },
        before: { ...nullable(ref('Span')), description: 'the paragraph in the older text; null when added' },
        after: { ...nullable(ref('Span')), description: 'the paragraph in the newer text; null when removed' },
        moved: { type: 'boolean', description: 'it also changed place (always true for moved)' },
      }),
      'paragraph changes: changed, moved and added ones in the newer text’s order, then removed ones',
    ),
  },
  { description: 'what changed from the older record to the newer one' },
);

/** Registers GET /articles/:id/duplicates, /articles/:id/diff and /articles/:id/diff/:otherId. */
export function duplicatesRoutes(app: FastifyInstance, { store }: RouteContext): void {
  app.get<{ Params: { id: string } }>(
    '/articles/:id/duplicates',
    {
      schema: {
        tags: ['articles'],
        summary: 'The stored copies and versions of the record, most similar first',
        description: 'Copies have the same words (another outlet running a wire story); versions are the same article updated at its URL, or lightly edited.',
        params: querySchema({ id: KEY }, ['id']),
        response: { 200: object({ id: string, articleId: string, items: arrayOf(DUPLICATE_OF) }), ...errorResponses(...COMMON_ERRORS, 404, 409) },
      },
    },
    async (request) => {
      const article = await articleOr404(store, request.params.id);
      return { id: article.id, articleId: article.articleId, items: await store.duplicatesOf(article.id) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/articles/:id/diff',
    {
      schema: {
        tags: ['articles'],
        summary: 'What changed from the version before this one at its URL: figure changes, then paragraphs',
        description: 'A URL names its latest version. 404 when the record is the first version of its article.',
        params: querySchema({ id: KEY }, ['id']),
        response: { 200: COMPARISON, ...errorResponses(...COMMON_ERRORS, 404, 409) },
      },
    },
    async (request) => {
      const newer = await articleOr404(store, request.params.id);
      const previous = await previousVersion(store, newer);
      if (previous.status !== 'found') throw new ApiError(404, previous.message);
      return compareArticles(store, previous.article, newer);
    },
  );

  app.get<{ Params: { id: string; otherId: string } }>(
    '/articles/:id/diff/:otherId',
    {
      schema: {
        tags: ['articles'],
        summary: 'What changed from one stored record (id) to another (otherId): figure changes, then paragraphs',
        params: querySchema({ id: KEY, otherId: KEY }, ['id', 'otherId']),
        response: { 200: COMPARISON, ...errorResponses(...COMMON_ERRORS, 404, 409) },
      },
    },
    async (request) => compareArticles(store, await articleOr404(store, request.params.id), await articleOr404(store, request.params.otherId)),
  );
}
