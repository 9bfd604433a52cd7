// The near-duplicate routes over the filled test server, with the hand-written ferry strike story
// (../link/duplicates/hand-articles.ts) POSTed through the API: a wire story, another outlet's
// copy (the same words, typographic quotes), an update at the wire's URL with one figure changed,
// and a different report of the strike. Answers are checked against the store and against what
// `dossier diff` prints for the same question.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../../test/support/cli-run.ts';
import { HEADLINE, OTHER_REPORT, PARAGRAPHS } from '../link/duplicates/hand-articles.ts';
import type { VersionComparison } from '../store/lookups.ts';
import type { DuplicateOf } from '../store/store.ts';
import { filledServer, get, postJson, type FilledServer } from './api-test-support.ts';

const WIRE_URL = 'https://harbourwire.example/ferry-strike';
let s: FilledServer;
const ids = { wire: '', copy: '', update: '', other: '' };

/** POSTs one JSON article and gives the id it was stored under. */
async function stored(payload: object): Promise<string> {
  const [result] = await postJson(s.app, payload);
  assert.ok(result);
  return result.id;
}

before(async () => {
  s = await filledServer();
  const body = (paragraphs: readonly string[]) => paragraphs.join('\n\n');
  const common = { title: HEADLINE, date: '2026-05-12' };
  ids.wire = await stored({ ...common, text: body(PARAGRAPHS), url: WIRE_URL, outlet: 'Harbour Wire' });
  ids.copy = await stored({ ...common, text: body(PARAGRAPHS.map((p) => p.replace(/"([^"]*)"/g, '“$1”'))), url: 'https://coastherald.example/ferry', outlet: 'Coast Herald' });
  ids.update = await stored({ ...common, text: body(PARAGRAPHS.map((p) => p.replace('240 deck hands', '260 deck hands'))), url: WIRE_URL, outlet: 'Harbour Wire' });
  ids.other = await stored({ text: OTHER_REPORT, url: 'https://mainland.example/strike', outlet: 'Mainland Times', date: '2026-05-12' });
});
after(async () => s.close());

test('GET /articles/:id/duplicates gives the stored copies and versions, as the store does, by id, prefix or URL', async () => {
  const ofCopy = await get<{ id: string; items: DuplicateOf[] }>(s.app, `/articles/${ids.copy}/duplicates`);
  assert.deepEqual(ofCopy, { id: ids.copy, articleId: ids.copy, items: await s.store.duplicatesOf(ids.copy) });
  assert.deepEqual(
    ofCopy.items.map((d) => [d.id, d.kind, d.evidence, d.outlet]),
    [
      [ids.wire, 'copy', 'same text', 'Harbour Wire'],
      [ids.update, 'version', 'light edit', 'Harbour Wire'],
    ],
  );
  assert.equal(ofCopy.items[0]!.similarity, 1);
  const ofUrl = await get(s.app, `/articles/${encodeURIComponent(WIRE_URL)}/duplicates`);
  assert.equal(ofUrl.id, ids.update);
  assert.equal(ofUrl.articleId, ids.wire);
  assert.deepEqual(ofUrl.items.map((d: DuplicateOf) => [d.id, d.kind, d.evidence]).sort(), [[ids.wire, 'version', 'same url'], [ids.copy, 'version', 'light edit']].sort());
  assert.deepEqual((await get(s.app, `/articles/${ids.other.slice(0, 12)}/duplicates`)).items, []);
  await get(s.app, '/articles/ffffffffffffffff0/duplicates', 404);
});

test('GET /articles/:id/diff compares with the version before, figure changes first; /diff/:otherId compares any two', async () => {
  const diff = await get<VersionComparison>(s.app, `/articles/${encodeURIComponent(WIRE_URL)}/diff`);
  assert.equal(diff.older.id, ids.wire);
  assert.equal(diff.newer.id, ids.update);
  assert.deepEqual(diff.figures.map((f) => [f.before.text, f.after.text, f.after.counts]), [['240 deck hands', '260 deck hands', 'deck hands']]);
  assert.deepEqual(diff.paragraphs.map((p) => [p.kind, p.moved]), [['changed', false]]);
  // The same answer as `dossier diff`, and as naming both records.
  const cli = await runCli('diff', WIRE_URL, '--db', s.db, '--format', 'json');
  assert.equal(cli.status, 0, cli.stderr);
  assert.deepEqual(JSON.parse(cli.stdout), diff);
  assert.deepEqual(await get(s.app, `/articles/${ids.wire}/diff/${ids.update}`), diff);
  // A copy has the same words: nothing changed.
  const copy = await get<VersionComparison>(s.app, `/articles/${ids.wire}/diff/${ids.copy}`);
  assert.deepEqual([copy.figures, copy.paragraphs], [[], []]);
});

test('the diff routes answer 404 for a first version and for an unknown record', async () => {
  const first = await get(s.app, `/articles/${ids.copy}/diff`, 404);
  assert.deepEqual(first, { error: { status: 404, message: `${ids.copy} is the first version of its article: give a second id to compare it with` } });
  const unknown = await get(s.app, `/articles/${ids.wire}/diff/ffffffffffffffff0`, 404);
  assert.equal(unknown.error.message, 'no stored article has an id starting with "ffffffffffffffff0"');
});
