// Stories (src/link/stories, kept by the store): GET /stories, the stories newest first with their
// articles and sub-events, as `dossier stories --format json` lists them; GET /stories/:id, one
// story's view (timeline, people and roles, quotes by speaker, figure series and disagreements,
// sources and independence), as `dossier story ID --format json` prints it. ID may also be the id,
// id prefix or URL of an article in the story.
import type { FastifyInstance } from 'fastify';
import { findStoryView } from '../../store/lookups.ts';
import { storySummary } from '../../store/story-rows.ts';
import { ApiError, COMMON_ERRORS, errorResponses } from '../api-errors.ts';
import { pageOf } from '../api-schemas.ts';
import { PAGE_QUERY, querySchema, type PageQuery } from '../query-params.ts';
import { object, ref, string } from '../schema-helpers.ts';
import type { RouteContext } from './route-context.ts';

/** Registers GET /stories and GET /stories/:id. */
export function storiesRoutes(app: FastifyInstance, { store }: RouteContext): void {
  app.get<{ Querystring: PageQuery }>(
    '/stories',
    {
      schema: {
        tags: ['stories'],
        summary: 'Stories (articles telling one developing event), the most recently joined first',
        querystring: querySchema(PAGE_QUERY),
        response: { 200: pageOf(ref('StorySummary')), ...errorResponses(...COMMON_ERRORS) },
      },
    },
    async (request) => {
      const page = await store.listStories({ cursor: request.query.cursor ?? null, limit: request.query.limit });
      return { items: page.items.map(storySummary), nextCursor: page.nextCursor };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/stories/:id',
    {
      schema: {
        tags: ['stories'],
        summary: "One story's timeline, people and roles, quotes by speaker, figure series, disagreements and sources",
        params: object({ id: { ...string, description: "a story id, or the id, id prefix or URL of an article in it" } }),
        response: { 200: ref('StoryView'), ...errorResponses(404, ...COMMON_ERRORS) },
      },
    },
    async (request) => {
      const view = await findStoryView(store, request.params.id);
      if (view === null) throw new ApiError(404, `no story is named by ${JSON.stringify(request.params.id)}`);
      return view;
    },
  );
}
