// The one place where failures become HTTP answers. Every error, whoever raised it (a route, the
// body parser, fastify's validation, the store, a reader), answers `{ "error": { "status", "message" } }`
// with a status that says whose fault it is; a 500 says nothing of the cause (it goes to the log).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UsageError } from '../model/request-values.ts';
import { InputError } from '../read/input-error.ts';
import { BadCursorError } from '../store/store.ts';
import { ref, type JsonSchema } from './schema-helpers.ts';

/** An answer other than 2xx, raised by a route: its status, a one-line message, and for a 409 what the ambiguous key could mean. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly candidates?: readonly unknown[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The body of every error answer. */
export interface ErrorBody {
  error: { status: number; message: string; candidates?: readonly unknown[] };
}

/** The response schemas of the error statuses a route may answer, for its `response` schema. */
export function errorResponses(...statuses: number[]): Record<number, JsonSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ref('Error')]));
}

/** The statuses every route may answer: a bad query (400), a missing or wrong token (401), a failure of ours (500). */
export const COMMON_ERRORS = [400, 401, 500] as const;

/** Status and message of an error, as answered; `bodyLimit` words the 413. */
function classify(error: unknown, bodyLimit: number): { status: number; message: string; candidates?: readonly unknown[] } {
  if (error instanceof ApiError) return { status: error.statusCode, message: error.message, candidates: error.candidates };
  // What the readers refuse (binary, empty, not UTF-8, no article in it): an article we cannot read.
  if (error instanceof InputError) return { status: 422, message: error.message };
  // Option checks shared with the CLI (days, sizes) and cursors of another listing: a bad query.
  if (error instanceof UsageError || error instanceof BadCursorError) return { status: 400, message: error.message };
  const e = error as Partial<FastifyError>;
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { status: 413, message: `request body larger than the limit of ${sizeText(bodyLimit)}` };
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, message: `unsupported Content-Type; send application/json, text/plain or text/html` };
  }
  // Fastify's own client errors: validation (400 with the failing part named), bad JSON, bad lengths.
  if (e.validation !== undefined) return { status: 400, message: e.message ?? 'bad request' };
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) return { status: e.statusCode, message: e.message ?? 'bad request' };
  return { status: 500, message: 'internal server error' };
}

/** A size for people: "5 MB", "512 bytes". */
export function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number(mb.toFixed(1))} MB` : `${bytes} bytes`;
}

/** Sends the error body for `status`. */
export function sendError(reply: FastifyReply, status: number, message: string, candidates?: readonly unknown[]): FastifyReply {
  const body: ErrorBody = { error: { status, message, ...(candidates === undefined ? {} : { candidates }) } };
  // RFC 6750: a 401 names the scheme the client should use.
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="dossier"');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Installs the error handler and the 404 handler on `app`. */
export function installErrorHandlers(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { status, message, candidates } = classify(error, bodyLimit);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return sendError(reply, status, message, candidates);
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, `no route ${request.method} ${request.url.split('?', 1)[0]}`));
}
