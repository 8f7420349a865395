#!/usr/bin/env node
// `npm run provenance`: how much of the content is checked against its
// upstream sources (via content/sources.lock.json), and what is not.
// Exits 1 when a provenance rule reports an error; warnings (literals cited
// from the wrong section, upstream drift) are listed but pass.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_DIR, listContentFiles, readLintInput } from '../src/lint/files.ts';
import { readSourceLock } from '../src/lint/lock-file.ts';
import { formatReport, isError, type Problem } from '../src/lint/problem.ts';
import { checkProvenance, emptyTally } from '../src/lint/rules/provenance.ts';
import { checkSchema } from '../src/lint/rules/schema.ts';
import { readContentFile } from '../src/lint/source.ts';

export function main(argv: string[]): number {
  // --root points at another checkout (tests use a temporary one).
  const rootFlag = argv.indexOf('--root');
  const root = rootFlag === -1 ? resolve(import.meta.dirname, '..') : resolve(argv[rootFlag + 1] ?? '.');
  const read = readSourceLock(root);
  if (!read.lock) {
    console.error(
      read.problem
        ? formatReport([read.problem])
        : 'No content/sources.lock.json: run `npm run sources:sync -- --repo tag-security=DIR --repo toc=DIR` first.',
    );
    return 1;
  }
  const tally = emptyTally();
  const problems: Problem[] = [];
  let stated = 0;
  let derived = 0;
  let files = 0;
  /** Files whose frontmatter fails the schema: only their links can be checked. */
  const unparsed: string[] = [];
  // The lock describes content/assessments, so that is what is measured.
  for (const path of listContentFiles(root, CONTENT_DIR).filter((p) => p.endsWith('.mdx'))) {
    const input = readLintInput(root, path);
    const content = input.bytes ? readContentFile(input.file, input.bytes) : { ok: false as const, problems: [] };
    files++;
    if (!content.ok) {
      unparsed.push(input.file);
      continue;
    }
    const { data } = checkSchema(content.content);
    if (!data) unparsed.push(input.file);
    for (const item of data?.checklist ?? []) {
      if (item.basis === 'stated') stated++;
      else derived++;
    }
    problems.push(...checkProvenance(content.content, data, read.lock, tally));
  }
  const errors = problems.filter(isError).length;
  const percent = (part: number, whole: number) => (whole === 0 ? '' : ` (${Math.round((100 * part) / whole)}%)`);
  const lines = [
    `Provenance of ${files} guides against ${Object.entries(read.lock.repos)
      .map(([repo, r]) => `${repo}@${r.commit.slice(0, 12)} (${r.date})`)
      .join(', ')}`,
    '',
    `Checklist items         ${stated + derived}: ${stated} stated, ${derived} derived`,
    `Upstream links          ${tally.linksKnown} of ${tally.links} in the lock${percent(tally.linksKnown, tally.links)}`,
    `Heading anchors         ${tally.anchorsVerified} of ${tally.anchors} verified${percent(tally.anchorsVerified, tally.anchors)}`,
    `Literals                ${tally.literals} checked: ${tally.literalsInSection} in the cited section, ${tally.literalsOnlyInDocument} only elsewhere in the document, ${tally.literals - tally.literalsInSection - tally.literalsOnlyInDocument} missing`,
    `Documents in the lock   ${tally.documents}: ${tally.documentsCurrent} current, ${tally.documentsDrifted} drifted, ${tally.documents - tally.documentsCurrent - tally.documentsDrifted} without checked.blob`,
  ];
  if (unparsed.length > 0) {
    lines.push(
      '',
      `${unparsed.length} file(s) fail the schema, so at most their links were checked (run \`npm run check\`): ${unparsed
        .slice(0, 10)
        .map((f) => f.split('/').pop())
        .join(', ')}${unparsed.length > 10 ? ', …' : ''}`,
    );
  }
  console.log(lines.join('\n'));
  if (problems.length > 0) console.error(`\n${formatReport(problems)}`);
  return errors > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
