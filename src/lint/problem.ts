import type { RuleId } from './rule-ids.ts';

/** One thing wrong with a content file, located precisely enough to fix it. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  rule: RuleId;
  message: string;
  fix: string;
  /**
   * An error (the default) fails the check and the build; a warning is
   * printed but fails nothing: it asks for attention, such as a source that
   * changed upstream since the guide was checked.
   */
  severity?: 'error' | 'warning' | undefined;
}

export function isError(problem: Problem): boolean {
  return problem.severity !== 'warning';
}

/** A frontmatter field as every message names it: `documents[0].date`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

export function formatProblem(problem: Problem): string {
  const label = isError(problem) ? '' : 'warning: ';
  return `${problem.file}:${problem.line}:${problem.column}  ${problem.rule}  ${label}${problem.message}  (${problem.fix})`;
}

export function formatReport(problems: readonly Problem[]): string {
  if (problems.length === 0) return 'No problems found.';
  const files = new Set(problems.map((p) => p.file)).size;
  const errors = problems.filter(isError).length;
  const warnings = problems.length - errors;
  const lines = sortProblems(problems).map(formatProblem);
  const counts = [plural(errors, 'error'), ...(warnings > 0 ? [plural(warnings, 'warning')] : [])].join(', ');
  lines.push('', `${counts} in ${plural(files, 'file')}.`);
  return lines.join('\n');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}
