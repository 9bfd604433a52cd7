// A CliIO that keeps what a command writes, for running commands in-process.
import type { CliIO } from '../../src/cli/cli-io.ts';

/** Captured output of one command run. */
export interface CapturedIO extends CliIO {
  stdout: string;
  stderr: string;
}

/** A fresh capturing CliIO; neither stream is a terminal. */
export function captureIO(): CapturedIO {
  const io: CapturedIO = {
    stdout: '',
    stderr: '',
    out: (text) => void (io.stdout += text),
    err: (text) => void (io.stderr += text),
    stdoutIsTTY: false,
    stderrIsTTY: false,
  };
  return io;
}
