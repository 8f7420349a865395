// Runs every content rule over every file and returns all problems at once,
// so a contributor fixes everything in one pass. The build calls the same
// function, so "valid" has one definition.
import { slugProblem, toSlug } from '../schema/slug.ts';
import { oversizeProblem, readContentFile, slugFromPath } from './source.ts';
import type { Problem } from './problem.ts';
import { checkSchema } from './rules/schema.ts';
import { checkMdxSafety } from './rules/mdx-safety.ts';
import { checkSections } from './rules/structure.ts';
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
  size: number;
  /** Absent when the file is over the size limit: it is refused unread. */
  bytes?: Uint8Array;
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
      problems.push({
        file: input.file,
        line: 1,
        column: 1,
        rule: 'file-name',
        message: 'content files must end in .mdx',
        fix: `rename it to ${slug.replace(/\.[^.]*$/, '')}.mdx`,
      });
      continue;
    }
    const slugError = slugProblem(slug);
    if (slugError) {
      const suggestion = toSlug(slug);
      problems.push({
        file: input.file,
        line: 1,
        column: 1,
        rule: 'file-name',
        message: `"${slug}" cannot be a file name: ${slugError}; the file name becomes the page URL`,
        fix: `rename the file to ${suggestion.length >= 2 ? suggestion : 'project-name'}.mdx`,
      });
    }
    const read = input.bytes
      ? readContentFile(input.file, input.bytes)
      : { ok: false as const, problems: [oversizeProblem(input.file, input.size)] };
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
    if (safety.tree) {
      // A comment hides what follows it from the parser, so section checks would only report phantoms.
      const hidden = safety.problems.some((p) => p.rule === 'html-comment');
      if (!hidden) problems.push(...checkSections(content, safety.tree, schema.data));
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
