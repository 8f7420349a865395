import { describe, expect, it } from 'vitest';
import { assessmentJsonSchema } from '../../src/schema/json-schema.ts';

type Node = {
  type?: string;
  format?: string;
  enum?: string[];
  required?: string[];
  properties?: Record<string, Node>;
  items?: Node;
  additionalProperties?: unknown;
};

describe('assessment JSON Schema', () => {
  const schema = assessmentJsonSchema() as Node;
  it('lists required fields, rejects unknown keys and keeps the enums', () => {
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'summary', 'category', 'maturity', 'maturityDate', 'repos']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties!.checklist!.items!.properties!.severity!.enum).toEqual(['critical', 'high', 'medium', 'low']);
    expect(schema.properties!.documents!.items!.additionalProperties).toBe(false);
  });
  it('describes dates as YYYY-MM-DD strings', () => {
    expect(schema.properties!.maturityDate).toMatchObject({ type: 'string', format: 'date' });
    expect(schema.properties!.documents!.items!.properties!.date).toMatchObject({ type: 'string', format: 'date' });
  });
});
