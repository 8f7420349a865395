// Links inside the narrative: internal ones must name a page that exists.
import { isKnownRoute } from '../../lib/routes.ts';
import { visit } from 'unist-util-visit';
import type { ContentFile } from '../source.ts';
import type { Problem } from '../problem.ts';
import type { Root } from 'mdast';

export function checkInternalLinks(content: ContentFile, tree: Root, projectSlugs: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  visit(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const url = node.url;
    const line = (node.position?.start.line ?? 1) + content.bodyLine - 1;
    const column = node.position?.start.column ?? 1;
    if (url.startsWith('/') && !url.startsWith('//')) {
      if (!isKnownRoute(url, projectSlugs)) {
        problems.push({
          file: content.file,
          line,
          column,
          rule: 'internal-link',
          message: `link to ${url}, which is not a page on this site`,
          fix: 'link a project as /projects/<slug>/ (with the trailing slash), or one of /, /projects/, /audits/, /about/',
        });
      }
    } else if (!/^(https:|mailto:|#)/i.test(url) && !/^(http|javascript|data|vbscript|file):/i.test(url)) {
      problems.push({
        file: content.file,
        line,
        column,
        rule: 'internal-link',
        message: `relative link ${url} depends on where the page is served`,
        fix: 'use a root-relative path such as /projects/flux/ or a full https:// URL',
      });
    }
  });
  return problems;
}
