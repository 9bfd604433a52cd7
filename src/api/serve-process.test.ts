// `dossier serve` as a real process on a free port: it says where it listens, answers real HTTP
// requests (reads open, writes with the token from --token-file), and stops cleanly on SIGTERM
// with the store closed. And the command lines it refuses before listening.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { databaseFolder, ingestedSeeds, runCli } from '../../test/support/cli-run.ts';
import { startServe } from '../../test/support/serve-process.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';

const databases = databaseFolder('serve');

test('dossier serve listens, answers over HTTP, takes writes with the token, and stops on SIGTERM', async () => {
  const db = databases.fresh();
  await ingestedSeeds(db);
  const tokenFile = join(dirname(db), 'token');
  writeFileSync(tokenFile, 'serve-test-token\n');
  const env = { ...process.env };
  delete env['DOSSIER_TOKEN'];
  const serve = await startServe(db, ['--token-file', tokenFile], env);
  let exitCode: number | null;
  try {
    const { base } = serve;
    assert.match(serve.stdout(), /^dossier: serving .+test\.db \(2 articles\) on http:\/\/127\.0\.0\.1:\d+\n/);
    assert.match(serve.stdout(), /reads are open, writes need the token/);

    const stats = await fetch(`${base}/stats`);
    assert.equal(stats.status, 200);
    assert.equal(((await stats.json()) as { articles: number }).articles, 2);
    const article = { text: 'Served note\n\nA note sent over HTTP to Rome.' };
    const refused = await fetch(`${base}/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(article) });
    assert.equal(refused.status, 401);
    const stored = await fetch(`${base}/articles`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer serve-test-token' }, body: JSON.stringify(article) });
    assert.equal(stored.status, 201);
    const docs = await fetch(`${base}/docs`);
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /swagger-ui/);
  } finally {
    exitCode = await serve.stop();
  }
  assert.equal(exitCode, 0, serve.stderr());
  assert.match(serve.stdout(), /dossier: SIGTERM: stopping\n$/);
  const store = await openSqliteStore(db, { mustExist: true });
  try {
    assert.equal((await store.stats()).articles, 3);
  } finally {
    await store.close();
  }
});

test('dossier serve refuses command lines that cannot work, before listening', async () => {
  const saved = process.env['DOSSIER_TOKEN'];
  delete process.env['DOSSIER_TOKEN'];
  try {
    const db = databases.fresh();
    const empty = join(dirname(db), 'empty-token');
    writeFileSync(empty, '\n');
    const cases: [string[], RegExp][] = [
      [['--private'], /--private needs a token/],
      [['--port', '70000'], /--port must be a port number/],
      [['--token-file', empty], /is empty/],
      [['--token-file', join(dirname(db), 'absent')], /--token-file: cannot read .*\(ENOENT\)/],
      [['--max-bytes', 'lots'], /--max-bytes must be a size/],
      [['extra'], /serve takes no arguments/],
    ];
    for (const [argv, message] of cases) {
      const r = await runCli('serve', '--db', db, ...argv);
      assert.equal(r.status, 2, argv.join(' '));
      assert.match(r.stderr, message);
    }
    process.env['DOSSIER_TOKEN'] = 'env-token';
    const both = await runCli('serve', '--db', db, '--allow-anonymous-writes');
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--allow-anonymous-writes is for a server without a token/);
  } finally {
    if (saved === undefined) delete process.env['DOSSIER_TOKEN'];
    else process.env['DOSSIER_TOKEN'] = saved;
  }
});
