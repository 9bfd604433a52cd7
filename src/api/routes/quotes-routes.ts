// /quotes: who said what, newest first, as `dossier quotes` lists them: by speaker (looked up as
// `dossier entity` looks names up; speakers with no identity match by their words), between two days.
import type { FastifyInstance } from 'fastify';
import type { DayBounds } from '../../store/store.ts';
import { COMMON_ERRORS, errorResponses } from '../api-errors.ts';
import { pageOf } from '../api-schemas.ts';
import { DAY_QUERY, PAGE_QUERY, WHO_ECHO, dayBounds, querySchema, whoEcho, whoParam, type PageQuery } from '../query-params.ts';
import { nullableDay, ref } from '../schema-helpers.ts';
import type { RouteContext } from './route-context.ts';

/** Registers GET /quotes. */
export function quotesRoutes(app: FastifyInstance, { store }: RouteContext): void {
  app.get<{ Querystring: PageQuery & DayBounds & { speaker?: string } }>(
    '/quotes',
    {
      schema: {
        tags: ['quotes'],
        summary: "Quotes of the stored articles by their date (the quote's day, else the article's), newest first, undated last",
        querystring: querySchema({ speaker: { type: 'string', description: 'a name or identity id; 409 when it names several identities' }, ...DAY_QUERY, ...PAGE_QUERY }),
        response: { 200: pageOf(ref('StoredQuote'), { speaker: WHO_ECHO, since: nullableDay, until: nullableDay }), ...errorResponses(...COMMON_ERRORS, 409) },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const { since, until } = dayBounds(request.query);
      const who = await whoParam(store, request.query.speaker, 'speaker');
      const page = await store.listQuotes({ since, until, speaker: who?.filter, cursor, limit });
      return { speaker: whoEcho(who), since: since ?? null, until: until ?? null, ...page };
    },
  );
}
