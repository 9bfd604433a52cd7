// The HTTP API over one open store: the routes of each resource, their JSON schemas (requests are
// validated and responses serialised with them, and @fastify/swagger turns them into the OpenAPI
// document at /openapi.json), the docs page at /docs (its assets ship in @fastify/swagger-ui, so it
// works offline), one error format, one access policy (access-control.ts). A face of the store:
// it reads what the store holds and never re-analyses; only POST /articles runs the pipeline, as
// `dossier ingest` does.
import { createRequire } from 'node:module';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { buildPipeline } from '../analyze/pipeline.ts';
import type { Store } from '../store/store.ts';
import { installAccessControl } from './access-control.ts';
import { installErrorHandlers } from './api-errors.ts';
import { KeptAnswers } from './kept-answers.ts';
import { addApiSchemas } from './api-schemas.ts';
import type { FetchPage } from './article-ingest.ts';
import { articlesRoutes } from './routes/articles-routes.ts';
import { duplicatesRoutes } from './routes/duplicates-routes.ts';
import { entitiesRoutes } from './routes/entities-routes.ts';
import { figuresRoutes } from './routes/figures-routes.ts';
import { ledgerCache, ledgerRoutes } from './routes/ledger-routes.ts';
import { quotesRoutes } from './routes/quotes-routes.ts';
import type { RouteContext, RoutePlugin } from './routes/route-context.ts';
import { searchRoutes } from './routes/search-routes.ts';
import { StoryViews, storiesRoutes } from './routes/stories-routes.ts';
import { statsRoutes } from './routes/stats-routes.ts';
import { webRoutes } from '../web/web-routes.ts';

/** 5 MB: a long article page with its markup fits many times over; a runaway upload does not. */
export const DEFAULT_BODY_LIMIT = 5 * 1024 * 1024;

/** How to build a server. Only `store` is required. */
export interface ServerOptions {
  /** The open store; the caller opens it and closes it after the server. */
  store: Store;
  /** The bearer token writes (and private reads) need; null or absent: none, and then writes are refused unless `allowAnonymousWrites`. */
  token?: string | null;
  /** Reads need the token too (requires a token). */
  privateReads?: boolean;
  /** With no token, accept writes from anyone. Off by default: see access-control.ts. */
  allowAnonymousWrites?: boolean;
  /** Largest request body in bytes (default DEFAULT_BODY_LIMIT); larger ones get 413. */
  bodyLimit?: number;
  /** Fetches a page for POST /articles with a URL; absent, such requests answer 501. */
  fetchPage?: FetchPage;
  /** Fastify's logger option (default: no logging). */
  logger?: FastifyServerOptions['logger'];
}

/** The resources' routes, each in its own file and encapsulated context. */
const ROUTES: readonly RoutePlugin[] = [
  articlesRoutes,
  duplicatesRoutes,
  searchRoutes,
  entitiesRoutes,
  quotesRoutes,
  figuresRoutes,
  ledgerRoutes,
  statsRoutes,
  storiesRoutes,
  // The web pages (src/web): / and /web/…, HTML over the same store.
  webRoutes,
];

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Builds the API server over `options.store` (not listening yet: call `listen`, or `inject` in tests). Throws for access rules that cannot work. */
export function buildServer(options: ServerOptions): FastifyInstance {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const token = options.token ?? null;
  const privateReads = options.privateReads ?? false;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit });
  installAccessControl(app, { token, privateReads, allowAnonymousWrites: options.allowAnonymousWrites ?? false });
  installErrorHandlers(app, bodyLimit);
  addApiSchemas(app);

  void app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Dossier API',
        version,
        description: [
          'The stored record of the news Dossier has read: articles with every analysis layer, full-text search, entities across articles,',
          'quotes, figures and figure series, and where figures disagree. Listings are paged by cursor: pass `nextCursor` back as `cursor`.',
          'Errors answer `{ "error": { "status", "message" } }`.',
          privateReads ? 'Every request needs `Authorization: Bearer <token>`.' : 'Reads are open; writes need `Authorization: Bearer <token>`.',
        ].join(' '),
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
      ...(privateReads ? { security: [{ bearerAuth: [] }] } : {}),
      tags: [
        { name: 'articles', description: 'stored articles, their records and versions, search, ingest' },
        { name: 'entities', description: 'people, organisations, places, groups and events across articles' },
        { name: 'quotes', description: 'who said what' },
        { name: 'figures', description: 'figures, figure series and their disagreements' },
        { name: 'store', description: 'what the store holds' },
      ],
    },
    // Components are named by the schemas' $id (ArticleMeta, AnalysisRecord…), not def-0, def-1.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json['$id'] === 'string' ? json['$id'] : `def-${i}`) },
  });
  void app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true }, theme: { title: 'Dossier API' } });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const context: RouteContext = {
    store: options.store,
    pipeline: buildPipeline(),
    fetchPage: options.fetchPage ?? null,
    storyViews: new StoryViews(options.store),
    ledger: ledgerCache(options.store),
    answers: new KeptAnswers(options.store),
  };
  for (const routes of ROUTES) void app.register(async (scope) => routes(scope, context));
  return app;
}
