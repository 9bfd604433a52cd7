// /search: the latest versions that contain every word of `q`, best first, with marked snippets
// (the store's search, as `dossier search` runs it). The words are plain words, never syntax.
import type { FastifyInstance } from 'fastify';
import { COMMON_ERRORS, ApiError, errorResponses } from '../api-errors.ts';
import { pageOf } from '../api-schemas.ts';
import { PAGE_QUERY, querySchema, type PageQuery } from '../query-params.ts';
import { ref, string } from '../schema-helpers.ts';
import type { RouteContext } from './route-context.ts';

/** Registers GET /search. */
export function searchRoutes(app: FastifyInstance, { store }: RouteContext): void {
  app.get<{ Querystring: PageQuery & { q: string } }>(
    '/search',
    {
      schema: {
        tags: ['articles'],
        summary: 'Full-text search: articles containing every word, best first (title matches weigh more)',
        querystring: querySchema({ q: { type: 'string', description: 'the words to search for; quotes, stars and AND/OR are plain text' }, ...PAGE_QUERY }, ['q']),
        response: { 200: pageOf(ref('SearchHit'), { query: string }), ...errorResponses(...COMMON_ERRORS) },
      },
    },
    async (request) => {
      const query = request.query.q.trim();
      if (query === '') throw new ApiError(400, 'give the words to search for: q=WORDS');
      const page = await store.search(query, { cursor: request.query.cursor, limit: request.query.limit });
      return { query, ...page };
    },
  );
}
