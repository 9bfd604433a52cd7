// Who may do what. The policy, in one place:
//   - Writes (any method but GET, HEAD, OPTIONS) need `Authorization: Bearer <token>` when the
//     server has a token. A server without one refuses writes (403) unless it was started with
//     `allowAnonymousWrites`: a store that anyone on the network can fill is a choice to make
//     out loud, never a default.
//   - Reads are open, unless `privateReads`, which needs a token: then they need it too.
//   - The API's description (/openapi.json, /docs) stays open: it holds no stored data, and the
//     docs page is where a person enters the token for their requests.
// Tokens are compared in constant time (through fixed-length digests, so length leaks nothing).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './api-errors.ts';

/** The access rules of one server. */
export interface AccessRules {
  token: string | null;
  privateReads: boolean;
  allowAnonymousWrites: boolean;
}

/** Routes anyone may read, whatever the rules: the API's description and its docs page. */
export function isPublicRoute(url: string | undefined): boolean {
  return url === '/openapi.json' || url === '/docs' || (url?.startsWith('/docs/') ?? false);
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when `given` is `expected`, compared in time that depends on neither. */
export function tokensEqual(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Refuses rules that cannot work: private reads with no token to read with. */
export function checkAccessRules(rules: AccessRules): void {
  if (rules.privateReads && rules.token === null) throw new Error('private reads need a token: give one, or leave reads open');
  if (rules.token !== null && rules.token.trim() === '') throw new Error('the token is empty');
}

/** Installs the check on every request, before its body is read. */
export function installAccessControl(app: FastifyInstance, rules: AccessRules): void {
  checkAccessRules(rules);
  app.addHook('onRequest', async (request) => {
    if (isPublicRoute(request.routeOptions.url)) return;
    const write = !READ_METHODS.has(request.method);
    if (write && rules.token === null) {
      if (rules.allowAnonymousWrites) return;
      throw new ApiError(403, 'writes are disabled: this server has no token (start it with --token-file PATH or DOSSIER_TOKEN, or --allow-anonymous-writes)');
    }
    if (write || rules.privateReads) checkBearer(request, rules.token!);
  });
}

/** Throws a 401 unless the request carries `Authorization: Bearer <token>`. */
function checkBearer(request: FastifyRequest, token: string): void {
  const header = request.headers.authorization;
  const m = header === undefined ? null : /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (m === null) throw new ApiError(401, header === undefined ? 'this request needs a token: Authorization: Bearer <token>' : 'the Authorization header must be "Bearer <token>"');
  if (!tokensEqual(m[1]!, token)) throw new ApiError(401, 'wrong token');
}
