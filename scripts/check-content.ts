#!/usr/bin/env node
// Content lint: `node scripts/check-content.ts [files...]`. Prints every
// problem as file:line:column  rule  message  (fix) and exits 1 if any is an
// error; warnings (such as upstream drift) are printed but pass.
import { resolve } from 'node:path';
import { buildDate } from '../src/lib/dates.ts';
import { listContentFiles, readLintInput } from '../src/lint/files.ts';
import { formatReport, isError } from '../src/lint/problem.ts';
import { lintContent } from '../src/lint/run.ts';
import { slugFromPath } from '../src/lint/source.ts';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const named = args.filter((arg) => !arg.startsWith('--'));
const all = listContentFiles(root);
const targets = named.length > 0 ? named.map((file) => resolve(file)) : all;
const otherSlugs = all.map(slugFromPath);

const problems = lintContent(targets.map((path) => readLintInput(root, path)), { now: buildDate(), otherSlugs, root });
if (problems.some(isError)) {
  console.error(formatReport(problems));
  console.error(quiet ? '\nThe site was not built: fix the problems above, then run `npm run build` again.' : '\nFix the problems above, then run `npm run check` again.');
  process.exit(1);
}
if (problems.length > 0) console.error(`${formatReport(problems)}\n`);
if (!quiet) console.log(`Content OK: ${targets.length} file${targets.length === 1 ? '' : 's'} checked, no errors${problems.length > 0 ? '; the warnings above need attention but do not fail the check' : ' or warnings'}.`);
