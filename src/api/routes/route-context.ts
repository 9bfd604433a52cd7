// What every route plugin is given: the open store, and for writes the analysis pipeline and the URL fetcher.
import type { FastifyInstance } from 'fastify';
import type { Pipeline } from '../../analyze/pipeline.ts';
import type { FigureLedger } from '../../link/ledger/figure-ledger.ts';
import type { Store } from '../../store/store.ts';
import type { FetchPage } from '../article-ingest.ts';
import type { KeptAnswers } from '../kept-answers.ts';
import type { StoryViews } from './stories-routes.ts';

/** The server's shared state, handed to each route plugin. */
export interface RouteContext {
  store: Store;
  /** Built once per server: analysing a POSTed article runs the same pipeline `dossier ingest` runs. */
  pipeline: Pipeline;
  /** Null until a fetcher is given: POST /articles with only a URL then answers 501. */
  fetchPage: FetchPage | null;
  /** Stories' views, shared by GET /stories/:id and the story pages, which show the same view. */
  storyViews: StoryViews;
  /** The figure ledger of the store's latest records, kept while they do not change (ledger-routes.ts), shared by the routes and pages that read it. */
  ledger: () => Promise<FigureLedger>;
  /** Bodies of answers kept while the store does not change (kept-answers.ts), shared so that one budget bounds them all. */
  answers: KeptAnswers;
}

/** A group of routes over one resource, registered in its own encapsulated context. */
export type RoutePlugin = (app: FastifyInstance, context: RouteContext) => void;
