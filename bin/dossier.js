#!/usr/bin/env node
// The `dossier` executable: runs the TypeScript sources through tsx's loader, so the
// package needs no build step between a checkout and a working command.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`dossier quotes | head`) closes the pipe: that is the reader's choice,
// not a failure, so the command ends quietly instead of crashing on EPIPE.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
