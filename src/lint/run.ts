// Runs every content rule over every file and returns all problems at once,
// so a contributor fixes everything in one pass. The build calls the same
// function, so "valid" has one definition.
import { SLUG_PATTERN, toSlug } from '../schema/slug.ts';
import { readContentFile, slugFromPath } from './source.ts';
import type { Problem } from './problem.ts';
import { checkSchema } from './rules/schema.ts';
import { checkMdxSafety } from './rules/mdx-safety.ts';
import { checkStructure, requiredHeadings } from './rules/structure.ts';
import { checkTodoMarkers } from './rules/todo-markers.ts';
import { checkDates } from './rules/dates.ts';
import { checkInternalLinks } from './rules/links.ts';
import { checkCrossFile, type ParsedEntry } from './rules/cross-file.ts';
import { checkProvenance } from './rules/provenance.ts';
import { readSourceLock } from './lock-file.ts';
import type { SourceLock } from '../lib/sources/lock.ts';

export interface LintInput {
  /** Path shown in messages, relative to the repository root. */
  file: string;
  bytes: Uint8Array;
}

export interface LintOptions {
  now: Date;
  /** Slugs that exist besides the linted files (when linting a subset). */
  otherSlugs?: Iterable<string>;
  /** Repository root: the source lock is read from content/sources.lock.json under it. */
  root?: string;
  /** The source lock to check provenance against (tests); null skips those rules. Overrides `root`. */
  lock?: SourceLock | null;
}

export function lintContent(inputs: readonly LintInput[], options: LintOptions): Problem[] {
  const problems: Problem[] = [];
  const slugs = new Set<string>(options.otherSlugs ?? []);
  for (const input of inputs) slugs.add(slugFromPath(input.file));
  const parsed: ParsedEntry[] = [];
  let lock = options.lock ?? null;
  if (options.lock === undefined && options.root !== undefined) {
    const read = readSourceLock(options.root);
    if (read.problem) problems.push(read.problem);
    lock = read.lock;
  }

  for (const input of inputs) {
    const slug = slugFromPath(input.file);
    if (!input.file.endsWith('.mdx')) {
      problems.push({ file: input.file, line: 1, column: 1, rule: 'file-name', message: 'content files must end in .mdx', fix: `rename it to ${slug.replace(/\.[^.]*$/, '')}.mdx` });
      continue;
    }
    if (!SLUG_PATTERN.test(slug)) {
      const suggestion = toSlug(slug);
      problems.push({ file: input.file, line: 1, column: 1, rule: 'file-name', message: `"${slug}" is not a lowercase kebab-case slug; the file name becomes the page URL`, fix: `rename the file to ${suggestion || 'project-name'}.mdx` });
    }
    const read = readContentFile(input.file, input.bytes);
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    const content = read.content;
    problems.push(...checkTodoMarkers(content));
    const schema = checkSchema(content);
    problems.push(...schema.problems);
    const safety = checkMdxSafety(content);
    problems.push(...safety.problems);
    // Judge the headings by what the schema will see: a missing `documents`
    // means none (the schema's default), anything unreadable means a guide.
    const documents = (content.data as { documents?: unknown } | null)?.documents;
    const documentCount = documents === undefined ? 0 : Array.isArray(documents) ? documents.length : 1;
    if (safety.tree) {
      problems.push(...checkStructure(content, safety.tree, requiredHeadings(documentCount)));
      problems.push(...checkInternalLinks(content, safety.tree, slugs));
    }
    if (schema.data) {
      problems.push(...checkDates(content, schema.data, options.now));
      parsed.push({ content, data: schema.data });
    }
    if (lock) problems.push(...checkProvenance(content, schema.data, lock));
  }
  problems.push(...checkCrossFile(parsed, slugs));
  return problems;
}
