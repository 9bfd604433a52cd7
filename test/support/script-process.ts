// A child process running a script of TypeScript modules through tsx: the tests that need a real
// second process (writers racing on one database, a process killed mid-ingest) start one this way.
import { spawn, type ChildProcess } from 'node:child_process';

/** A running script: the process, its stderr so far, and its exit code once it exits (null when killed). */
export interface ScriptProcess {
  child: ChildProcess;
  stderr(): string;
  exited: Promise<number | null>;
}

/** Runs `script` (an ES module's source; import modules by absolute path) in a new Node process, stdout ignored. */
export function runScript(script: string): ScriptProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}
