// A small HTTP server on 127.0.0.1 for tests that fetch: each path answers with its handler, and
// every request is recorded (path and headers), so that a test can tell what reached the server.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Answers one request. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A running server: its base URL ("http://127.0.0.1:PORT"), the requests it saw, and how to stop it. */
export interface LocalServer {
  url: string;
  port: number;
  requests: { path: string; headers: IncomingHttpHeaders }[];
  /** Sets or replaces the handler of a path (query string included when the request has one). */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** Starts a server with the given routes; unknown paths get 404. */
export async function startServer(routes: Record<string, Handler> = {}): Promise<LocalServer> {
  const table = new Map(Object.entries(routes));
  const requests: LocalServer['requests'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const handler = table.get(path);
    if (handler) handler(req, res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        // Handlers that never answer (the slow-server tests) would keep close() waiting.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A handler that sends `body` with the given headers (Content-Length set from the body unless given). */
export function send(body: string | Buffer, headers: Record<string, string> = {}, status = 200): Handler {
  return (_req, res) => {
    const bytes = typeof body === 'string' ? Buffer.from(body) : body;
    res.writeHead(status, { 'content-length': String(bytes.length), ...headers }).end(bytes);
  };
}

/** Runs `run` with a fresh server (no routes yet) and closes the server whatever happens. */
export async function withServer(run: (server: LocalServer) => Promise<void>): Promise<void> {
  const server = await startServer();
  try {
    await run(server);
  } finally {
    await server.close();
  }
}
