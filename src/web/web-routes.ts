// The web face, served by the API's own server: the home page at /, every other page under /web
// (web-paths.ts), and the page's stylesheet and icon from ./assets. Pages read the store through the
// same calls the API routes make (the store's listings, the lookups of ../store/lookups.ts, the
// figure ledger cache of the /figures/series route) and never analyse anything. No page needs
// JavaScript; the Content-Security-Policy lets a page load only this server's stylesheet and icon.
//
// The stories link shows only on a server that has the GET /stories route: the story pages read
// the same listing and views (StoryViews) that route serves. Story and search pages are kept as
// sent while the store does not change (../api/kept-answers.ts), as their JSON routes are.
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { dayBounds } from '../api/query-params.ts';
import { storyViewPage, timelinePosition } from '../api/routes/stories-routes.ts';
import type { RouteContext } from '../api/routes/route-context.ts';
import { UsageError } from '../model/request-values.ts';
import { findArticle, findWho } from '../store/lookups.ts';
import { BadCursorError, isEntityType, readPages, type ArticleMeta, type IdentitySummary, type Page, type Store } from '../store/store.ts';
import { html, SafeHtml } from './html.ts';
import { notice, page } from './layout.ts';
import { articlePage } from './pages/article-page.ts';
import { candidatesPage, entitiesPage, entityPage } from './pages/entity-pages.ts';
import { homePage } from './pages/home-page.ts';
import { figuresPage, quotesPage, searchPage, type ListingState } from './pages/listing-pages.ts';
import { seriesListPage, seriesPage } from './pages/series-pages.ts';
import { storyListPage, storyPage } from './pages/story-page.ts';
import { paths, queryString, WEB_PREFIX } from './web-paths.ts';

/** The files under ./assets the pages use, with their types; nothing else is served from there. */
const ASSETS: Record<string, string> = { 'dossier.css': 'text/css; charset=utf-8', 'icon.svg': 'image/svg+xml' };

/** Items per page of a listing. */
const PAGE_SIZE = 50;
/** Articles the home page lists, and how many article facts it reads to find the most recently published. */
const RECENT_SHOWN = 15;
const RECENT_READ = 5000;
/** Quotes and figures an entity page shows before linking to the full listing. */
const ENTITY_ITEMS = 10;

/** Headers of every page: only this server's stylesheet and icon may load; no script at all. */
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** An error a page answers with its status: a missing article or entity (404), a bad cursor (400). */
class PageError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** The first value of a query parameter (a parameter given twice arrives as an array), trimmed; absent or blank: undefined. */
function param(query: unknown, name: string): string | undefined {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string') return undefined;
  const trimmed = first.trim();
  return trimmed === '' ? undefined : trimmed;
}

function sendPage(reply: FastifyReply, body: SafeHtml | Buffer, status = 200): FastifyReply {
  return reply.code(status).headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(body instanceof SafeHtml ? body.value : body);
}

/** Error answers as pages, in the scope of the pages only (the API keeps its JSON errors). */
function installPageErrors(scope: FastifyInstance, stories: () => boolean): void {
  scope.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const status = error instanceof PageError ? error.statusCode : error instanceof BadCursorError ? 400 : ((error as { statusCode?: number }).statusCode ?? 500);
    if (status >= 500) request.log.error({ err: error }, 'page failed');
    const message = status >= 500 ? 'Something went wrong on our side; the log says what.' : (error as Error).message;
    return sendPage(reply, page({ title: status === 404 ? 'Not found' : `Error ${status}`, section: 'none', stories: stories() }, html`${notice(message, 'error')}<p><a href="${paths.home()}">Home</a></p>`), status);
  });
}

/** Registers the home page, the pages under /web and their assets. */
export function webRoutes(app: FastifyInstance, { store, storyViews, answers, ledger }: RouteContext): void {
  const stories = () => app.hasRoute({ method: 'GET', url: '/stories' });
  const assets = new Map(Object.entries(ASSETS).map(([name, type]) => [name, { type, body: readFileSync(new URL(`./assets/${name}`, import.meta.url)) }]));

  void app.register(async (scope) => {
    installPageErrors(scope, stories);
    scope.get('/', { schema: { hide: true } }, async (_request, reply) => {
      const [stats, recent, topEntities, built] = await Promise.all([store.stats(), recentArticles(store), store.listIdentities({ limit: 12 }), ledger()]);
      return sendPage(reply, homePage({ stats, recent, topEntities: topEntities.items, ledger: built }, stories()));
    });
  });

  void app.register(
    async (scope) => {
      installPageErrors(scope, stories);
      scope.setNotFoundHandler((request, reply) =>
        sendPage(reply, page({ title: 'Not found', section: 'none', stories: stories() }, html`${notice(`There is no page at ${request.url.split('?', 1)[0]}.`, 'error')}<p><a href="${paths.home()}">Home</a></p>`), 404),
      );
      const get = (url: string, handler: (request: FastifyRequest) => Promise<SafeHtml>) =>
        scope.get(url, { schema: { hide: true } }, async (request, reply) => sendPage(reply, await handler(request)));

      scope.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect(paths.home()));
      scope.get<{ Params: { name: string } }>('/assets/:name', { schema: { hide: true } }, async (request, reply) => {
        const asset = assets.get(request.params.name);
        if (asset === undefined) throw new PageError(404, `No asset ${request.params.name}.`);
        return reply.headers({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' }).type(asset.type).send(asset.body);
      });

      get('/articles/:id', async (request) => {
        const key = (request.params as { id: string }).id;
        const found = await findArticle(store, key);
        if (found.status === 'unknown') throw new PageError(404, found.message);
        if (found.status === 'ambiguous') {
          return page({ title: 'Several articles', section: 'none', stories: stories() }, html`${notice(found.message)}<ul class="plain">${found.ids.map((id) => html`<li><a href="${paths.article(id)}">${id}</a></li>`)}</ul>`);
        }
        const { article } = found;
        const [links, versions, built] = await Promise.all([store.entityLinks(article.id), store.versionsOf(article.id), ledger()]);
        const seriesOfFigure = new Map<number, string>();
        for (const s of built.series) for (const p of s.points) if (p.article === article.id) seriesOfFigure.set(p.start, s.id);
        return articlePage({ article, links, versions, seriesOfFigure }, stories());
      });

      get('/entities', async (request) => {
        const type = param(request.query, 'type');
        if (type !== undefined && !isEntityType(type)) throw new PageError(400, `There is no entity type ${type}.`);
        const cursor = param(request.query, 'cursor');
        const found = await store.listIdentities({ type, cursor, limit: PAGE_SIZE });
        return entitiesPage(found.items, type, found.nextCursor === null ? null : paths.entities({ type, cursor: found.nextCursor }), stories());
      });

      get('/entities/:idOrName', async (request) => {
        const name = (request.params as { idOrName: string }).idOrName.trim();
        const lookup = await store.getIdentity(name);
        if (lookup.status === 'unknown') throw new PageError(404, `No stored entity is named “${name}”.`);
        if (lookup.status === 'ambiguous') return candidatesPage(name, lookup.candidates, stories());
        const filter = { identityId: lookup.identity.id, text: null };
        const [quotes, figures] = await Promise.all([store.listQuotes({ speaker: filter, limit: ENTITY_ITEMS }), store.listFigures({ claimant: filter, limit: ENTITY_ITEMS })]);
        return entityPage(lookup.identity, quotes.items, figures.items, stories());
      });

      get('/quotes', async (request) => {
        const filters = { speaker: param(request.query, 'speaker'), since: param(request.query, 'since'), until: param(request.query, 'until') };
        const { state, bounds, who } = await listingState(store, filters, filters.speaker);
        if (state.problem !== null || state.candidates.length > 0) return quotesPage([], state, stories());
        const found = await store.listQuotes({ ...bounds, speaker: who ?? undefined, cursor: param(request.query, 'cursor'), limit: PAGE_SIZE });
        return quotesPage(found.items, { ...state, next: nextOf(found, (cursor) => paths.quotes({ ...filters, cursor })) }, stories());
      });

      get('/figures', async (request) => {
        const filters = { counts: param(request.query, 'counts'), claimant: param(request.query, 'claimant'), since: param(request.query, 'since'), until: param(request.query, 'until') };
        const { state, bounds, who } = await listingState(store, filters, filters.claimant);
        if (state.problem !== null || state.candidates.length > 0) return figuresPage([], state, stories());
        const found = await store.listFigures({ ...bounds, counts: filters.counts, claimant: who ?? undefined, cursor: param(request.query, 'cursor'), limit: PAGE_SIZE });
        return figuresPage(found.items, { ...state, next: nextOf(found, (cursor) => paths.figures({ ...filters, cursor })) }, stories());
      });

      get('/series', async () => seriesListPage(await ledger(), stories()));
      get('/series/:id', async (request) => {
        const id = (request.params as { id: string }).id;
        const built = await ledger();
        const series = built.series.find((s) => s.id === id);
        if (series === undefined) throw new PageError(404, `No figure series ${id}.`);
        return seriesPage(series, built, stories());
      });

      scope.get('/search', { schema: { hide: true } }, async (request, reply) => {
        const query = param(request.query, 'q') ?? '';
        if (query === '') return sendPage(reply, searchPage('', null, null, stories()));
        const cursor = param(request.query, 'cursor');
        const body = await answers.answer(`/web/search\n${query}\n${cursor ?? ''}`, async () => {
          const found = await store.search(query, { cursor, limit: PAGE_SIZE });
          return searchPage(query, found.items, nextOf(found, (next) => paths.search({ q: query, cursor: next })), stories()).value;
        });
        return sendPage(reply, body!);
      });

      get('/stories', async (request) => {
        const found = await store.listStories({ cursor: param(request.query, 'cursor'), limit: PAGE_SIZE });
        return storyListPage(found.items, nextOf(found, (cursor) => `${paths.stories()}${queryString({ cursor })}`));
      });
      scope.get<{ Params: { id: string } }>('/stories/:id', { schema: { hide: true } }, async (request, reply) => {
        const { id } = request.params;
        const cursor = param(request.query, 'cursor');
        const body = await storyViews.answer(answers, `/web/stories/:id\n${cursor ?? ''}`, id, (view) => {
          const { offset, previous } = timelinePosition(cursor);
          const shown = storyViewPage(view, { cursor });
          const earlier = previous === null ? null : paths.story(view.id, previous);
          const later = shown.timelineNextCursor === null ? null : paths.story(view.id, { cursor: shown.timelineNextCursor });
          return storyPage(shown, { offset, earlier, later }, view.disagreements).value;
        });
        if (body === null) throw new PageError(404, `No story is named by “${id}”.`);
        return sendPage(reply, body);
      });
    },
    { prefix: WEB_PREFIX },
  );
}

/** The latest versions, most recently published first (undated last), the first RECENT_SHOWN of them. */
async function recentArticles(store: Store): Promise<ArticleMeta[]> {
  const all = await readPages((page) => store.listArticles(page), RECENT_READ);
  return all.items.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || b.ingestedAt.localeCompare(a.ingestedAt)).slice(0, RECENT_SHOWN);
}

/** The next page's URL of a listing, or null. */
function nextOf<T>(found: Page<T>, url: (cursor: string) => string): string | null {
  return found.nextCursor === null ? null : url(found.nextCursor);
}

/** The state of a filtered listing before it is read: days checked, the person filter looked up. */
async function listingState(store: Store, filters: Record<string, string | undefined>, name: string | undefined) {
  let problem: string | null = null;
  let bounds: { since?: string; until?: string } = {};
  try {
    bounds = dayBounds({ since: filters['since'], until: filters['until'] });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    problem = error.message;
  }
  let candidates: IdentitySummary[] = [];
  let who: { identityId: string | null; text: string | null } | null = null;
  let whoName: string | null = null;
  if (name !== undefined) {
    const found = await findWho(store, name);
    if (found.status === 'ambiguous') candidates = found.candidates;
    else {
      who = found.who.filter;
      whoName = found.who.identity?.name ?? found.who.name;
    }
  }
  const state: ListingState = { filters, problem, candidates, who: whoName, next: null };
  return { state, bounds, who };
}
