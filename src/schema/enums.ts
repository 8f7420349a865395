// The controlled vocabularies of the content model. Each list is ordered the
// way readers should see it (severity from worst, maturity from least mature).

// 'not-cncf' covers assessed projects outside the CNCF (Guardon is the one case today).
export const MATURITIES = ['sandbox', 'incubating', 'graduated', 'archived', 'not-cncf'] as const;
export type Maturity = (typeof MATURITIES)[number];

export const DOCUMENT_KINDS = ['self-assessment', 'joint-assessment', 'threat-model', 'recommendations'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const STAGES = ['complete', 'incomplete', 'draft', 'in-progress', 'obsolete', 'unstated'] as const;
export type Stage = (typeof STAGES)[number];

export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** Where a document's date comes from: the document itself, or the commit that added it. */
export const DATE_SOURCES = ['stated', 'repository-history'] as const;
export type DateSource = (typeof DATE_SOURCES)[number];

/** Where a document's author or reviewer names come from. */
export const NAME_SOURCES = ['document', 'repository-history'] as const;
export type NameSource = (typeof NAME_SOURCES)[number];

/** What a checklist item rests on: the section says it (stated), or the editors drew it from what the section describes (derived). */
export const BASES = ['stated', 'derived'] as const;
export type Basis = (typeof BASES)[number];

export const AUDIT_TYPES = ['security', 'fuzzing', 'other'] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_AUDIENCES = ['project', 'cncf'] as const;
export type FindingAudience = (typeof FINDING_AUDIENCES)[number];

export const FINDING_STATUSES = ['fixed', 'open', 'not-recorded', 'wont-fix'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Languages a checklist snippet may be highlighted as (all bundled with shiki except rego, which falls back to text). */
export const SNIPPET_LANGS = [
  'yaml',
  'bash',
  'shell',
  'console',
  'json',
  'rego',
  'toml',
  'ini',
  'dockerfile',
  'hcl',
  'text',
  'go',
  'nginx',
  'sql',
  'python',
] as const;
export type SnippetLang = (typeof SNIPPET_LANGS)[number];

export const FRESHNESS_LEVELS = ['current', 'aging', 'stale'] as const;
export type Freshness = (typeof FRESHNESS_LEVELS)[number];

export const TRUST_LEVELS = ['joint-reviewed', 'maintainer-written', 'volunteer-drafted', 'audit-only'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

/** The narrative headings every assessed project's MDX body carries, in this order. */
export const GUIDE_HEADINGS = [
  'Overview',
  'Actors and trust boundaries',
  'Security functions',
  'Threats',
  'Findings and recommendations',
  'Reporting a vulnerability',
] as const;

/** The headings of a project that has audits but no TAG assessment. */
export const AUDIT_ONLY_HEADINGS = ['Overview', 'Assessment history'] as const;
