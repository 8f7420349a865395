// Human words for the controlled vocabularies, used the same on every page.
import type { AuditType, DocumentKind, FindingStatus, Maturity, Severity, Stage } from '../schema/enums.ts';

export const KIND_LABELS: Record<DocumentKind, string> = {
  'self-assessment': 'Self-assessment',
  'joint-assessment': 'Joint assessment',
  'threat-model': 'Threat model',
  recommendations: 'Recommendations',
};

export const STAGE_LABELS: Record<Stage, string> = {
  complete: 'Complete',
  incomplete: 'Incomplete',
  draft: 'Draft',
  'in-progress': 'In progress',
  obsolete: 'Obsolete',
  unstated: 'Stage not stated',
};

export const MATURITY_LABELS: Record<Maturity, string> = {
  sandbox: 'Sandbox',
  incubating: 'Incubating',
  graduated: 'Graduated',
  archived: 'Archived',
  'not-cncf': 'Not a CNCF project',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const STATUS_LABELS: Record<FindingStatus, string> = {
  fixed: 'Fixed',
  open: 'Open',
  'not-recorded': 'Status not recorded',
  'wont-fix': 'Won’t fix',
};

export const AUDIT_TYPE_LABELS: Record<AuditType, string> = {
  security: 'Security audit',
  fuzzing: 'Fuzzing audit',
  other: 'Other review',
};
