// /llms.txt (https://llmstxt.org/): the site in one Markdown file for
// language models and other tools: a title, a one-paragraph summary, then one
// line per guide pointing at its Markdown checklist, and the audit-only
// projects apart, since they have no checklist.
import type { Assessment } from '../schema/assessment.ts';
import { sortByName } from './catalog.ts';
import { markdownInline, markdownLinkText, markdownUrl } from './markdown-text.ts';
import { checklistExportPath, projectPath } from './routes.ts';

export interface LlmsProject {
  slug: string;
  data: Pick<Assessment, 'name' | 'summary' | 'documents'>;
}

const sentence = (text: string) => {
  const line = markdownInline(text);
  return /[.!?]$/.test(line) ? line : `${line}.`;
};

export function llmsTxt(projects: readonly LlmsProject[], siteBase: string): string {
  const abs = (path: string) => markdownUrl(new URL(path.slice(1), siteBase).href);
  const line = (p: LlmsProject) => `- [${markdownLinkText(p.data.name)}](${abs(projectPath(p.slug))}): ${sentence(p.data.summary)}`;
  const named = sortByName(projects.map((p) => ({ ...p, name: p.data.name })));
  const guides = named.filter((p) => p.data.documents.length > 0);
  const auditOnly = named.filter((p) => p.data.documents.length === 0);
  const lines = [
    '# Posture',
    '',
    '> Security assessments of cloud native projects (the CNCF TAG Security self-assessments and joint assessments, and the third-party audits they cite), published as secure-usage guides: a checklist of what to configure, most severe first, each item linking the section of the assessment it comes from, and how far to trust it (kind of evidence, stage and age).',
    '',
    `Each guide's checklist is also published as Markdown, CSV and JSON beside the guide (\`checklist.md\`, \`checklist.csv\`, \`checklist.json\`), and each project's full entry as JSON at \`/projects/<slug>.json\`. A checklist item marked "stated" is said by the linked section; "derived" marks the editors' advice drawn from it. Ages count from the newest assessment document to the build date.`,
    '',
    '## Guides',
    '',
    ...guides.map((p) => `${line(p)} Checklist: ${abs(checklistExportPath(p.slug, 'md'))}`),
  ];
  if (auditOnly.length > 0) lines.push('', '## Audit-only projects', '', ...auditOnly.map(line));
  lines.push(
    '',
    '## Optional',
    '',
    `- [Catalog as JSON](${abs('/projects.json')}): every project's maturity, documents, audits, checklist counts, trust and freshness`,
    `- [Frontmatter JSON Schema](${abs('/schema/assessment.schema.json')}): the schema every /projects/<slug>.json validates against`,
    `- [Atom feed](${abs('/feed.xml')}): new and revised assessments, re-checked guides, and sources that changed upstream`,
    `- [About the assessments](${abs('/about/')}): what an assessment is and is not, trust levels and how ages are computed`,
  );
  return `${lines.join('\n')}\n`;
}
