// The frontmatter schema of content/assessments/<slug>.mdx. It has no Astro
// imports beyond zod so that unit tests and contributor scripts use the very
// same definition as the build. `related` is injected: the build passes
// Astro's reference(), scripts pass a plain slug check.
import { z } from 'astro/zod';
import {
  AUDIT_TYPES,
  BASES,
  DATE_PRECISIONS,
  DATE_SOURCES,
  DOCUMENT_KINDS,
  FINDING_AUDIENCES,
  FINDING_STATUSES,
  MATURITIES,
  NAME_SOURCES,
  SEVERITIES,
  SNIPPET_LANGS,
  STAGES,
} from './enums.ts';
import { parseIsoDate } from './iso-date.ts';
import { slugProblem } from './slug.ts';

/** A string a reader sees: trimmed and never empty. */
export const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'must not be empty' });

export const httpsUrl = z.string({ error: 'expected an https:// URL' }).refine(
  (value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && url.hostname.length > 0;
    } catch {
      return false;
    }
  },
  { error: 'must be an absolute https:// URL' },
);

/**
 * A source link: an https URL that points at a heading (#anchor) in the
 * assessment. PDFs have no headings, so a .pdf link may stand without one.
 */
export const anchoredSourceUrl = httpsUrl.refine((value) => /#[^#\s]+$/.test(value) || /\.pdf$/i.test(value.split('#')[0] ?? ''), {
  error: 'must end with the #heading-anchor of the section it comes from (only a .pdf may have none)',
});

/** Accepts YAML dates (parsed to Date by Astro) and strings written YYYY-MM-DD; rejects impossible dates. */
export const isoDate = z.preprocess(
  (value) => (typeof value === 'string' ? (parseIsoDate(value) ?? value) : value),
  z.date({ error: 'expected a real date written as YYYY-MM-DD' }),
);

/** A git object id: 40 lowercase hex digits. */
export const gitSha = z.string().regex(/^[0-9a-f]{40}$/, { error: 'expected a 40-digit git object id (lowercase hex)' });

/** What a document was last read against: the upstream blob and the day of the check. */
export const checkedSchema = z.strictObject({
  /** The git blob id of `source` as read (`git rev-parse <commit>:<path>`); required for files in the source lock. */
  blob: gitSha.optional(),
  date: isoDate,
});

export const slug = z.string().check((ctx) => {
  const problem = slugProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', input: ctx.value, message: `${problem}, such as "open-policy-agent"` });
});

export const documentSchema = z
  .strictObject({
    kind: z.enum(DOCUMENT_KINDS),
    title: text.optional(),
    stage: z.enum(STAGES),
    date: isoDate,
    datePrecision: z.enum(DATE_PRECISIONS),
    dateSource: z.enum(DATE_SOURCES),
    revised: isoDate.optional(),
    authors: z.array(text),
    /** Where the author names come from: the document's own text, or git history (commit authors, co-author lines). */
    authorsSource: z.enum(NAME_SOURCES).optional(),
    reviewers: z.array(text),
    reviewersSource: z.enum(NAME_SOURCES).optional(),
    projectLead: text.optional(),
    volunteerDrafted: z.boolean(),
    versionAssessed: text.optional(),
    source: httpsUrl,
    mirror: httpsUrl.optional(),
    trackingIssue: httpsUrl.optional(),
    note: text.optional(),
    checked: checkedSchema,
  })
  .superRefine((doc, ctx) => {
    for (const field of ['authors', 'reviewers'] as const) {
      if (doc[field].length > 0 && doc[`${field}Source`] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [`${field}Source`],
          message: `say where the ${field} names come from`,
          params: {
            fix: `add \`${field}Source: document\` (named in the document) or \`${field}Source: repository-history\` (from git history)`,
          },
        });
      }
    }
  });

export const auditSchema = z.strictObject({
  /** Omitted when no source dates the audit; the page then says so. */
  date: isoDate.optional(),
  datePrecision: z.enum(DATE_PRECISIONS).default('day'),
  type: z.enum(AUDIT_TYPES),
  vendor: text,
  scope: text.optional(),
  report: httpsUrl.optional(),
  /** Where the audit is recorded when there is no report link: a due-diligence document, landscape.yml, a blog post. */
  source: httpsUrl.optional(),
  note: text.optional(),
});

export const snippetSchema = z.strictObject({
  lang: z.enum(SNIPPET_LANGS),
  code: text,
});

export const checklistItemSchema = z.strictObject({
  id: slug,
  action: text,
  severity: z.enum(SEVERITIES),
  why: text,
  how: text.optional(),
  snippet: snippetSchema.optional(),
  source: anchoredSourceUrl,
  /** stated: the cited section says to do this; derived: the editors' practical step drawn from what it describes. */
  basis: z.enum(BASES),
});

export const findingSchema = z
  .strictObject({
    text,
    to: z.enum(FINDING_AUDIENCES),
    status: z.enum(FINDING_STATUSES),
    /** Where the finding or recommendation is stated. */
    source: httpsUrl.optional(),
    /** A link that shows the status (a merged fix, an advisory, a release note); required unless not-recorded. */
    statusSource: httpsUrl.optional(),
    note: text.optional(),
  })
  .superRefine((finding, ctx) => {
    if (finding.status !== 'not-recorded' && finding.statusSource === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['statusSource'],
        message: `a finding marked ${finding.status} needs a statusSource link that shows it`,
        params: {
          fix: 'add `statusSource:` with the https:// link that shows the status (a merged fix, an advisory), or set `status: not-recorded`',
        },
      });
    }
  });

export const assessmentRequestSchema = z.strictObject({
  url: httpsUrl,
  opened: isoDate,
  outcome: text,
});

export const correctionSchema = z.strictObject({
  text,
  sources: z.array(httpsUrl).min(2, { error: 'a correction links both of the sources that disagree' }),
});

/** Old URL paths that must keep working, e.g. "/projects/opa/". */
export const redirectPath = z
  .string()
  .regex(/^\/[a-z0-9/-]*\/$/, { error: 'expected a site path with leading and trailing slash, e.g. "/projects/old-name/"' });

export function createAssessmentSchema<Related extends z.ZodType>(related: Related) {
  return z
    .strictObject({
      name: text,
      summary: text,
      aliases: z.array(text).default([]),
      keywords: z.array(text).default([]),
      category: text,
      maturity: z.enum(MATURITIES),
      maturityDate: isoDate,
      repos: z.array(httpsUrl),
      website: httpsUrl.optional(),
      languages: z.array(text).default([]),
      securityProvider: z.boolean().optional(),
      sbom: text.optional(),
      securityPolicy: httpsUrl.optional(),
      securityContact: text.optional(),
      documents: z.array(documentSchema).default([]),
      audits: z.array(auditSchema).default([]),
      assessmentRequests: z.array(assessmentRequestSchema).default([]),
      checklist: z.array(checklistItemSchema).default([]),
      findings: z.array(findingSchema).default([]),
      corrections: z.array(correctionSchema).default([]),
      related: z.array(related).default([]),
      redirectFrom: z.array(redirectPath).default([]),
    })
    .superRefine((data, ctx) => {
      const seen = new Map<string, number>();
      data.checklist.forEach((item, index) => {
        const first = seen.get(item.id);
        if (first !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['checklist', index, 'id'],
            message: `duplicate checklist id "${item.id}" (first used by checklist item ${first + 1}); ids must be unique within the file`,
          });
        } else {
          seen.set(item.id, index);
        }
      });
      if (data.documents.length === 0) {
        if (data.audits.length === 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['documents'],
            message: 'a project needs at least one assessment document, or at least one audit when it has no TAG assessment',
          });
        }
        if (data.checklist.length > 0) {
          ctx.addIssue({
            code: 'custom',
            path: ['checklist'],
            message: 'a checklist must come from an assessment document; add the document or remove the checklist',
          });
        }
      }
    });
}

/** The schema contributor scripts and unit tests use: related entries are plain slugs. */
export const assessmentSchema = createAssessmentSchema(slug);
export type AssessmentInput = z.input<typeof assessmentSchema>;
export type Assessment = z.output<typeof assessmentSchema>;
export type AssessmentDocument = z.output<typeof documentSchema>;
export type Audit = z.output<typeof auditSchema>;
export type ChecklistItem = z.output<typeof checklistItemSchema>;
export type Finding = z.output<typeof findingSchema>;
