#!/usr/bin/env node
// Content lint: `node scripts/check-content.ts [files...]` (`npm run check`; the
// build runs the same lint once, in its content gate). Prints every
// problem as file:line:column  rule  message  (fix) and exits 1 if any is an
// error; warnings (such as upstream drift) are printed but pass.
import { resolve } from 'node:path';
import { buildDate } from '../src/lib/dates.ts';
import { listContentFiles, readLintInput } from '../src/lint/files.ts';
import { formatReport, isError } from '../src/lint/problem.ts';
import { lintContentCached } from '../src/lint/cached-run.ts';
import { slugFromPath } from '../src/lint/source.ts';
import { processIo, runIfDirect, type Io } from './cli.ts';

const ROOT = resolve(import.meta.dirname, '..');

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const named = argv.filter((arg) => !arg.startsWith('--'));
  const all = listContentFiles(ROOT, undefined, io.env);
  const targets = named.length > 0 ? named.map((file) => resolve(file)) : all;
  const otherSlugs = all.map(slugFromPath);

  const { problems } = await lintContentCached(
    targets.map((path) => readLintInput(ROOT, path)),
    { now: buildDate(io.env), otherSlugs, root: ROOT },
  );
  if (problems.some(isError)) {
    io.err(formatReport(problems));
    io.err('\nFix the problems above, then run `npm run check` again.');
    return 1;
  }
  if (problems.length > 0) io.err(`${formatReport(problems)}\n`);
  const files = `${targets.length} file${targets.length === 1 ? '' : 's'} checked`;
  io.out(
    `Content OK: ${files}, no errors${problems.length > 0 ? '; the warnings above need attention but do not fail the check' : ' or warnings'}.`,
  );
  return 0;
}

runIfDirect(import.meta.url, main);
