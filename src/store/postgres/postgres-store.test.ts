// The store contract on PostgreSQL (a fresh database per test), and what only PostgreSQL has:
// migrations on a shared server, several processes writing one database at once, the database
// named without its password. The server: see postgres-test-server.ts (DOSSIER_TEST_POSTGRES, or
// a private cluster started here, or the tests skipped with the reason when PostgreSQL is absent).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runScript } from '../../../test/support/script-process.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../open-store.ts';
import { duplicateRecords, makeLinkedRecord, makeRecord, storeContract, connectionContract } from '../store.contract.ts';
import { storyContract } from '../story.contract.ts';
import { readMigrations } from '../migration-files.ts';
import { migratePostgres, POSTGRES_MIGRATIONS_DIR } from './postgres-migrations.ts';
import { openPostgresStore, type PostgresStore } from './postgres-store.ts';
import { testServer } from './postgres-test-server.ts';

const server = await testServer();

if ('skip' in server) {
  test('store contract: postgres', { skip: server.skip }, () => undefined);
} else {
  after(() => server.stop());
  storeContract('postgres', async () => openPostgresStore(await server.freshDatabase()));
  const twoConnections = async () => {
    const url = await server.freshDatabase();
    return { store: await openPostgresStore(url), connectAgain: () => openPostgresStore(url) };
  };
  storyContract('postgres', twoConnections);
  connectionContract('postgres', twoConnections);

  describe('postgres store', () => {
    test('a new database gets every migration once; reopening applies none and keeps the data', async () => {
      const url = await server.freshDatabase();
      const store = await openPostgresStore(url);
      const record = makeRecord({ title: 'Kept', paragraphs: ['Kept across reopening.'] });
      await store.putArticles([record]);
      await store.close();

      const pool = new pg.Pool({ connectionString: url, max: 1 });
      const client = await pool.connect();
      try {
        const names = (await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => r.name);
        assert.deepEqual(names, readMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name));
        assert.deepEqual(await migratePostgres(client), []);
        await client.query('INSERT INTO schema_migrations VALUES ($1, $2)', ['29990101T0000-future.sql', new Date().toISOString()]);
      } finally {
        client.release();
        await pool.end();
      }
      await assert.rejects(openPostgresStore(url), /29990101T0000-future\.sql.*newer Dossier/);
    });

    test('--db postgres:// opens it; messages name the database without the password; reading commands refuse a database without a store', async () => {
      const url = new URL(await server.freshDatabase());
      url.password = 'hunter2';
      const withPassword = url.toString();
      // Trust authentication ignores the password: the store opens, and says where without it.
      await assert.rejects(openStore(withPassword, { mustExist: true }), (error: Error) => /no Dossier store/.test(error.message) && !error.message.includes('hunter2'));
      const { store, location } = await openStore(withPassword.replace(/^postgres:/, 'postgresql:'));
      assert.ok(!location.includes('hunter2') && location.includes(url.pathname), location);
      await store.close();
      url.port = '1';
      await assert.rejects(openStore(url.toString()), (error: Error) => /cannot open database/.test(error.message) && !error.message.includes('hunter2'));
    });

    test('entity links and counters stay consistent through new versions, by the database’s own count', async () => {
      const store = await openPostgresStore(await server.freshDatabase());
      try {
        const url = 'https://eastwind.example/v';
        const people = ['Karoline Leavitt', 'Ron Dermer', 'Steve Witkoff'];
        for (let v = 0; v < 3; v++) {
          const named = people.slice(v);
          const record = makeLinkedRecord({ title: `Version ${v}`, paragraphs: [`${named.join(' met ')} in Rome.`], url }, named.map((name) => ({ name, type: 'PERSON' as const })));
          await store.putArticles([record, makeLinkedRecord({ title: `Other ${v}`, paragraphs: ['Steve Witkoff flew home.'] }, [{ name: 'Steve Witkoff', type: 'PERSON' }])]);
          assert.deepEqual(await store.integrityProblems(), [], `after version ${v}`);
        }
        assert.deepEqual((await store.listIdentities()).items.map((i) => [i.name, i.articles]), [['Steve Witkoff', 4]]);
      } finally {
        await store.close();
      }
    });

    test('a store made before the duplicates migration gets fingerprints and links backfilled as storing made them', async () => {
      const url = await server.freshDatabase();
      const { wire, copy, update, rewrite, edit, other } = duplicateRecords();
      const ids = [wire, copy, update, rewrite, edit, other].map((r) => r.id);
      const snapshot = async (s: PostgresStore) => ({ links: await Promise.all(ids.map((id) => s.duplicatesOf(id))), sources: await s.independentSources(ids) });
      const store = await openPostgresStore(url);
      await store.putArticles([wire, copy]);
      await store.putArticles([update, other, edit]);
      await store.putArticles([rewrite]);
      const stored = await snapshot(store);
      assert.equal(stored.sources.count, 2);
      await store.close();

      const pool = new pg.Pool({ connectionString: url, max: 1 });
      try {
        await pool.query('DROP TABLE fingerprints, fingerprint_keys, duplicates, fingerprint_backfill');
        await pool.query('DELETE FROM schema_migrations WHERE name = $1', ['20261124T1600-duplicates.sql']);
      } finally {
        await pool.end();
      }
      const migrated = await openPostgresStore(url);
      try {
        assert.deepEqual(await snapshot(migrated), stored);
        assert.deepEqual(await migrated.integrityProblems(), []);
        assert.equal(await migrated.backfillFingerprints(), 0);
      } finally {
        await migrated.close();
      }
    });

    // Writers in separate processes, each storing the same records (the same texts, and versions
    // of the same URLs) at the same time: every text must be stored once, every URL must have one
    // latest version, and the identities must agree with the links.
    test('processes storing the same articles at once store each once', async () => {
      const url = await server.freshDatabase();
      await (await openPostgresStore(url)).close();
      // 90 small reports and three texts of one URL (naming one person), made once here and read by every writer.
      const records = Array.from({ length: 90 }, (_, i) =>
        makeRecord({ title: `Harbour report ${i}`, paragraphs: [`Report ${i}: the ferry crews of Dunmere met the port authority.`], outlet: `Outlet ${i % 4}` }),
      );
      const versions = [0, 1, 2].map((v) =>
        makeLinkedRecord({ title: 'Talks', paragraphs: [`Karoline Leavitt spoke, version ${v}.`], url: 'https://eastwind.example/talks' }, [{ name: 'Karoline Leavitt', type: 'PERSON' }]),
      );
      const dir = mkdtempSync(join(tmpdir(), 'dossier-pg-writers-'));
      const input = join(dir, 'records.json');
      writeFileSync(input, JSON.stringify({ records, versions }));
      const storeModule = fileURLToPath(new URL('./postgres-store.ts', import.meta.url));
      const WRITERS = 3;
      const children = Array.from({ length: WRITERS }, (_, w) => {
        const writer = runScript(
          `import { readFileSync } from 'node:fs';
           import { openPostgresStore } from ${JSON.stringify(storeModule)};
           const { records, versions } = JSON.parse(readFileSync(${JSON.stringify(input)}, 'utf8'));
           const store = await openPostgresStore(${JSON.stringify(url)});
           // Each writer goes through the batches in its own order, with a version of the URL in each, so that they collide.
           const batches = [];
           for (let i = 0; i < records.length; i += 10) batches.push(records.slice(i, i + 10));
           for (let k = 0; k < batches.length; k++) await store.putArticles([...batches[(k + ${w * 3}) % batches.length], versions[(k + ${w}) % 3]]);
           await store.close();`,
        );
        return writer.exited.then((code) => {
          if (code !== 0) throw new Error(`writer ${w} exited ${code}: ${writer.stderr()}`);
        });
      });
      try {
        await Promise.all(children);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const store = await openPostgresStore(url);
      try {
        const stats = await store.stats();
        // The 90 reports, and the three texts of the URL as one article in three versions.
        assert.equal(stats.versions, 93);
        assert.equal(stats.articles, 91);
        for (const r of records) assert.equal((await store.getArticle(r.id))?.version, 1, r.id);
        const talks = await store.versionsOf('https://eastwind.example/talks');
        assert.deepEqual(talks.map((v) => [v.version, v.latest]), [[1, false], [2, false], [3, true]]);
        assert.deepEqual(new Set(talks.map((v) => v.id)), new Set(versions.map((v) => v.id)));
        assert.deepEqual(await store.integrityProblems(), []);
        assert.equal((await store.getIdentity('Karoline Leavitt')).status, 'found');
      } finally {
        await store.close();
      }
    });
  });
}
