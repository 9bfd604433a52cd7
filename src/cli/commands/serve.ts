// `dossier serve [--db PATH] [--host 127.0.0.1] [--port 8080] [--token-file PATH] [--private]
// [--allow-anonymous-writes] [--max-bytes N] [--allow-private]`: the HTTP API (src/api) over one store, until SIGINT
// or SIGTERM, then the server and the store are closed. The token comes from --token-file or the
// DOSSIER_TOKEN environment variable, never from the command line (where `ps` would show it).
// Without a token, reads are open and writes are refused; see src/api/access-control.ts.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { sizeText } from '../../api/api-errors.ts';
import { openStore, shownLocation } from '../../store/open-store.ts';
import { fetchPage } from '../../read/fetch/safe-fetch.ts';
import { UsageError, type CliIO, type Command } from '../cli-io.ts';
import { parseSizeOption } from '../options.ts';

/** Hosts that only this machine reaches: serving on another one without a token is worth a warning. */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export const serveCommand: Command = async (args, io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '8080' },
      'token-file': { type: 'string' },
      private: { type: 'boolean', default: false },
      'allow-anonymous-writes': { type: 'boolean', default: false },
      'max-bytes': { type: 'string' },
      'allow-private': { type: 'boolean', default: false },
    },
  });
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments, only options (got ${JSON.stringify(positionals.join(' '))})`);
  if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535) throw new UsageError(`--port must be a port number from 0 to 65535, not ${values.port}`);
  const token = readToken(values['token-file'], process.env['DOSSIER_TOKEN']);
  if (values.private && token === null) throw new UsageError('--private needs a token: give --token-file PATH or set DOSSIER_TOKEN');
  if (token !== null && values['allow-anonymous-writes']) throw new UsageError('--allow-anonymous-writes is for a server without a token; this one has a token');
  // Loaded here, not at the top: every other command would pay for fastify's start-up.
  const { buildServer, DEFAULT_BODY_LIMIT } = await import('../../api/build-server.ts');
  const bodyLimit = values['max-bytes'] === undefined ? DEFAULT_BODY_LIMIT : parseSizeOption(values['max-bytes']);

  const { store, location } = await openStore(values.db);
  let app: FastifyInstance | undefined;
  try {
    // POSTed URLs are fetched with the same safety rules as `dossier ingest URL` (no private or
    // loopback addresses unless --allow-private, bounded size, redirects and time).
    const fetchPolicy = { allowPrivate: values['allow-private'], maxBytes: bodyLimit };
    app = buildServer({
      store,
      token,
      privateReads: values.private,
      allowAnonymousWrites: values['allow-anonymous-writes'],
      bodyLimit,
      fetchPage: (url) => fetchPage(url, fetchPolicy),
      logger: { level: 'warn', stream: process.stderr },
    });
    const address = await app.listen({ host: values.host, port: Number(values.port) });
    const stats = await store.stats();
    // One write, so that a reader waiting for the address gets the rest with it.
    io.out(
      [
        `dossier: serving ${shownLocation(location)} (${stats.articles} articles) on ${address}`,
        `  open the dossier: ${address}/`,
        `  API docs: ${address}/docs  OpenAPI: ${address}/openapi.json`,
        `  ${accessLine(token !== null, values.private, values['allow-anonymous-writes'])}; request bodies up to ${sizeText(bodyLimit)}`,
        '',
      ].join('\n'),
    );
    if (!LOOPBACK.has(values.host) && token === null) warn(io, `serving on ${values.host} without a token: anyone who reaches it can read the store${values['allow-anonymous-writes'] ? ' and write to it' : ''}`);
  } catch (error) {
    await app?.close();
    await store.close();
    throw error;
  }
  const server = app;
  const signal = await new Promise<NodeJS.Signals>((done) => {
    const stop = (name: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done(name);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.out(`dossier: ${signal}: stopping\n`);
  try {
    await server.close();
  } finally {
    await store.close();
  }
  return 0;
};

/** The token from `file` (its content, trimmed), else from the environment, else null. An empty one is an error, not "no token". */
function readToken(file: string | undefined, env: string | undefined): string | null {
  let token: string;
  if (file !== undefined) {
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new UsageError(`--token-file: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (token === '') throw new UsageError(`--token-file: ${file} is empty`);
    if (/\s/.test(token)) throw new UsageError(`--token-file: the token in ${file} must be one word (no spaces or line breaks)`);
    return token;
  }
  if (env === undefined) return null;
  token = env.trim();
  if (token === '' || /\s/.test(token)) throw new UsageError('DOSSIER_TOKEN must be one word, not empty');
  return token;
}

/** Who may read and write, in one line. */
function accessLine(hasToken: boolean, privateReads: boolean, anonymousWrites: boolean): string {
  if (privateReads) return 'reads and writes need the token';
  if (hasToken) return 'reads are open, writes need the token';
  return anonymousWrites ? 'reads and writes are open to anyone (--allow-anonymous-writes)' : 'reads are open, writes are disabled (no token)';
}

function warn(io: CliIO, message: string): void {
  io.err(`dossier serve: warning: ${message}\n`);
}
