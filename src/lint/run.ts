// Runs every content rule over every file and returns all problems at once,
// so a contributor fixes everything in one pass. The build calls the same
// function, so "valid" has one definition.
import { slugProblem, toSlug } from '../schema/slug.ts';
import { oversizeProblem, readContentFile, slugFromPath, type ContentFile } from './source.ts';
import type { Root } from 'mdast';
import type { Problem } from './problem.ts';
import { checkSchema } from './rules/schema.ts';
import { checkMdxSafety } from './rules/mdx-safety.ts';
import { checkSections } from './rules/structure.ts';
import { checkTodoMarkers } from './rules/todo-markers.ts';
import { checkDates } from './rules/dates.ts';
import { checkInternalLinks } from './rules/links.ts';
import { checkCrossFile, checkRelated, crossFileFacts, type CrossFileFacts } from './rules/cross-file.ts';
import { checkProvenance } from './rules/provenance.ts';
import { readSourceLock } from './lock-file.ts';
import type { SourceLock } from '../lib/sources/lock.ts';
import type { Assessment } from '../schema/assessment.ts';

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

/** Everything the per-file rules need besides the file: the same for every file of a run. */
export interface FileLintContext {
  slugs: ReadonlySet<string>;
  now: Date;
  lock: SourceLock | null;
}

/** One file's problems from every per-file rule, and the facts the cross-file rules need (when its frontmatter parsed). */
export interface FileLintResult {
  problems: Problem[];
  cross: CrossFileFacts | null;
}

export function lintFile(input: LintInput, context: FileLintContext): FileLintResult {
  return lintFileWithContent(input, context).result;
}

/** lintFile, and the file as read, its frontmatter as the schema parsed it and its body's tree (MDX and GFM), for the build's outputs. */
export function lintFileWithContent(
  input: LintInput,
  { slugs, now, lock }: FileLintContext,
): { result: FileLintResult; content: ContentFile | null; data?: Assessment | undefined; tree?: Root | undefined } {
  const problems: Problem[] = [];
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
    return { result: { problems, cross: null }, content: null };
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
  if (!read.ok) return { result: { problems: [...problems, ...read.problems], cross: null }, content: null };
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
  if (schema.data) problems.push(...checkRelated(content, schema.data, slugs), ...checkDates(content, schema.data, now));
  if (lock) problems.push(...checkProvenance(content, schema.data, lock));
  return {
    result: { problems, cross: schema.data ? crossFileFacts(content, schema.data) : null },
    content,
    data: schema.data,
    tree: safety.tree,
  };
}

/** The slugs a run knows: its files' and any others named. */
export function knownSlugs(inputs: readonly LintInput[], otherSlugs: Iterable<string> = []): Set<string> {
  const slugs = new Set<string>(otherSlugs);
  for (const input of inputs) slugs.add(slugFromPath(input.file));
  return slugs;
}

/** The lock the provenance rules read, and a problem if it cannot be read. */
export function lockFor(options: LintOptions): { lock: SourceLock | null; problem?: Problem | undefined } {
  if (options.lock !== undefined) return { lock: options.lock };
  if (options.root === undefined) return { lock: null };
  const read = readSourceLock(options.root);
  return { lock: read.lock, problem: read.problem };
}

export function lintContent(inputs: readonly LintInput[], options: LintOptions): Problem[] {
  const slugs = knownSlugs(inputs, options.otherSlugs);
  const { lock, problem } = lockFor(options);
  const results = inputs.map((input) => lintFile(input, { slugs, now: options.now, lock }));
  return combineResults(results, slugs, problem);
}

/** Per-file results, in file order, then what only the whole collection shows. */
export function combineResults(results: readonly FileLintResult[], slugs: ReadonlySet<string>, lockProblem?: Problem): Problem[] {
  return [
    ...(lockProblem ? [lockProblem] : []),
    ...results.flatMap((r) => r.problems),
    ...checkCrossFile(
      results.flatMap((r) => r.cross ?? []),
      slugs,
    ),
  ];
}
