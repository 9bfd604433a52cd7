// The OpenAPI document at /openapi.json: it parses, names every route, and real responses of every
// route validate against the schemas it gives them, with no field left undeclared (so what a
// client reads in the document is all a response holds). And the docs page answers offline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { AUTH, filledServer, send, type FilledServer } from './api-test-support.ts';

let s: FilledServer;
let doc: { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown }>>; components: { schemas: Record<string, unknown> } };
before(async () => {
  s = await filledServer();
  const a = await send(s.app, { method: 'GET', url: '/openapi.json' });
  assert.equal(a.status, 200);
  assert.match(String(a.headers['content-type']), /^application\/json/);
  doc = JSON.parse(a.text);
});
after(async () => s.close());

const ROUTES = [
  'get /articles',
  'post /articles',
  'get /articles/{id}',
  'get /articles/{id}/versions',
  'get /articles/{id}/duplicates',
  'get /articles/{id}/diff',
  'get /articles/{id}/diff/{otherId}',
  'get /search',
  'get /entities',
  'get /entities/{idOrName}',
  'get /quotes',
  'get /figures',
  'get /figures/series',
  'get /conflicts',
  'get /stats',
  'get /stories',
  'get /stories/{id}',
];

test('the document is OpenAPI 3.1 and lists every route, with its error answers, and only those', () => {
  assert.equal(doc.openapi, '3.1.0');
  const listed = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
  assert.deepEqual(listed.sort(), [...ROUTES].sort());
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      for (const status of ['400', '401', '500']) assert.ok(operation.responses[status], `${method} ${path} ${status}`);
    }
  }
  assert.deepEqual(doc.paths['/articles']!['post']!.security, [{ bearerAuth: [] }]);
  for (const status of ['200', '201', '403', '413', '415', '422', '501']) assert.ok(doc.paths['/articles']!['post']!.responses[status], status);
  assert.ok(doc.paths['/entities/{idOrName}']!['get']!.responses['409']);
});

/** The document's schemas made strict: every object must declare each field it has. */
function strict(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strict);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = key === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([k, p]) => [k, strict(p)])) : strict(v);
  if ('properties' in out) out['additionalProperties'] = false;
  return out;
}

/** Checks a response against the schema the document gives its route and status. */
function checkAgainstDocument(ajv: Ajv2020, method: string, path: string, status: number, body: unknown): void {
  const pointer = ['paths', path, method, 'responses', String(status), 'content', 'application/json', 'schema'].map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
  const validate = ajv.getSchema(`openapi#/${pointer}`);
  assert.ok(validate, `no schema for ${method} ${path} ${status}`);
  assert.ok(validate(body), `${method} ${path} ${status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
}

test('every route answers what its schema says, field for field, for successes and errors alike', async () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema(strict(doc) as object, 'openapi');
  const anyId = [...s.seeds.keys()][0]!;
  const stories = await send(s.app, { method: 'GET', url: '/stories' });
  const storyId = (stories.body as { items: { id: string }[] }).items[0]!.id;
  const requests: [string, string, string, number][] = [
    ['get', '/articles', '/articles?limit=2', 200],
    ['get', '/articles/{id}', `/articles/${anyId}`, 200],
    ['get', '/articles/{id}', '/articles/ffffffffffffffff0', 404],
    ['get', '/articles/{id}/versions', `/articles/${encodeURIComponent('https://news.example/doha-talks')}/versions`, 200],
    ['get', '/articles/{id}/duplicates', `/articles/${encodeURIComponent('https://news.example/doha-talks')}/duplicates`, 200],
    ['get', '/articles/{id}/diff', `/articles/${encodeURIComponent('https://news.example/doha-talks')}/diff`, 200],
    ['get', '/articles/{id}/diff', `/articles/${anyId}/diff`, 404],
    ['get', '/articles/{id}/diff/{otherId}', `/articles/${anyId}/diff/${[...s.seeds.keys()][1]!}`, 200],
    ['get', '/search', '/search?q=ceasefire', 200],
    ['get', '/search', '/search?q=x&limit=0', 400],
    ['get', '/entities', '/entities', 200],
    ['get', '/entities/{idOrName}', '/entities/Karoline%20Leavitt', 200],
    ['get', '/entities/{idOrName}', '/entities/Biden', 409],
    ['get', '/quotes', '/quotes?speaker=Leavitt', 200],
    ['get', '/quotes', '/quotes', 200],
    ['get', '/figures', '/figures', 200],
    ['get', '/figures', '/figures?claimant=Biden', 409],
    ['get', '/figures/series', '/figures/series', 200],
    ['get', '/conflicts', '/conflicts?kind=all', 200],
    ['get', '/stats', '/stats', 200],
    ['get', '/stories', '/stories', 200],
    ['get', '/stories/{id}', `/stories/${storyId}?limit=2`, 200],
    ['get', '/stories/{id}', `/stories/${anyId}`, 200],
    ['get', '/stories/{id}', '/stories/no-such-story', 404],
    ['get', '/stories/{id}', `/stories/${storyId}?cursor=nonsense`, 400],
  ];
  for (const [method, path, url, status] of requests) {
    const a = await send(s.app, { method: 'GET', url });
    assert.equal(a.status, status, `${url}: ${a.text.slice(0, 200)}`);
    checkAgainstDocument(ajv, method, path, status, a.body);
  }
  const posted = await send(s.app, { method: 'POST', url: '/articles', headers: { ...AUTH, 'content-type': 'application/json' }, payload: [{ text: 'Schema note\n\nA note in Rome.' }, { text: '' }] });
  checkAgainstDocument(ajv, 'post', '/articles', posted.status, posted.body);
  const unreadable = await send(s.app, { method: 'POST', url: '/articles', headers: { ...AUTH, 'content-type': 'text/plain' }, payload: '' });
  checkAgainstDocument(ajv, 'post', '/articles', 422, unreadable.body);
  const stranger = await send(s.app, { method: 'POST', url: '/articles', headers: { 'content-type': 'text/plain' }, payload: 'x' });
  checkAgainstDocument(ajv, 'post', '/articles', 401, stranger.body);
});

test('the docs page and its assets are served from the package: no request leaves the machine', async () => {
  const page = await send(s.app, { method: 'GET', url: '/docs' });
  assert.equal(page.status, 200);
  assert.match(String(page.headers['content-type']), /^text\/html/);
  assert.match(page.text, /<title>Dossier API<\/title>/);
  // Every script and style it loads is one of ours, and is there.
  const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(assets.length >= 4);
  for (const asset of assets) {
    assert.ok(asset.startsWith('/docs/'), asset);
    const a = await send(s.app, { method: 'GET', url: asset });
    assert.equal(a.status, 200, asset);
    assert.ok(a.text.length > 0);
  }
  const initializer = await send(s.app, { method: 'GET', url: '/docs/static/swagger-initializer.js' });
  assert.match(initializer.text, /validatorUrl: null/);
  assert.deepEqual((await send(s.app, { method: 'GET', url: '/docs/json' })).body, doc);
});
