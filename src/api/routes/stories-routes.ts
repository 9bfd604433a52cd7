// Stories (src/link/stories, kept by the store): GET /stories, the stories newest first with their
// articles and sub-events, as `dossier stories --format json` lists them; GET /stories/:id, one
// story's view (timeline, people and roles, quotes by speaker, figure series and disagreements,
// sources and independence), as `dossier story ID --format json` prints it. ID may also be the id,
// id prefix or URL of an article in the story.
import type { FastifyInstance } from 'fastify';
import type { StoryView } from '../../link/stories/story-view.ts';
import { findStory, storyIndependence, storyViewOf } from '../../store/lookups.ts';
import type { Store } from '../../store/store.ts';
import { storySummary } from '../../store/story-rows.ts';
import { ApiError, COMMON_ERRORS, errorResponses } from '../api-errors.ts';
import { pageOf } from '../api-schemas.ts';
import { PAGE_QUERY, querySchema, type PageQuery } from '../query-params.ts';
import { object, ref, string } from '../schema-helpers.ts';
import type { RouteContext } from './route-context.ts';

/** How many stories a storyViewCache keeps (the least recently asked for goes first): every story of a store of some 20,000 articles. */
export const STORY_CACHE_SIZE = 1000;

/**
 * `make(view)` of the story a key names (as findStory resolves it), kept per story and made again
 * only when what the view is built from has changed; null when the key names no story.
 * Why: building a story's view reads and parses the record of every article of the story, and the
 * view grows with them (the load benchmark, bench/serve.bench.ts, measured 8 ms to build and 4 ms
 * to render the page of a story of 27 articles, against 0.6 ms to read its listing), and people
 * read the same stories over and over. Invalidation: the view is a function of the story's listing
 * (its label, its articles' latest record ids, its sub-events), of those records (a record id is
 * the hash of its text, so a record never changes under its id) and of the count of independent
 * sources (duplicate links may join two of its records through an article outside the story).
 * Both are read on every request (two cheap lookups) and the kept value is used only while they
 * are what it was made from.
 */
export function storyViewCache<T>(store: Store, make: (view: StoryView) => T, capacity = STORY_CACHE_SIZE): (key: string) => Promise<T | null> {
  const kept = new Map<string, { basis: string; value: Promise<T> }>();
  return async (key) => {
    const story = await findStory(store, key);
    if (story === null) return null;
    const independent = await storyIndependence(store, story);
    const basis = JSON.stringify([story, independent]);
    let entry = kept.get(story.id);
    kept.delete(story.id);
    if (entry?.basis !== basis) {
      const value = storyViewOf(store, story, independent).then(make);
      entry = { basis, value };
      // A failed build is not kept: the next request tries again.
      value.catch(() => {
        if (kept.get(story.id) === entry) kept.delete(story.id);
      });
    }
    kept.set(story.id, entry);
    if (kept.size > capacity) kept.delete(kept.keys().next().value!);
    return entry.value;
  };
}

/** Registers GET /stories and GET /stories/:id. */
export function storiesRoutes(app: FastifyInstance, { store }: RouteContext): void {
  const views = storyViewCache(store, (view) => view);
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
      const view = await views(request.params.id);
      if (view === null) throw new ApiError(404, `no story is named by ${JSON.stringify(request.params.id)}`);
      return view;
    },
  );
}
