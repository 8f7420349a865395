// Runs a script's exported main(argv, io) in process and collects what it prints.
import type { Io, Main } from '../../scripts/cli.ts';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export async function runCli(main: Main, argv: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (text) => out.push(`${text}\n`),
    err: (text) => err.push(`${text}\n`),
    env: { ...process.env, NO_COLOR: '1', ...env },
    interactive: false,
  };
  const status = await main(argv, io);
  return { status, stdout: out.join(''), stderr: err.join('') };
}
