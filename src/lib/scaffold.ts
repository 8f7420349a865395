// Writes the text of a new content/assessments/<slug>.mdx: every required
// field present and valid, TODO markers wherever a person must supply a fact.
// Pure (no I/O, no clock, no Astro) so `npm run new` and the unit tests share it.
// The contract: the schema accepts the output as is, the content lint reports
// only `todo-marker` problems on it, and nothing once every TODO is replaced.
import { stringify } from 'yaml';
import { parseIsoDate } from './dates.ts';
import { DOCUMENT_KINDS, GUIDE_HEADINGS, MATURITIES, SEVERITIES, STAGES, type DocumentKind, type Maturity } from '../schema/enums.ts';

import { slugProblem, toSlug } from '../schema/slug.ts';

export interface ScaffoldOptions {
  slug: string;
  name: string;
  /** The first document's kind; default self-assessment. */
  kind?: DocumentKind | undefined;
  /** CNCF maturity; default sandbox. */
  maturity?: Maturity | undefined;
  /** CNCF landscape category; a TODO placeholder when absent. */
  category?: string | undefined;
  /** One-sentence summary; a TODO placeholder when absent. */
  summary?: string | undefined;
  /** https:// URL of the assessment document; a TODO placeholder when absent. */
  source?: string | undefined;
  /** The document's date, YYYY-MM-DD, when the caller knows it. */
  date?: string | undefined;
  /** Today, YYYY-MM-DD, from the caller's clock: the placeholder for dates nobody gave (marked TODO). */
  today: string;
  volunteerDrafted?: boolean | undefined;
}

/** Returns why a slug is unusable, or undefined when it is fine (the schema's own rule). */
export const validateSlug = slugProblem;

/** A slug derived from a project name ("SPIFFE / SPIRE" -> "spiffe-spire"); may be empty for names with no letters or digits. */
export function suggestSlug(name: string): string {
  return toSlug(name);
}

/** A single-line YAML scalar, quoted only when YAML needs it. */
function scalar(value: string): string {
  return stringify(value.replace(/\s+/g, ' ').trim(), { lineWidth: 0 }).trimEnd();
}

/** A value the caller gave, or nothing when it is missing or blank. */
function given(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

function checkDate(label: string, value: string): string {
  if (!parseIsoDate(value)) throw new Error(`${label} must be a real date written YYYY-MM-DD, got "${value}"`);
  return value.trim();
}

const SECTION_PROMPTS: Record<(typeof GUIDE_HEADINGS)[number], string> = {
  Overview:
    'what the project does, which documents assessed it and when, and the version assessed if the documents name one. Link each claim to the heading of the document it comes from.',
  'Actors and trust boundaries': 'the components and people involved, what each one is trusted with, and where trust changes hands.',
  'Security functions': 'what the project does for security, and what it explicitly does not do.',
  Threats: 'the threats the assessment models, and the consequences that matter most to someone running the project.',
  'Findings and recommendations':
    'what the assessment recommended to the project and to the CNCF. The `findings` list in the frontmatter records what became of each one.',
  'Reporting a vulnerability':
    'how to report a suspected vulnerability privately: the security policy, the contact address, and the response team if the documents name it.',
};

export function scaffoldAssessment(options: ScaffoldOptions): string {
  const slugError = validateSlug(options.slug);
  if (slugError) throw new Error(`invalid slug "${options.slug}": ${slugError}`);
  const name = given(options.name);
  if (!name) throw new Error('the project name is empty');
  const kind = options.kind ?? 'self-assessment';
  if (!DOCUMENT_KINDS.includes(kind)) throw new Error(`unknown document kind "${kind}"; use one of ${DOCUMENT_KINDS.join(', ')}`);
  const maturity = options.maturity ?? 'sandbox';
  if (!MATURITIES.includes(maturity)) throw new Error(`unknown maturity "${maturity}"; use one of ${MATURITIES.join(', ')}`);
  const today = checkDate('today', options.today);
  const date = options.date === undefined ? undefined : checkDate('date', options.date);
  const source = given(options.source);
  // A checklist source links a heading: it is the document URL without any fragment, plus an anchor.
  const documentUrl =
    source ?? `https://github.com/cncf/tag-security/blob/main/community/assessments/projects/${options.slug}/TODO-document.md`;
  const anchorBase = documentUrl.split('#')[0];
  const summary = given(options.summary);
  const category = given(options.category);

  const lines = [
    '---',
    `# The page /projects/${options.slug}/ is built from this file. Comments (lines starting with #) are`,
    '# notes for you and never appear on the site. `npm run check` lists every place still to fill in.',
    '',
    '# The project name, spelled as the project writes it.',
    `name: ${scalar(name)}`,
    '# One or two plain sentences on what the project does, for a reader who has never heard of it.',
    `summary: ${scalar(summary ?? 'TODO: one sentence on what the project does and for whom')}`,
    '# Other names readers may search for (abbreviations, component names). May stay empty.',
    'aliases: []',
    '# Search terms beyond the name: technologies, protocols, concepts. May stay empty.',
    'keywords: []',
    '# The CNCF landscape category, e.g. "Security & Compliance" or "Provisioning / Key Management".',
    `category: ${scalar(category ?? 'TODO: CNCF landscape category')}`,
    `# CNCF maturity: ${MATURITIES.join(' | ')}`,
    `maturity: ${maturity}`,
    '# The day you read that maturity (YYYY-MM-DD), e.g. from the CNCF landscape; pages say "maturity as of" it.',
    `maturityDate: ${today}  # TODO: the day you read the maturity (e.g. from the CNCF landscape)`,
    '# The source repositories, as https:// URLs.',
    'repos:',
    '  - https://github.com/TODO-org/TODO-repo',
    '# Optional, when the project or the assessment states them:',
    '# website: https://project.example/',
    '# securityPolicy: https://github.com/org/repo/blob/main/SECURITY.md',
    '# securityContact: security@project.example',
    '# languages: [Go]',
    '',
    '# The assessment documents, oldest first. Copy the entry for each further document.',
    'documents:',
    `  # ${DOCUMENT_KINDS.join(' | ')}`,
    `  - kind: ${kind}`,
    `    # How finished the document is: ${STAGES.join(' | ')}`,
    '    stage: unstated  # TODO: set the stage the document or its tracking issue states, or keep unstated',
    '    # The date the document states (YYYY-MM-DD); failing that, the date of the commit that added it.',
    date === undefined ? `    date: ${today}  # TODO: replace with the date of the document` : `    date: ${date}`,
    '    # How precisely that date is known: day | month | year',
    '    datePrecision: day',
    '    # Where the date comes from: stated (in the document) | repository-history (the commit)',
    '    dateSource: stated',
    '    # The people the document names. Write [] when it names none.',
    `    authors: [${scalar('TODO: author name')}]`,
    '    # Where those names come from: document (named in it) | repository-history (git commit authors)',
    '    authorsSource: document',
    `    reviewers: [${scalar('TODO: reviewer name')}]`,
    '    reviewersSource: document',
    '    # true when a volunteer outside the project drafted the document, false when its maintainers did.',
    `    volunteerDrafted: ${options.volunteerDrafted === true ? 'true' : 'false'}`,
    '    # Where the document is published (https://).',
    `    source: ${scalar(documentUrl)}`,
    '    # What you read: the day, and for a document in cncf/tag-security or cncf/toc the git blob',
    '    # (`git rev-parse HEAD:<path>` in a clone; the lint asks for it once the source lock knows the file).',
    '    checked:',
    `      date: ${today}  # TODO: the day you read the document`,
    '    # Optional: title, revised, projectLead, versionAssessed, mirror, trackingIssue, note.',
    '',
    '# Secure-usage advice drawn from the documents, one item per action. Each source links the heading it comes from.',
    'checklist:',
    '  - id: example-action  # TODO: a short kebab-case id for the action, unique in this file',
    `    action: ${scalar('TODO: what to do, as an imperative sentence')}`,
    `    # ${SEVERITIES.join(' | ')}`,
    '    severity: medium',
    `    why: ${scalar('TODO: what goes wrong if it is not done')}`,
    '    # Optional, only with the exact flag or setting the source gives:',
    '    # how: Set `--example-flag` to `true`.',
    '    # snippet:',
    '    #   lang: yaml',
    '    #   code: |',
    '    #     example: true',
    `    source: ${scalar(`${anchorBase}#TODO-heading-anchor`)}`,
    '    # stated: the section says to do this | derived: your practical step drawn from what the section describes',
    '    basis: stated  # TODO: stated or derived',
    '',
    '# Third-party audits: date (omit if unknown), datePrecision, type (security | fuzzing | other), vendor, report. May stay empty.',
    '# audits:',
    '#   - date: 2024-03-18',
    '#     type: security',
    '#     vendor: Example Labs',
    '#     report: https://example.org/audit.pdf',
    '',
    '# What the assessment recommended and what became of it (text, to, status, source, and statusSource unless status is not-recorded). May stay empty.',
    'findings: []',
    '# Slugs of related projects on this site, e.g. [open-policy-agent]. May stay empty.',
    'related: []',
    '---',
  ];
  for (const heading of GUIDE_HEADINGS) {
    lines.push('', `## ${heading}`, '', `TODO: ${SECTION_PROMPTS[heading]}`);
  }
  return `${lines.join('\n')}\n`;
}
