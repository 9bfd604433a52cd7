// The `dossier` executable as a process: what tests that call main() in-process cannot see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/dossier.js', import.meta.url));

test('a reader that closes the pipe early ends the command quietly, not with an EPIPE crash', async () => {
  // The examples give several records; the reader takes the first chunk and closes its end, as `| head -1` does.
  const child = spawn(process.execPath, [BIN, 'analyze', '--format', 'jsonl', fileURLToPath(new URL('../examples', import.meta.url))], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, stderr);
  assert.ok(!/EPIPE|Error/.test(stderr), stderr);
});
