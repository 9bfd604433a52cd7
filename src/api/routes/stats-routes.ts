// /stats: what the store holds.
import type { FastifyInstance } from 'fastify';
import { COMMON_ERRORS, errorResponses } from '../api-errors.ts';
import { ref } from '../schema-helpers.ts';
import type { RouteContext } from './route-context.ts';

/** Registers GET /stats. */
export function statsRoutes(app: FastifyInstance, { store }: RouteContext): void {
  app.get(
    '/stats',
    {
      schema: {
        tags: ['store'],
        summary: 'Articles, versions, outlets and the range of publication dates',
        response: { 200: ref('StoreStats'), ...errorResponses(...COMMON_ERRORS) },
      },
    },
    async () => store.stats(),
  );
}
