// /figures: the figures of the stored articles, newest first, as `dossier figures` lists them: by
// what they count (whole words), by claimant (looked up as `dossier entity` looks names up), between two days.
import type { FastifyInstance } from 'fastify';
import { queryWords, type DayBounds } from '../../store/store.ts';
import { ApiError, COMMON_ERRORS, errorResponses } from '../api-errors.ts';
import { pageOf } from '../api-schemas.ts';
import { DAY_QUERY, PAGE_QUERY, WHO_ECHO, dayBounds, querySchema, whoEcho, whoParam, type PageQuery } from '../query-params.ts';
import { nullableDay, nullableString, ref } from '../schema-helpers.ts';
import type { RouteContext } from './route-context.ts';

/** Registers GET /figures. */
export function figuresRoutes(app: FastifyInstance, { store }: RouteContext): void {
  app.get<{ Querystring: PageQuery & DayBounds & { counts?: string; claimant?: string } }>(
    '/figures',
    {
      schema: {
        tags: ['figures'],
        summary: "Figures of the stored articles by their date (the figure's as-of day, else the article's), newest first, undated last",
        querystring: querySchema({
          counts: { type: 'string', description: 'words of what the figure counts, in a row, whole words, case and diacritics aside ("living hostages")' },
          claimant: { type: 'string', description: 'a name or identity id; 409 when it names several identities' },
          ...DAY_QUERY,
          ...PAGE_QUERY,
        }),
        response: {
          200: pageOf(ref('StoredFigure'), { counts: nullableString, claimant: WHO_ECHO, since: nullableDay, until: nullableDay }),
          ...errorResponses(...COMMON_ERRORS, 409),
        },
      },
    },
    async (request) => {
      const { cursor, limit } = request.query;
      const counts = request.query.counts?.trim();
      if (counts !== undefined && queryWords(counts).length === 0) throw new ApiError(400, 'counts needs a word, such as counts=hostages');
      const { since, until } = dayBounds(request.query);
      const who = await whoParam(store, request.query.claimant, 'claimant');
      const page = await store.listFigures({ counts, since, until, claimant: who?.filter, cursor, limit });
      return { counts: counts ?? null, claimant: whoEcho(who), since: since ?? null, until: until ?? null, ...page };
    },
  );
}
