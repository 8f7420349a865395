// Rewrites zod's issues into the contributor-facing form: which field, what
// was expected, what was found, and how to fix it.
import type { z } from 'astro/zod';
import { assessmentSchema } from '../../schema/assessment.ts';
import { frontmatterPosition, type ContentFile } from '../source.ts';
import { fieldPath, type Problem } from '../problem.ts';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (an empty value)';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  // Long values keep both ends: the mistake in a URL is often its #anchor.
  if (typeof value === 'string') return value.length > 72 ? `"${value.slice(0, 36)}…${value.slice(-33)}"` : `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${value}`;
  return typeof value;
}

function fixFor(issue: z.core.$ZodIssue, field: string, found: unknown): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'remove the key or correct its spelling; allowed keys are listed in CONTRIBUTING.md';
    case 'invalid_value':
      return `use one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      if (found === undefined) return `add the required field \`${field}\``;
      if (issue.expected === 'date') return `write \`${field}\` as a real calendar date, YYYY-MM-DD`;
      return `write \`${field}\` as ${issue.expected === 'array' ? 'a list' : issue.expected}`;
    case 'too_small':
      if (issue.origin === 'array') return `list at least ${String(issue.minimum)} entries in \`${field}\``;
      return `give \`${field}\` a value`;
    case 'custom': {
      const fix = (issue.params as { fix?: unknown } | undefined)?.fix;
      if (typeof fix === 'string') return fix;
      break;
    }
  }
  if (/https:\/\//.test(issue.message)) return `use the https:// address of the same page in \`${field}\``;
  if (/#heading-anchor/.test(issue.message))
    return "append the #anchor of the heading the item comes from (copy it from the heading's link on GitHub)";
  if (/YYYY-MM-DD/.test(issue.message)) return `write \`${field}\` as a real calendar date, YYYY-MM-DD`;
  if (/slug/.test(issue.message)) return 'use lowercase letters, digits and single hyphens';
  return `correct \`${field}\` as the message says`;
}

export function schemaIssuesToProblems(content: ContentFile, issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const field = fieldPath(path);
        problems.push({
          file: content.file,
          ...frontmatterPosition(content, path),
          rule: 'schema',
          message: `unknown field \`${field}\``,
          fix: fixFor(issue, field, undefined),
        });
      }
      continue;
    }
    const field = fieldPath(issue.path) || '(frontmatter)';
    const found = valueAt(content.data, issue.path);
    let message: string;
    if (issue.code === 'invalid_type' && found === undefined) {
      message = `missing required field \`${field}\``;
    } else if (issue.code === 'invalid_value') {
      message = `\`${field}\`: expected one of ${issue.values.map(String).join(' | ')}, found ${describe(found)}`;
    } else if (issue.code === 'invalid_type') {
      // Keep the schema's own wording when it has one ("expected a real date ...").
      const expected = issue.message.startsWith('Invalid input') ? `expected ${issue.expected}` : issue.message;
      message = `\`${field}\`: ${expected}, found ${describe(found)}`;
    } else {
      message = `\`${field}\`: ${issue.message}${found !== undefined && typeof found !== 'object' ? `, found ${describe(found)}` : ''}`;
    }
    problems.push({
      file: content.file,
      ...frontmatterPosition(content, issue.path),
      rule: 'schema',
      message,
      fix: fixFor(issue, field, found),
    });
  }
  return problems;
}

export function checkSchema(content: ContentFile): { problems: Problem[]; data?: z.output<typeof assessmentSchema> } {
  if (content.data === null || typeof content.data !== 'object' || Array.isArray(content.data)) {
    return {
      problems: [
        {
          file: content.file,
          line: 2,
          column: 1,
          rule: 'schema',
          message: 'frontmatter must be a mapping of fields',
          fix: 'start from `npm run new`, which writes every required field',
        },
      ],
    };
  }
  const result = assessmentSchema.safeParse(content.data);
  if (result.success) return { problems: [], data: result.data };
  return { problems: schemaIssuesToProblems(content, result.error.issues) };
}
