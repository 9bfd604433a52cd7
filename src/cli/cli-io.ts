// What a command writes to: kept apart from process.stdout so that tests can run commands in-process.
/** The streams and terminal facts a command uses. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

/** The real process streams. */
export const processIO: CliIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

/** A command: takes its own arguments (after the command name), returns the exit status. */
export type Command = (args: string[], io: CliIO) => Promise<number>;

/** Thrown for a wrong command line; main prints it with the usage hint and exits 2. */
export { UsageError } from '../model/request-values.ts';
