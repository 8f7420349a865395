// The frontmatter schema as JSON Schema (served at /schema/assessment.schema.json)
// for editors and other tools. Derived from the zod schema, never hand-written.
import { z } from 'astro/zod';
import { assessmentSchema, isoDate } from './assessment.ts';

export function assessmentJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(assessmentSchema, {
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      // isoDate preprocesses strings into Dates, which JSON Schema cannot say; in a file it is a YYYY-MM-DD string.
      if (ctx.zodSchema === isoDate) {
        Object.assign(ctx.jsonSchema, { type: 'string', format: 'date', description: 'A calendar date, YYYY-MM-DD' });
      }
    },
  }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'assessment.schema.json',
    title: 'Posture assessment frontmatter',
    description: 'The YAML frontmatter of content/assessments/<slug>.mdx',
  };
}
