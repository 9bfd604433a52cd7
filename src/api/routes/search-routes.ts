// /search: the latest versions that contain every word of `q`, best first, with marked snippets
// (the store's search, as `dossier search` runs it). The words are plain words, never syntax.
import type { FastifyInstance } from 'fastify';
import { COMMON_ERRORS, ApiError, errorResponses } from '../api-errors.ts';
import { pageOf } from '../api-schemas.ts';
import { PAGE_QUERY, querySchema, type PageQuery } from '../query-params.ts';
import { routeJson } from '../kept-answers.ts';
import { ref, string } from '../schema-helpers.ts';
import type { RouteContext } from './route-context.ts';

/** Registers GET /search. */
export function searchRoutes(app: FastifyInstance, { store, answers }: RouteContext): void {
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
    async (request, reply) => {
      const query = request.query.q.trim();
      if (query === '') throw new ApiError(400, 'give the words to search for: q=WORDS');
      const { cursor, limit } = request.query;
      // People search for the same names over and over: the answer is kept while the store does not change.
      const body = await answers.answer(`GET /search\n${query}\n${cursor ?? ''}\n${limit ?? ''}`, async () => routeJson(reply, { query, ...(await store.search(query, { cursor, limit })) }));
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );
}
