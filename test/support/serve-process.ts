// `dossier serve` as a real child process on a free port, for tests that talk to it over HTTP:
// started, waited for until it prints the address it listens on, and stopped with SIGTERM.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/dossier.js', import.meta.url));

/** A running `dossier serve`: its base URL, what it has printed so far, and how to stop it (resolves to its exit code). */
export interface ServeProcess {
  base: string;
  stdout(): string;
  stderr(): string;
  stop(): Promise<number | null>;
}

/**
 * Starts `dossier serve --db DB --port 0 ARGS…` and resolves once it prints its address (rejects after `timeoutMs` or when it exits first).
 * `nodeArgs` go to node before the script (bench/serve.bench.ts profiles the server with --cpu-prof, which NODE_OPTIONS refuses).
 */
export async function startServe(db: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = process.env, timeoutMs = 60_000, nodeArgs: readonly string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve', '--db', db, '--port', '0', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  try {
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address in ${timeoutMs} ms; stdout: ${stdout} stderr: ${stderr}`)), timeoutMs);
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = / on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`dossier serve exited ${code}: ${stderr}`));
      });
    });
    return { base, stdout: () => stdout, stderr: () => stderr, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
