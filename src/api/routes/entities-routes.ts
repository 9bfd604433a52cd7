// /entities: the identities of the store (one per person, organisation, place, group or event
// across articles), as `dossier entities` lists them and `dossier entity` shows one.
import type { FastifyInstance } from 'fastify';
import type { EntityType } from '../../model/layers.ts';
import { ApiError, COMMON_ERRORS, errorResponses } from '../api-errors.ts';
import { pageOf } from '../api-schemas.ts';
import { PAGE_QUERY, querySchema, type PageQuery } from '../query-params.ts';
import { entityTypeSchema } from '../record-schema.ts';
import { nullable, ref } from '../schema-helpers.ts';
import type { RouteContext } from './route-context.ts';

/** Registers GET /entities and GET /entities/:idOrName. */
export function entitiesRoutes(app: FastifyInstance, { store }: RouteContext): void {
  app.get<{ Querystring: PageQuery & { type?: EntityType } }>(
    '/entities',
    {
      schema: {
        tags: ['entities'],
        summary: 'Identities mentioned in the stored articles, most articles first',
        querystring: querySchema({ type: { ...entityTypeSchema, description: 'only identities of this type' }, ...PAGE_QUERY }),
        response: { 200: pageOf(ref('IdentitySummary'), { type: nullable(entityTypeSchema) }), ...errorResponses(...COMMON_ERRORS) },
      },
    },
    async (request) => {
      const { type, cursor, limit } = request.query;
      return { type: type ?? null, ...(await store.listIdentities({ type, cursor, limit })) };
    },
  );

  app.get<{ Params: { idOrName: string } }>(
    '/entities/:idOrName',
    {
      schema: {
        tags: ['entities'],
        summary: 'One identity: aliases, related identities, titles over time, mentions per article',
        description: 'An identity id, or a name or alias (case, diacritics and a leading "the" aside), a surname or an acronym. 409 with the candidates when it names several.',
        params: querySchema({ idOrName: { type: 'string', minLength: 1 } }, ['idOrName']),
        response: { 200: ref('IdentityDetail'), ...errorResponses(...COMMON_ERRORS, 404, 409) },
      },
    },
    async (request) => {
      const name = request.params.idOrName.trim();
      const lookup = await store.getIdentity(name);
      if (lookup.status === 'unknown') throw new ApiError(404, `no stored entity is named ${JSON.stringify(name)}`);
      if (lookup.status === 'ambiguous') throw new ApiError(409, `${JSON.stringify(name)} names ${lookup.candidates.length} entities; give one's id or full name`, lookup.candidates);
      return lookup.identity;
    },
  );
}
