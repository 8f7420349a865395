// /schema/assessment.schema.json: see src/schema/json-schema.ts.
import { assessmentJsonSchema } from '../../schema/json-schema.ts';

export function GET(): Response {
  return new Response(`${JSON.stringify(assessmentJsonSchema(), null, 2)}\n`, { headers: { 'Content-Type': 'application/schema+json' } });
}
