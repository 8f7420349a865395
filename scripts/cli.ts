// What every command-line script shares: output streams and an exit code
// passed in, so tests run `main(argv, io)` in process instead of spawning Node.
import { pathToFileURL } from 'node:url';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: Record<string, string | undefined>;
  /** Whether a person can answer prompts. */
  interactive: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
};

/** Thrown to stop a script with an exit code (instead of process.exit, which would end a test run). */
export class Exit extends Error {
  readonly code: number;
  constructor(code: number) {
    super(`exit ${code}`);
    this.code = code;
  }
}

export type Main = (argv: string[], io: Io) => Promise<number> | number;

/** Runs `main` when the file is executed directly (`node scripts/x.ts`), not when a test imports it. */
export function runIfDirect(moduleUrl: string, main: Main): void {
  if (process.argv[1] === undefined || pathToFileURL(process.argv[1]).href !== moduleUrl) return;
  void Promise.resolve()
    .then(() => main(process.argv.slice(2), processIo))
    .catch((error: unknown) => {
      if (error instanceof Exit) return error.code;
      throw error;
    })
    .then((code) => {
      process.exitCode = code;
    });
}
