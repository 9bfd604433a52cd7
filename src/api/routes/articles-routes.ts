// /articles: the stored articles (latest versions, by cursor), one record with all its layers (as
// `dossier show` finds it: an id, a prefix of one, or a URL), its versions, and ingest by POST.
import type { FastifyInstance } from 'fastify';
import { parseDateOption } from '../../model/request-values.ts';
import type { DecodedInput } from '../../read/source.ts';
import { findArticle } from '../../store/lookups.ts';
import type { Store, StoredArticle } from '../../store/store.ts';
import { ApiError, COMMON_ERRORS, errorResponses } from '../api-errors.ts';
import { pageOf } from '../api-schemas.ts';
import { BODY_NAME, decodeBody, fetchedInput, ingestInput, kindOfContentType, type JsonArticle } from '../article-ingest.ts';
import { DAY_QUERY, PAGE_QUERY, querySchema, type PageQuery } from '../query-params.ts';
import { arrayOf, object, ref, string, type JsonSchema } from '../schema-helpers.ts';
import type { RouteContext } from './route-context.ts';

const ID_PARAMS = querySchema({ id: { type: 'string', minLength: 1, description: 'a record id, an unambiguous prefix of one, or an article URL (URL-encoded)' } }, ['id']);

/** A JSON article as `dossier analyze` reads one (src/read/json/json-reader.ts). */
const JSON_ARTICLE = object(
  {
    text: { type: 'string', description: 'the article as plain text (read when both text and html are given)' },
    html: { type: 'string', description: 'the article page as HTML' },
    url: { type: 'string', description: "the article's URL; alone, without text or html, the page is fetched from it" },
    title: string,
    subtitle: string,
    date: { type: 'string', description: 'publication date, ISO 8601 (YYYY-MM-DD or a date-time)' },
    outlet: string,
    author: { description: 'a name, a list of names, or a list of { "name": … } objects' },
    byline: { description: 'as author' },
  },
  { optional: ['text', 'html', 'url', 'title', 'subtitle', 'date', 'outlet', 'author', 'byline'] },
);

const INGEST_REPORT: JsonSchema = object({
  articles: arrayOf(ref('PutResult'), 'each stored article, in the order of the input: new, a new version of its URL, or unchanged (text already stored)'),
  problems: arrayOf(string, 'bad records of a JSON array, skipped while the others were stored'),
});

/** The article `key` names; 404 when none, 409 (with the ids) when it starts several ids. */
export async function articleOr404(store: Store, key: string): Promise<StoredArticle> {
  const lookup = await findArticle(store, key.trim());
  if (lookup.status === 'unknown') throw new ApiError(404, lookup.message);
  if (lookup.status === 'ambiguous') throw new ApiError(409, lookup.message, lookup.ids);
  return lookup.article;
}

/** Registers the /articles routes. */
export function articlesRoutes(app: FastifyInstance, { store, pipeline, fetchPage }: RouteContext): void {
  app.get<{ Querystring: PageQuery }>(
    '/articles',
    {
      schema: {
        tags: ['articles'],
        summary: 'The stored articles, latest versions, in the order they were stored',
        querystring: querySchema(PAGE_QUERY),
        response: { 200: pageOf(ref('ArticleMeta')), ...errorResponses(...COMMON_ERRORS) },
      },
    },
    async (request) => store.listArticles(request.query),
  );

  app.get<{ Params: { id: string } }>(
    '/articles/:id',
    {
      schema: {
        tags: ['articles'],
        summary: 'One stored record with all its layers, and how its entities are linked',
        description: 'The id may be a record id, an unambiguous prefix of one (409 when several ids start with it), or an article URL (its latest version).',
        params: ID_PARAMS,
        response: { 200: ref('StoredArticle'), ...errorResponses(...COMMON_ERRORS, 404, 409) },
      },
    },
    async (request) => {
      const article = await articleOr404(store, request.params.id);
      return { ...article, links: await store.entityLinks(article.id) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/articles/:id/versions',
    {
      schema: {
        tags: ['articles'],
        summary: 'Every version of the article, oldest first',
        params: ID_PARAMS,
        response: { 200: object({ articleId: string, items: arrayOf(ref('ArticleMeta')) }), ...errorResponses(...COMMON_ERRORS, 404, 409) },
      },
    },
    async (request) => {
      const article = await articleOr404(store, request.params.id);
      return { articleId: article.articleId, items: await store.versionsOf(article.id) };
    },
  );

  // POST bodies are read as `dossier ingest` reads files: the bytes reach the readers' decoder
  // (byte-order marks, UTF-8, declared charsets, binary refused), so no parser of fastify's decodes them first.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['text/plain', 'text/html'], { parseAs: 'buffer' }, (request, body, done) => {
    const contentType = request.headers['content-type'] ?? null;
    try {
      done(null, decodeBody(BODY_NAME, body as Buffer, contentType, kindOfContentType(contentType)!));
    } catch (error) {
      done(error as Error);
    }
  });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      const text = decodeBody(BODY_NAME, body as Buffer, request.headers['content-type'] ?? null, 'json');
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new ApiError(400, `${BODY_NAME} is not valid JSON (${(error as Error).message.split('\n', 1)[0]!.slice(0, 100)})`);
      }
      done(null, value);
    } catch (error) {
      done(error as Error);
    }
  });

  app.post<{ Querystring: { date?: string; plain?: boolean }; Body: string | JsonArticle | JsonArticle[] }>(
    '/articles',
    {
      schema: {
        tags: ['articles'],
        summary: 'Analyse an article and store it',
        description: [
          'The body is read as `dossier ingest` reads a file: `application/json` as a JSON article (an object with `text` or `html`, and optionally',
          '`url`, `title`, `subtitle`, `date`, `outlet`, `author`; or an array of them), `text/plain` as a text file, `text/html` as a saved page.',
          'A JSON object with only a `url` (and optional fields) has the page fetched from it.',
          'Answers 201 when something was stored (a new article or a new version of a URL), 200 when every text was stored already.',
        ].join(' '),
        security: [{ bearerAuth: [] }],
        querystring: querySchema({
          date: { ...DAY_QUERY['since'], description: 'the publication date to assume when the article carries none (as `--date`)' },
          plain: { type: 'boolean', description: 'text/plain only: the body is the article text exactly, no headline or dateline parsing (as `--plain`)' },
        }),
        body: {
          content: {
            'application/json': { schema: { anyOf: [JSON_ARTICLE, { type: 'array', items: JSON_ARTICLE, minItems: 1 }] } },
            'text/plain': { schema: { type: 'string' } },
            'text/html': { schema: { type: 'string' } },
          },
        },
        response: {
          200: INGEST_REPORT,
          201: INGEST_REPORT,
          // 403: writes are disabled (a server without a token).
          ...errorResponses(...COMMON_ERRORS, 403, 413, 415, 422, 501),
        },
      },
    },
    async (request, reply) => {
      const kind = kindOfContentType(request.headers['content-type'] ?? null);
      if (kind === null || request.body === undefined) throw new ApiError(400, 'send an article: a body of type application/json, text/plain or text/html');
      const options = { date: parseDateOption(request.query.date, 'date'), plain: request.query.plain ?? false };
      if (options.plain && kind !== 'text') throw new ApiError(400, 'plain applies to text/plain bodies only');
      let input: DecodedInput;
      const body = request.body;
      if (kind !== 'json') input = { name: BODY_NAME, path: null, kind, text: body as string };
      else if (!Array.isArray(body) && typeof body === 'object' && body.text === undefined && body.html === undefined) {
        if (body.url === undefined) throw new ApiError(400, 'give the article as text or html, or the url of its page');
        if (fetchPage === null) throw new ApiError(501, 'this server does not fetch pages from URLs; send the page itself as html, with its url');
        input = await fetchedInput(fetchPage, { ...body, url: body.url });
      } else input = { name: BODY_NAME, path: null, kind: 'json', text: JSON.stringify(body) };

      const report = await ingestInput(store, pipeline, input, options);
      const [only] = report.articles;
      if (report.articles.length === 1) void reply.header('location', `/articles/${only!.id}`);
      return reply.code(report.articles.some((a) => a.status !== 'unchanged') ? 201 : 200).send(report);
    },
  );
}
