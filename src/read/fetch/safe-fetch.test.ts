// fetchPage against a server on 127.0.0.1 started by each test. Loopback is refused by default,
// so tests allow it (allowPrivate, or allowNetworks for 127.0.0.1 alone) and check the refusal
// separately. Host names are mapped to addresses by a lookup injected into the policy, so that
// redirects between "hosts" run through the real resolution, check and connection code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fetchPage, type FetchPolicy } from './safe-fetch.ts';
import type { HostLookup } from './fetch-policy.ts';
import { send, startServer, withServer } from '../../../test/support/local-server.ts';

const ALLOW = { allowPrivate: true } satisfies FetchPolicy;
const HTML = '<html><head><title>Ferry strike ends</title></head><body><p>Ferry crews went back to work.</p></body></html>';

/** A lookup that answers from a table and counts its calls per name. */
function fakeDns(table: Record<string, string[]>): HostLookup & { calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const lookup = async (hostname: string) => {
    calls.set(hostname, (calls.get(hostname) ?? 0) + 1);
    const found = table[hostname];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? (6 as const) : (4 as const) }));
  };
  return Object.assign(lookup, { calls });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.equal((error as Error).name, 'InputError');
    assert.doesNotMatch((error as Error).message, /\n/);
    return (error as Error).message;
  }
  assert.fail('expected the fetch to fail');
}

test('loopback is refused by default, before any request is sent; allowed, the page comes back', async () => {
  await withServer(async (server) => {
    server.route('/page', send(HTML, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"' }));
    assert.equal(await refusal(fetchPage(`${server.url}/page`)), `${server.url}/page: refused: loopback address 127.0.0.1`);
    assert.equal(await refusal(fetchPage(`http://localhost:${server.port}/page`, { lookup: fakeDns({ localhost: ['127.0.0.1'] }) })),
      `http://localhost:${server.port}/page: refused: localhost resolves to loopback address 127.0.0.1`);
    assert.equal(server.requests.length, 0);

    const page = await fetchPage(`${server.url}/page`, ALLOW);
    assert.equal(page.url, `${server.url}/page`);
    assert.equal(page.status, 200);
    assert.equal(page.contentType, 'text/html; charset=utf-8');
    assert.equal(Buffer.from(page.body).toString(), HTML);
    assert.equal(page.etag, '"v1"');
    assert.equal(page.notModified, false);
  });
});

test('private and mapped addresses, other schemes and credentials are refused with the reason', async () => {
  assert.equal(await refusal(fetchPage('http://10.0.0.5/x')), 'http://10.0.0.5/x: refused: private address 10.0.0.5');
  assert.equal(await refusal(fetchPage('http://169.254.169.254/latest/meta-data/')), 'http://169.254.169.254/latest/meta-data/: refused: link-local address 169.254.169.254');
  assert.match(await refusal(fetchPage('http://[::ffff:127.0.0.1]/')), /refused: loopback address ::ffff:7f00:1 \(IPv4 127\.0\.0\.1\)$/);
  assert.match(await refusal(fetchPage('http://[::1]:8080/')), /refused: loopback address ::1$/);
  // The URL parser reads these as 127.0.0.1 and 0.0.0.0; the check sees what the parser made of them.
  assert.match(await refusal(fetchPage('http://2130706433/')), /refused: loopback address 127\.0\.0\.1$/);
  assert.match(await refusal(fetchPage('http://0/', ALLOW)), /refused: unspecified address 0\.0\.0\.0$/);
  assert.equal(await refusal(fetchPage('file:///etc/passwd')), 'file:///etc/passwd: only http and https URLs are fetched, not file:');
  assert.equal(await refusal(fetchPage('http://user:pw@example.com/')), 'http://user:pw@example.com/: URLs with a user name or password are not fetched');
  assert.equal(await refusal(fetchPage('not a url')), 'not a url: not a valid URL');
  const dns = fakeDns({ 'mixed.test': ['93.184.216.34', '10.1.2.3'] });
  assert.equal(await refusal(fetchPage('http://mixed.test/', { lookup: dns })), 'http://mixed.test/: refused: mixed.test resolves to private address 10.1.2.3');
  assert.equal(await refusal(fetchPage('http://gone.test/', { lookup: dns })), 'http://gone.test/: host not found: gone.test');
});

test('redirects are followed, each hop resolved once and checked; the connection keeps the host name', async () => {
  await withServer(async (server) => {
    const dns = fakeDns({ 'public.test': ['127.0.0.1'], 'other.test': ['127.0.0.1'] });
    const policy: FetchPolicy = { allowNetworks: ['127.0.0.1'], lookup: dns };
    server.route('/start', (_req, res) => res.writeHead(301, { location: `http://other.test:${server.port}/middle` }).end());
    server.route('/middle', (_req, res) => res.writeHead(307, { location: '/final?x=1' }).end());
    server.route('/final?x=1', send(HTML, { 'content-type': 'text/html' }));
    const page = await fetchPage(`http://public.test:${server.port}/start#top`, policy);
    assert.equal(page.url, `http://other.test:${server.port}/final?x=1`);
    assert.equal(Buffer.from(page.body).toString(), HTML);
    assert.deepEqual(
      server.requests.map((r) => `${r.headers.host} ${r.path}`),
      [`public.test:${server.port} /start`, `other.test:${server.port} /middle`, `other.test:${server.port} /final?x=1`],
    );
    assert.deepEqual([...dns.calls], [['public.test', 1], ['other.test', 2]]);
  });
});

test('a redirect from an allowed host to a loopback, private or non-web address is refused', async () => {
  await withServer(async (server) => {
    const policy: FetchPolicy = { allowNetworks: ['127.0.0.1'], lookup: fakeDns({ 'public.test': ['127.0.0.1'], 'internal.test': ['10.0.0.5'] }) };
    server.route('/to-loopback', (_req, res) => res.writeHead(302, { location: `http://127.0.0.2:${server.port}/secret` }).end());
    server.route('/to-internal', (_req, res) => res.writeHead(302, { location: `http://internal.test:${server.port}/admin` }).end());
    server.route('/to-file', (_req, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end());
    server.route('/to-metadata', (_req, res) => res.writeHead(303, { location: 'http://[::ffff:169.254.169.254]/latest/' }).end());
    const start = `http://public.test:${server.port}`;
    assert.equal(await refusal(fetchPage(`${start}/to-loopback`, policy)),
      `${start}/to-loopback: redirected to http://127.0.0.2:${server.port}/secret: refused: loopback address 127.0.0.2`);
    assert.equal(await refusal(fetchPage(`${start}/to-internal`, policy)),
      `${start}/to-internal: redirected to http://internal.test:${server.port}/admin: refused: internal.test resolves to private address 10.0.0.5`);
    assert.equal(await refusal(fetchPage(`${start}/to-file`, policy)),
      `${start}/to-file: redirect to file:///etc/passwd: only http and https URLs are fetched, not file:`);
    assert.match(await refusal(fetchPage(`${start}/to-metadata`, policy)), /refused: link-local address ::ffff:a9fe:a9fe \(IPv4 169\.254\.169\.254\)$/);
    assert.deepEqual(server.requests.map((r) => r.path), ['/to-loopback', '/to-internal', '/to-file', '/to-metadata']);
  });
});

test('too many redirects are refused; the bound is the policy\'s', async () => {
  await withServer(async (server) => {
    let n = 0;
    server.route('/loop', (_req, res) => res.writeHead(302, { location: `/loop?${++n}` }).end());
    for (let i = 1; i <= 10; i++) server.route(`/loop?${i}`, (_req, res) => res.writeHead(302, { location: `/loop?${++n}` }).end());
    assert.match(await refusal(fetchPage(`${server.url}/loop`, ALLOW)), /: redirected to .*\/loop\?5: more than 5 redirects$/);
    assert.equal(server.requests.length, 6);
    n = 0;
    server.requests.length = 0;
    assert.match(await refusal(fetchPage(`${server.url}/loop`, { ...ALLOW, maxRedirects: 1 })), /more than 1 redirects$/);
    assert.equal(server.requests.length, 2);
  });
});

test('a body over the size limit is refused: by Content-Length at once, and while streaming without one', async () => {
  await withServer(async (server) => {
    const big = Buffer.alloc(200_000, 'a');
    server.route('/declared', send(big, { 'content-type': 'text/plain' }));
    let sent = 0;
    server.route('/chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      // Writes without end: only the client's limit stops it.
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        sent += 16_384;
        res.write(Buffer.alloc(16_384, 'b'));
      }, 1);
      res.on('close', () => clearInterval(timer));
    });
    const policy = { ...ALLOW, maxBytes: 65_536 };
    assert.equal(await refusal(fetchPage(`${server.url}/declared`, policy)),
      `${server.url}/declared: larger than the size limit of 65536 bytes; raise it with --max-bytes`);
    assert.equal(await refusal(fetchPage(`${server.url}/chunked`, policy)),
      `${server.url}/chunked: larger than the size limit of 65536 bytes; raise it with --max-bytes`);
    assert.ok(sent < 4_000_000, `the server was stopped early (sent ${sent} bytes)`);
    // Under the limit the same body comes through whole.
    assert.equal((await fetchPage(`${server.url}/declared`, { ...ALLOW, maxBytes: 200_000 })).body.length, 200_000);
  });
});

test('a slow server is timed out: one that never answers, and one that sends its body a byte at a time', async () => {
  await withServer(async (server) => {
    server.route('/silent', () => {});
    server.route('/drip', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('x'), 50);
      res.on('close', () => clearInterval(timer));
    });
    const policy = { ...ALLOW, totalTimeoutMs: 300 };
    const t0 = Date.now();
    assert.equal(await refusal(fetchPage(`${server.url}/silent`, policy)), `${server.url}/silent: timed out after 0.3 s`);
    assert.equal(await refusal(fetchPage(`${server.url}/drip`, policy)), `${server.url}/drip: timed out after 0.3 s`);
    assert.ok(Date.now() - t0 < 3000);
  });
});

test('compressed bodies are decompressed; a gzip bomb is stopped at the size limit', async () => {
  await withServer(async (server) => {
    server.route('/gzip', send(gzipSync(HTML), { 'content-type': 'text/html', 'content-encoding': 'gzip' }));
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
    assert.ok(bomb.length < 200_000);
    server.route('/bomb', send(bomb, { 'content-type': 'text/html', 'content-encoding': 'gzip' }));
    server.route('/zstd', send('x', { 'content-encoding': 'zstd' }));
    server.route('/corrupt', send(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }));
    const policy = { ...ALLOW, maxBytes: 1024 * 1024 };
    assert.equal(Buffer.from((await fetchPage(`${server.url}/gzip`, policy)).body).toString(), HTML);
    assert.equal(await refusal(fetchPage(`${server.url}/bomb`, policy)),
      `${server.url}/bomb: refused: its gzip body expands past the size limit of 1 MB (a compression bomb?)`);
    assert.equal(await refusal(fetchPage(`${server.url}/zstd`, policy)), `${server.url}/zstd: unsupported Content-Encoding "zstd"`);
    assert.match(await refusal(fetchPage(`${server.url}/corrupt`, policy)), /\/corrupt: corrupt compressed body/);
  });
});

test('conditional GET: validators are sent back, and a 304 gives notModified with no body', async () => {
  await withServer(async (server) => {
    const etag = '"feed-v1"';
    const lastModified = 'Tue, 13 Oct 2026 09:00:00 GMT';
    server.route('/feed', (req, res) => {
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      send(HTML, { etag, 'last-modified': lastModified })(req, res);
    });
    const first = await fetchPage(`${server.url}/feed`, ALLOW);
    assert.equal(first.etag, etag);
    assert.equal(first.lastModified, lastModified);
    const second = await fetchPage(`${server.url}/feed`, ALLOW, { etag: first.etag, lastModified: first.lastModified });
    assert.equal(second.notModified, true);
    assert.equal(second.status, 304);
    assert.equal(second.body.length, 0);
    assert.equal(second.lastModified, lastModified, 'validators the 304 does not repeat are kept');
    assert.equal(server.requests[1]!.headers['if-none-match'], etag);
    assert.equal(server.requests[1]!.headers['if-modified-since'], lastModified);
    assert.equal(server.requests[0]!.headers['if-none-match'], undefined);
    // A 304 nobody asked for is an error, not an empty page.
    server.route('/odd', (_req, res) => res.writeHead(304).end());
    assert.equal(await refusal(fetchPage(`${server.url}/odd`, ALLOW)), `${server.url}/odd: HTTP 304 Not Modified`);
  });
});

test('HTTP errors, a connection refused and a cancelled fetch each give one line naming the URL', async () => {
  await withServer(async (server) => {
    server.route('/boom', send('oops', {}, 500));
    server.route('/silent', () => {});
    assert.equal(await refusal(fetchPage(`${server.url}/boom`, ALLOW)), `${server.url}/boom: HTTP 500 Internal Server Error`);
    assert.equal(await refusal(fetchPage(`${server.url}/nothing-here`, ALLOW)), `${server.url}/nothing-here: HTTP 404 Not Found`);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    assert.equal(await refusal(fetchPage(`${server.url}/silent`, { ...ALLOW, signal: controller.signal })), `${server.url}/silent: fetch cancelled`);
  });
  const closed = await startServer();
  const url = `${closed.url}/x`;
  await closed.close();
  assert.equal(await refusal(fetchPage(url, ALLOW)), `${url}: connection refused`);
});

test('HTTPS: the connection goes to the checked address while the certificate is checked against the host name', async () => {
  const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
  const cert = readFileSync(join(fixtures, 'public-test-cert.pem'), 'utf8');
  const server = createHttpsServer({ cert, key: readFileSync(join(fixtures, 'public-test-key.pem')) }, (req, res) => res.end(`host ${req.headers.host}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  try {
    const policy: FetchPolicy = { allowNetworks: ['127.0.0.1'], ca: cert, lookup: fakeDns({ 'public.test': ['127.0.0.1'], 'other.test': ['127.0.0.1'] }) };
    const page = await fetchPage(`https://public.test:${port}/`, policy);
    assert.equal(Buffer.from(page.body).toString(), `host public.test:${port}`);
    // Same address, another name: the certificate does not name it, so the fetch fails.
    assert.equal(await refusal(fetchPage(`https://other.test:${port}/`, policy)), `https://other.test:${port}/: TLS failure (ERR_TLS_CERT_ALTNAME_INVALID)`);
    // Without the test CA the certificate is not trusted.
    assert.match(await refusal(fetchPage(`https://public.test:${port}/`, { ...policy, ca: undefined })), /: TLS failure \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN)\)$/);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
