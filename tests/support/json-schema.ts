// A real JSON Schema validator (Ajv, draft 2020-12, with the "date" and
// other formats) for checking published data against a published schema.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** Compiles `schema` strictly; the returned function gives [] for a valid value, else Ajv's messages with their paths. */
export function jsonSchemaValidator(schema: object): (value: unknown) => string[] {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`));
}
