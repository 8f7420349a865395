/** One thing wrong with a content file, located precisely enough to fix it. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  fix: string;
}

/** A frontmatter field as every message names it: `documents[0].date`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line}:${problem.column}  ${problem.rule}  ${problem.message}  (${problem.fix})`;
}

export function formatReport(problems: readonly Problem[]): string {
  if (problems.length === 0) return 'No problems found.';
  const files = new Set(problems.map((p) => p.file)).size;
  const lines = sortProblems(problems).map(formatProblem);
  lines.push('', `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}.`);
  return lines.join('\n');
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
