// Rules that need the whole collection: related projects exist, and old
// URLs kept by redirects never shadow a live page or each other.
import { projectPath, STATIC_ROUTES } from '../../lib/routes.ts';
import type { Assessment } from '../../schema/assessment.ts';
import { frontmatterPosition, type ContentFile } from '../source.ts';
import type { Problem } from '../problem.ts';

export interface ParsedEntry {
  content: ContentFile;
  data: Assessment;
}

export function checkCrossFile(entries: readonly ParsedEntry[], knownSlugs: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const livePaths = new Map<string, string>([
    ...[...knownSlugs].map((slug): [string, string] => [projectPath(slug), `the project "${slug}"`]),
    ...STATIC_ROUTES.map((path): [string, string] => [path, 'a page of the site']),
  ]);
  const redirectOwners = new Map<string, string>();
  for (const { content, data } of entries) {
    data.related.forEach((related, i) => {
      const at = frontmatterPosition(content, ['related', i]);
      if (related === content.slug) {
        problems.push({
          file: content.file,
          ...at,
          rule: 'related-missing',
          message: 'a project cannot be related to itself',
          fix: `remove "${related}" from related`,
        });
      } else if (!knownSlugs.has(related)) {
        problems.push({
          file: content.file,
          ...at,
          rule: 'related-missing',
          message: `related project "${related}" does not exist`,
          fix: `use the slug of a file in content/assessments/ (no ${related}.mdx there)`,
        });
      }
    });
    data.redirectFrom.forEach((path, i) => {
      const at = frontmatterPosition(content, ['redirectFrom', i]);
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
    });
  }
  return problems;
}
