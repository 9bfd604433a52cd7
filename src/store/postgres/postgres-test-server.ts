// Where the PostgreSQL tests get a server and a fresh database per test. The rule, simplest that
// keeps CI honest and a laptop easy:
//   - DOSSIER_TEST_POSTGRES set: use that server (a URL whose role may CREATE DATABASE, such as
//     postgres://dossier@127.0.0.1:PORT/postgres). .ci/run always sets it, from a private
//     cluster it starts (private-cluster.ts).
//   - unset under CI (CI set, as .ci/run's runner sets it): the tests fail, saying so. CI must
//     test PostgreSQL, never skip it quietly.
//   - unset elsewhere: the tests start a private cluster of their own when PostgreSQL is installed
//     (about 1 to 6 s), and stop it when they end; when it is not installed they are skipped, with
//     the reason shown in the test report.
// Each test gets a database of its own (CREATE DATABASE, tens of milliseconds), dropped at the end.
import pg from 'pg';
import { postgresBinDir, startPrivateCluster, stopPrivateCluster } from './private-cluster.ts';

/** A server the tests may make databases on. */
export interface TestServer {
  /** The URL of a new, empty database. */
  freshDatabase(): Promise<string>;
  /** Drops the databases made, and stops the server when the tests started it. */
  stop(): Promise<void>;
}

/** A server to test against, or why there is none (a reason to skip the tests). Throws under CI without DOSSIER_TEST_POSTGRES. */
export async function testServer(): Promise<TestServer | { skip: string }> {
  const given = process.env.DOSSIER_TEST_POSTGRES;
  if (given !== undefined && given !== '') return serverAt(given, null);
  if (process.env.CI) throw new Error('DOSSIER_TEST_POSTGRES is not set: CI must run the PostgreSQL tests (.ci/run starts a server and sets it)');
  if (postgresBinDir() === null) return { skip: 'PostgreSQL is not installed (apt-get install -y postgresql) and DOSSIER_TEST_POSTGRES is not set' };
  const cluster = await startPrivateCluster();
  return serverAt(cluster.url, cluster.dir);
}

function serverAt(url: string, clusterDir: string | null): TestServer {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const made: string[] = [];
  let counter = 0;
  return {
    async freshDatabase() {
      const name = `dossier_test_${process.pid}_${++counter}`;
      await admin.query(`CREATE DATABASE ${name}`);
      made.push(name);
      const u = new URL(url);
      u.pathname = `/${name}`;
      return u.toString();
    },
    async stop() {
      try {
        if (clusterDir === null) for (const name of made) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
        if (clusterDir !== null) stopPrivateCluster(clusterDir);
      }
    },
  };
}
