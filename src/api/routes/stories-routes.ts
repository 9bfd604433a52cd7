// Stories (src/link/stories, kept by the store): GET /stories, the stories newest first with their
// articles and sub-events, as `dossier stories --format json` lists them; GET /stories/:id, one
// story's view (timeline, people and roles, quotes by speaker, figure series and disagreements,
// sources and independence), as `dossier story ID --format json` prints it but bounded (a page of
// its timeline, its first quotes and disagreements: see storyViewPage). ID may also be the id, id
// prefix or URL of an article in the story. Both answers are kept while the store does not change,
// and a story's also while the story does not (StoryViews.answer).
import type { FastifyInstance } from 'fastify';
import type { FigureDisagreement } from '../../link/ledger/figure-ledger.ts';
import type { StoryQuote, StoryView, TimelineEntry } from '../../link/stories/story-view.ts';
import { findStory, storyIndependence, storyViewOf } from '../../store/lookups.ts';
import type { Store } from '../../store/store.ts';
import type { StoryListing } from '../../store/story-rows.ts';
import { storySummary } from '../../store/story-rows.ts';
import { ApiError, COMMON_ERRORS, errorResponses } from '../api-errors.ts';
import { pageOf } from '../api-schemas.ts';
import { routeJson, type KeptAnswers } from '../kept-answers.ts';
import { cursorOffset, offsetCursor, offsetPage, PAGE_QUERY, querySchema, type PageQuery } from '../query-params.ts';
import { object, ref, string } from '../schema-helpers.ts';
import type { RouteContext } from './route-context.ts';

/** How many stories' views a StoryViews keeps (the least recently asked for goes first): every story of a store of some 20,000 articles. */
export const STORY_CACHE_SIZE = 1000;

// A story's timeline, quotes and disagreements grow with its articles (over a thousand timeline
// entries and quotes, and hundreds of disagreements, in a story of 60 articles: views of 1.5 MB):
// GET /stories/:id and the story page give a page of the timeline, the first quotes of the most
// quoted speakers and the first disagreements, with how many there are and where the rest are
// (the timeline's next pages; /quotes?speaker=NAME; /conflicts and each series), so that an answer
// stays some tens of KB. The CLI's `dossier story` shows the whole view.
/** Timeline entries a story's page shows, and GET /stories/:id gives, unless asked for another page size. */
export const TIMELINE_PAGE_SIZE = 50;
/** Speakers whose first quotes are given, the most quoted first; the others are given with their count only. */
export const SPEAKERS_QUOTED = 12;
/** Quotes given per speaker. */
export const QUOTES_PER_SPEAKER = 3;
/** Disagreements given. */
export const DISAGREEMENTS_GIVEN = 10;

/** The cursor listing name of a story's timeline pages (query-params.ts offset cursors). */
const TIMELINE_LISTING = 'timeline';

/**
 * The views of stories, each kept per story and made again only when what it is built from has
 * changed. Why: building a story's view reads and parses the record of every article of the
 * story (the load benchmark, bench/serve.bench.ts, measured 8 ms for a story of 27 articles),
 * and the change mark that keeps rendered answers (kept-answers.ts) moves with every write to
 * the store, related to the story or not. Invalidation: the view is a function of the story's
 * listing (its label, its articles' latest record ids, its sub-events), of those records (a
 * record id is the hash of its text, so a record never changes under its id) and of the count of
 * independent sources (duplicate links may join two of its records through an article outside
 * the story). Both are read for every view asked for (two cheap lookups) and the kept view is
 * used only while they are what it was made from.
 */
export class StoryViews {
  private readonly kept = new Map<string, { basis: string; view: Promise<StoryView> }>();

  constructor(
    private readonly store: Store,
    private readonly capacity = STORY_CACHE_SIZE,
  ) {}

  /**
   * The story `key` names (as findStory resolves it), with its count of independent sources and
   * the basis its view is made from (a string that changes when the view would); null when it
   * names none.
   */
  async locate(key: string): Promise<LocatedStory | null> {
    const story = await findStory(this.store, key);
    if (story === null) return null;
    const independent = await storyIndependence(this.store, story);
    return { story, independent, basis: JSON.stringify([story, independent]) };
  }

  /** The view of a located story. */
  view({ story, independent, basis }: LocatedStory): Promise<StoryView> {
    let entry = this.kept.get(story.id);
    this.kept.delete(story.id);
    if (entry?.basis !== basis) {
      const view = storyViewOf(this.store, story, independent);
      const made = { basis, view };
      entry = made;
      // A failed build is not kept: the next request tries again.
      view.catch(() => {
        if (this.kept.get(story.id) === made) this.kept.delete(story.id);
      });
    }
    this.kept.set(story.id, entry);
    if (this.kept.size > this.capacity) this.kept.delete(this.kept.keys().next().value!);
    return entry.view;
  }

  /**
   * The body `make` renders from the view of the story `key` names, kept in `answers` in two ways:
   * under the store's change mark (nothing to look up while the store does not change), and under
   * the story's basis, so that a write elsewhere in the store (another story's article, a feed's
   * new item) costs the two lookups of locate() and not a new view and render. `variant` names
   * everything else the body depends on (route, page). Null when `key` names no story.
   */
  async answer(answers: KeptAnswers, variant: string, key: string, make: (view: StoryView) => string): Promise<Buffer | null> {
    return answers.answer(`${variant}\n${key}`, async () => {
      const located = await this.locate(key);
      if (located === null) return null;
      return answers.answer(`${variant}\nstory ${located.story.id}`, async () => make(await this.view(located)), located.basis);
    });
  }
}

/** A story found by StoryViews.locate. */
export interface LocatedStory {
  story: StoryListing;
  independent: number;
  basis: string;
}

/** A story's view as GET /stories/:id gives it and its page shows it: bounded (see TIMELINE_PAGE_SIZE), with the counts of what it leaves out. */
export interface StoryViewPage extends Omit<StoryView, 'quotesBySpeaker' | 'disagreements'> {
  /** One page of the timeline. */
  timeline: TimelineEntry[];
  timelineTotal: number;
  timelineNextCursor: string | null;
  /** Every speaker, the most quoted first, with how many quotes they have in the story and the first of them (none past the first SPEAKERS_QUOTED speakers). */
  quotesBySpeaker: { speaker: string; quoteCount: number; quotes: StoryQuote[] }[];
  /** The first DISAGREEMENTS_GIVEN disagreements, and how many the story has. */
  disagreements: FigureDisagreement[];
  disagreementCount: number;
}

/**
 * `view` as GET /stories/:id gives it: the page of its timeline that `query` asks for
 * (TIMELINE_PAGE_SIZE entries from the start without a cursor), its first quotes and
 * disagreements, everything else whole. Throws BadCursorError for a cursor of another listing.
 */
export function storyViewPage(view: StoryView, query: PageQuery): StoryViewPage {
  const page = offsetPage(view.timeline, TIMELINE_LISTING, { cursor: query.cursor, limit: query.limit ?? TIMELINE_PAGE_SIZE });
  return {
    ...view,
    // The view's articles are the listing's (with sub-event and joining score): the view's type, and the API's schema, give these fields.
    articles: view.articles.map(({ id, title, outlet, published }) => ({ id, title, outlet, published })),
    timeline: page.items,
    timelineTotal: view.timeline.length,
    timelineNextCursor: page.nextCursor,
    quotesBySpeaker: view.quotesBySpeaker.map((s, i) => ({ speaker: s.speaker, quoteCount: s.quotes.length, quotes: i < SPEAKERS_QUOTED ? s.quotes.slice(0, QUOTES_PER_SPEAKER) : [] })),
    disagreements: view.disagreements.slice(0, DISAGREEMENTS_GIVEN),
    disagreementCount: view.disagreements.length,
  };
}

/** Where the timeline page that `cursor` names starts (0 without one), and the page of `size` entries before it: its cursor (absent for the first page), or null when there is none. Throws BadCursorError. */
export function timelinePosition(cursor: string | undefined, size = TIMELINE_PAGE_SIZE): { offset: number; previous: { cursor?: string } | null } {
  const offset = cursorOffset(TIMELINE_LISTING, cursor);
  if (offset === 0) return { offset, previous: null };
  const start = Math.max(0, offset - size);
  return { offset, previous: start === 0 ? {} : { cursor: offsetCursor(TIMELINE_LISTING, start) } };
}

/** Registers GET /stories and GET /stories/:id. */
export function storiesRoutes(app: FastifyInstance, { store, storyViews, answers }: RouteContext): void {
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

  app.get<{ Params: { id: string }; Querystring: PageQuery }>(
    '/stories/:id',
    {
      schema: {
        tags: ['stories'],
        summary: "One story's timeline (a page of it), people and roles, quotes by speaker, figure series, disagreements and sources",
        description: [
          `The timeline comes a page at a time, ${TIMELINE_PAGE_SIZE} entries unless \`limit\` says otherwise: pass \`timelineNextCursor\` back as \`cursor\` for the next page.`,
          `Quotes by speaker give every speaker with their count of quotes, and the first ${QUOTES_PER_SPEAKER} quotes of the ${SPEAKERS_QUOTED} most quoted (the timeline has every quote; /quotes?speaker=NAME every quote of a speaker);`,
          `the first ${DISAGREEMENTS_GIVEN} disagreements come with their count (/conflicts lists them all). The rest of the view comes whole with every page.`,
        ].join(' '),
        params: object({ id: { ...string, description: "a story id, or the id, id prefix or URL of an article in it" } }),
        querystring: querySchema({
          cursor: { ...PAGE_QUERY['cursor'], description: 'the `timelineNextCursor` of the previous page; absent: the first page of the timeline' },
          limit: { ...PAGE_QUERY['limit'], description: `timeline entries per page (default ${TIMELINE_PAGE_SIZE})` },
        }),
        response: { 200: ref('StoryView'), ...errorResponses(404, ...COMMON_ERRORS) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { cursor, limit } = request.query;
      const body = await storyViews.answer(answers, `GET /stories/:id\n${cursor ?? ''}\n${limit ?? ''}`, id, (view) => routeJson(reply, storyViewPage(view, { cursor, limit })));
      if (body === null) throw new ApiError(404, `no story is named by ${JSON.stringify(id)}`);
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );
}
