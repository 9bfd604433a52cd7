// The figure ledger (src/link/ledger): /figures/series, figures that measure the same thing across
// articles in date order, and /conflicts, where they disagree, as `dossier conflicts` shows them.
// The ledger is built from every latest record, so it is kept between requests and rebuilt only
// when the store has changed (its count of versions moved: storing only ever adds versions).
import type { FastifyInstance } from 'fastify';
import { buildLedger, DISAGREEMENT_KINDS as KINDS, type FigureLedger } from '../../link/ledger/figure-ledger.ts';
import { latestRecords, type Store } from '../../store/store.ts';
import { COMMON_ERRORS, errorResponses } from '../api-errors.ts';
import { pageOf } from '../api-schemas.ts';
import { PAGE_QUERY, offsetPage, querySchema, type PageQuery } from '../query-params.ts';
import { ref, string } from '../schema-helpers.ts';
import type { RouteContext } from './route-context.ts';

type KindName = keyof typeof KINDS;

/**
 * The ledger of `store`'s latest records, built again only when the store holds more versions
 * than when it was built last. The count of versions is read only when the store's change mark
 * has moved since the last request: counting takes some 14 ms on 10,000 articles, the mark a
 * lookup, and the article pages ask for the ledger on every request.
 */
export function ledgerCache(store: Store): () => Promise<FigureLedger> {
  let built: { versions: number; ledger: Promise<FigureLedger> } | null = null;
  let checkedAt: string | null = null;
  return async () => {
    const mark = await store.changeMark();
    if (built !== null && checkedAt === mark) return built.ledger;
    const { versions } = await store.stats();
    if (built === null || built.versions !== versions) {
      const ledger = latestRecords(store).then(buildLedger);
      const made = { versions, ledger };
      built = made;
      // A failed build is not kept: the next request tries again.
      ledger.catch(() => {
        if (built === made) {
          built = null;
          checkedAt = null;
        }
      });
    }
    checkedAt = mark;
    return built.ledger;
  };
}

/** Registers GET /figures/series and GET /conflicts. */
export function ledgerRoutes(app: FastifyInstance, { ledger }: RouteContext): void {
  app.get<{ Querystring: PageQuery }>(
    '/figures/series',
    {
      schema: {
        tags: ['figures'],
        summary: 'Figure series: figures measuring the same thing (family, definition, place, unit) across articles, by the date they describe',
        querystring: querySchema(PAGE_QUERY),
        response: { 200: pageOf(ref('FigureSeries')), ...errorResponses(...COMMON_ERRORS) },
      },
    },
    async (request) => offsetPage((await ledger()).series, 'series', request.query),
  );

  app.get<{ Querystring: PageQuery & { kind?: KindName } }>(
    '/conflicts',
    {
      schema: {
        tags: ['figures'],
        summary: 'Where the stored figures disagree',
        description:
          'conflict: the same measure for the same date with values apart; update: a later count of the same measure; definition: figures counting different things (living hostages vs captives); all: every kind.',
        querystring: querySchema({ kind: { type: 'string', enum: Object.keys(KINDS), default: 'conflict' }, ...PAGE_QUERY }),
        response: { 200: pageOf(ref('FigureDisagreement'), { kind: string }), ...errorResponses(...COMMON_ERRORS) },
      },
    },
    async (request) => {
      const kind = request.query.kind ?? 'conflict';
      const kinds = new Set<string>(KINDS[kind]);
      const found = (await ledger()).disagreements.filter((d) => kinds.has(d.kind));
      return { kind, ...offsetPage(found, `conflicts-${kind}`, request.query) };
    },
  );
}
