// The narrative's shape: the fixed sections, in order, none of them empty.
import { AUDIT_ONLY_HEADINGS, GUIDE_HEADINGS } from '../../schema/enums.ts';
import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import type { ContentFile } from '../source.ts';
import type { Problem } from '../problem.ts';
import type { Root } from 'mdast';
import type { Assessment } from '../../schema/assessment.ts';

export function requiredHeadings(documentCount: number): readonly string[] {
  return documentCount > 0 ? GUIDE_HEADINGS : AUDIT_ONLY_HEADINGS;
}

/**
 * The sections a file needs follow from its documents (a guide, or an
 * audit-only page). When the frontmatter could not be read, which kind the
 * author meant is unknown: judge the body by whichever set it is closer to,
 * so one frontmatter mistake is not reported again as half a dozen section problems.
 */
export function checkSections(content: ContentFile, tree: Root, data: Pick<Assessment, 'documents'> | undefined): Problem[] {
  if (data) return checkStructure(content, tree, requiredHeadings(data.documents.length));
  const asGuide = checkStructure(content, tree, GUIDE_HEADINGS);
  const asAuditOnly = checkStructure(content, tree, AUDIT_ONLY_HEADINGS);
  return asAuditOnly.length < asGuide.length ? asAuditOnly : asGuide;
}

export function checkStructure(content: ContentFile, tree: Root, required: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const at = (node: RootContent | undefined) => ({
    line: (node?.position?.start.line ?? 1) + content.bodyLine - 1,
    column: node?.position?.start.column ?? 1,
  });
  const sections: Array<{ title: string; node: RootContent; contentNodes: number }> = [];
  for (const node of tree.children) {
    if (node.type === 'heading') {
      const { depth } = node;
      if (depth === 1) {
        problems.push({
          file: content.file,
          ...at(node),
          rule: 'heading-level',
          message: 'level-1 heading (#) in the body',
          fix: 'the page title comes from `name`; start sections at ##',
        });
      }
      if (depth === 2) {
        sections.push({ title: toString(node).trim(), node, contentNodes: 0 });
        continue;
      }
    }
    // Import/export lines are reported by mdx-safety; do not count them twice.
    if (node.type === 'mdxjsEsm') continue;
    const current = sections[sections.length - 1];
    if (current) current.contentNodes++;
    else if (node.type !== 'heading') {
      problems.push({
        file: content.file,
        ...at(node),
        rule: 'headings',
        message: 'text before the first section heading',
        fix: `move it under "## ${required[0]}"`,
      });
    }
  }
  const titles = sections.map((s) => s.title);
  let cursor = 0;
  for (const section of sections) {
    const expectedIndex = required.indexOf(section.title);
    if (expectedIndex === -1) {
      problems.push({
        file: content.file,
        ...at(section.node),
        rule: 'headings',
        message: `unexpected section "## ${section.title}"`,
        fix: `sections are, in order: ${required.join(', ')}; use ### for sub-sections`,
      });
    } else if (expectedIndex < cursor) {
      problems.push({
        file: content.file,
        ...at(section.node),
        rule: 'headings',
        message: `section "## ${section.title}" is out of order`,
        fix: `order the sections: ${required.join(', ')}`,
      });
    } else {
      cursor = expectedIndex;
    }
    if (section.contentNodes === 0) {
      problems.push({
        file: content.file,
        ...at(section.node),
        rule: 'empty-section',
        message: `section "## ${section.title}" is empty`,
        fix: 'write the section, or say plainly that the assessment does not cover it',
      });
    }
  }
  for (const title of required) {
    if (!titles.includes(title)) {
      problems.push({
        file: content.file,
        line: content.bodyLine,
        column: 1,
        rule: 'headings',
        message: `missing section "## ${title}"`,
        fix: `add "## ${title}" in its place: ${required.join(', ')}`,
      });
    }
  }
  return problems;
}
