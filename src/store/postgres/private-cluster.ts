// A private PostgreSQL cluster in a temporary folder: listening on 127.0.0.1 only, on a free
// port, trust authentication, durability off (it holds test data only). It is what the
// PostgreSQL tests run against: .ci/run starts one with this file's command line and exports its
// URL as DOSSIER_TEST_POSTGRES, and a local test run without that variable starts its own (see
// postgres-test-databases.ts). One implementation for both, so CI and a laptop run the same setup.
//
// PostgreSQL refuses to run as root, and CI runs as root: there initdb and pg_ctl run as the
// `postgres` user that Debian's package creates (`su postgres -c …`), in a folder it owns.
//
// Command line (prints shell assignments for `eval`):
//   npx tsx src/store/postgres/private-cluster.ts start   -> DOSSIER_TEST_POSTGRES=…; DOSSIER_TEST_POSTGRES_DIR=…
//   npx tsx src/store/postgres/private-cluster.ts stop DIR
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The role the cluster is made with; it is the cluster's superuser. */
export const CLUSTER_USER = 'dossier';

/** A running private cluster: the URL of its `postgres` database and the folder that holds it. */
export interface PrivateCluster {
  url: string;
  dir: string;
}

/** The folder of PostgreSQL's server programs (initdb, pg_ctl): on PATH, else Debian's newest /usr/lib/postgresql/N/bin; null when not installed. */
export function postgresBinDir(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir !== '' && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0]!, 'bin') : null;
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a server program, as the postgres user when we are root; throws with its output on failure. */
function run(bin: string, args: readonly string[]): void {
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  const [file, argv] = asRoot() ? ['su', ['postgres', '-s', '/bin/sh', '-c', [bin, ...args].map(quote).join(' ')]] : [bin, [...args]];
  try {
    execFileSync(file, argv as string[], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stderr?: Buffer; stdout?: Buffer; message: string };
    throw new Error(`${bin} failed: ${(e.stderr?.toString() || e.stdout?.toString() || e.message).trim()}`);
  }
}

/** A TCP port nobody listens on at this moment. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Makes and starts a private cluster; throws when PostgreSQL is not installed or does not start. */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const bin = postgresBinDir();
  if (bin === null) throw new Error('PostgreSQL is not installed (no initdb): apt-get install -y postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'dossier-pg-'));
  try {
    if (asRoot()) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
    }
    const data = join(dir, 'data');
    run(join(bin, 'initdb'), ['-D', data, '-U', CLUSTER_USER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    // A port can be taken between finding it free and the server binding it: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      const settings = [
        `-p ${port}`,
        "-c listen_addresses='127.0.0.1'",
        `-c unix_socket_directories='${dir}'`,
        // Test data only: nothing needs to survive a crash of the machine.
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      try {
        run(join(bin, 'pg_ctl'), ['start', '-w', '-t', '60', '-D', data, '-l', join(dir, 'server.log'), '-o', settings]);
        return { url: `postgres://${CLUSTER_USER}@127.0.0.1:${port}/postgres`, dir };
      } catch (error) {
        if (attempt >= 3) {
          const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').trim().split('\n').slice(-5).join('\n') : '';
          throw new Error(`${error instanceof Error ? error.message : String(error)}\n${log}`);
        }
      }
    }
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** Stops the cluster in `dir` (started by startPrivateCluster) and deletes the folder. */
export function stopPrivateCluster(dir: string): void {
  const bin = postgresBinDir();
  try {
    if (bin !== null && existsSync(join(dir, 'data', 'postmaster.pid'))) run(join(bin, 'pg_ctl'), ['stop', '-w', '-m', 'fast', '-D', join(dir, 'data')]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    const cluster = await startPrivateCluster();
    process.stdout.write(`DOSSIER_TEST_POSTGRES='${cluster.url}'; DOSSIER_TEST_POSTGRES_DIR='${cluster.dir}'\n`);
  } else if (command === 'stop' && dir !== undefined) {
    stopPrivateCluster(dir);
  } else {
    process.stderr.write('usage: private-cluster.ts start | stop DIR\n');
    process.exitCode = 2;
  }
}
