// Rules about the whole collection: related projects exist (checked with
// each file, against the run's list of slugs), and old URLs kept by redirects
// never shadow a live page or each other (checked across the files' facts).
import { projectPath, STATIC_ROUTES } from '../../lib/routes.ts';
import type { Assessment } from '../../schema/assessment.ts';
import { frontmatterPosition, type ContentFile } from '../source.ts';
import type { Problem } from '../problem.ts';

/** A value of a frontmatter list and where it is written. */
export interface PlacedValue {
  value: string;
  line: number;
  column: number;
}

/** What the cross-file rules need of one file: plain data, so a lint worker can send it and the cache keep it. */
export interface CrossFileFacts {
  file: string;
  redirectFrom: PlacedValue[];
}

export function crossFileFacts(content: ContentFile, data: Pick<Assessment, 'redirectFrom'>): CrossFileFacts {
  const redirectFrom = data.redirectFrom.map((value, i) => ({ value, ...frontmatterPosition(content, ['redirectFrom', i]) }));
  return { file: content.file, redirectFrom };
}

/** Each related project must be another project of the run; a position is looked up only for one that is not. */
export function checkRelated(content: ContentFile, data: Pick<Assessment, 'related'>, knownSlugs: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  data.related.forEach((related, i) => {
    const problem =
      related === content.slug
        ? { message: 'a project cannot be related to itself', fix: `remove "${related}" from related` }
        : !knownSlugs.has(related)
          ? {
              message: `related project "${related}" does not exist`,
              fix: `use the slug of a file in content/assessments/ (no ${related}.mdx there)`,
            }
          : undefined;
    if (problem)
      problems.push({ file: content.file, ...frontmatterPosition(content, ['related', i]), rule: 'related-missing', ...problem });
  });
  return problems;
}

export function checkCrossFile(entries: readonly CrossFileFacts[], knownSlugs: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const livePaths = new Map<string, string>([
    ...[...knownSlugs].map((slug): [string, string] => [projectPath(slug), `the project "${slug}"`]),
    ...STATIC_ROUTES.map((path): [string, string] => [path, 'a page of the site']),
  ]);
  const redirectOwners = new Map<string, string>();
  for (const facts of entries) {
    const content = facts;
    for (const { value: path, ...at } of facts.redirectFrom) {
      const live = livePaths.get(path);
      const owner = redirectOwners.get(path);
      if (live !== undefined) {
        problems.push({
          file: content.file,
          ...at,
          rule: 'redirect-conflict',
          message: `redirect ${path} would hide ${live}`,
          fix: 'remove the redirect; that URL already has a page',
        });
      } else if (owner !== undefined) {
        problems.push({
          file: content.file,
          ...at,
          rule: 'redirect-conflict',
          message: `redirect ${path} is also claimed by ${owner}`,
          fix: 'keep the redirect in one file only',
        });
      } else {
        redirectOwners.set(path, content.file);
      }
    }
  }
  return problems;
}
