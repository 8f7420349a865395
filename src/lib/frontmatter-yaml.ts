// Frontmatter data, read the way the `yaml` package reads YAML 1.2 with its
// core schema, but by js-yaml, which builds plain values without a positioned
// syntax tree: about six times faster on our files, which matters when a
// build reads thousands of them. Anything js-yaml might read differently, or
// refuses, is left to `yaml` (frontmatterData, or the lint, which also needs
// its positions for the problem report).
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { parseDocument } from 'yaml';

/** The same aliases `yaml` will expand before it calls a file a "billion laughs". */
export const MAX_ALIAS_COUNT = 50;

// The implicit types of the `yaml` package's core schema (yaml/dist/schema/core), same tests and values.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const scalar = (tag: string, test: (text: string) => boolean, construct: (text: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => test(text ?? ''),
    construct: (text: string | null) => construct(text ?? ''),
  });

const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar(
      'null',
      (t) => NULL.test(t),
      () => null,
    ),
    scalar(
      'bool',
      (t) => BOOL.test(t),
      (t) => t[0] === 't' || t[0] === 'T',
    ),
    scalar(
      'int',
      (t) => INT_OCT.test(t) || INT.test(t) || INT_HEX.test(t),
      (t) => (INT_OCT.test(t) ? parseInt(t.slice(2), 8) : INT_HEX.test(t) ? parseInt(t.slice(2), 16) : parseInt(t, 10)),
    ),
    scalar(
      'float',
      (t) => FLOAT_NAN.test(t) || FLOAT_EXP.test(t) || FLOAT.test(t),
      (t) => (!FLOAT_NAN.test(t) ? parseFloat(t) : t.slice(-3).toLowerCase() === 'nan' ? NaN : t[0] === '-' ? -Infinity : Infinity),
    ),
  ],
});

/**
 * Where js-yaml and `yaml` could part ways: anchors and aliases (`yaml` limits
 * how far they expand), tags, null-like mapping keys (`yaml` makes them "",
 * js-yaml "null") and keys that are themselves collections (`? ` or a flow
 * `[…]:`). A line merely mentioning `*` or `&` in prose also matches; that
 * only costs it the fast path.
 */
const LEAVE_TO_YAML = new RegExp(
  [
    /(?:^|[\s[{,])[&*!][^\s\]},]/.source,
    /^[ \t]*(?:-[ \t]+)*(?:~|null|Null|NULL)?[ \t]*:(?:[ \t]|$)/.source,
    /^[ \t]*(?:-[ \t]+)*\?(?:[ \t]|$)/.source,
    /[\]}][ \t]*:(?:[ \t]|$)/.source,
  ].join('|'),
  'm',
);

/**
 * The data of a frontmatter block, or undefined when the fast reader stands
 * aside (see LEAVE_TO_YAML) or refuses the text (any YAML error, duplicate
 * keys included): then ask `yaml`, which reports the error with its position.
 */
export function fastFrontmatterData(text: string): unknown {
  if (LEAVE_TO_YAML.test(text)) return undefined;
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

/** Frontmatter data as the content lint reads it, for readers that have no problems to report (the content loader). */
export function frontmatterData(text: string): unknown {
  const fast = fastFrontmatterData(text);
  if (fast !== undefined) return fast;
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error) throw error;
  return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
}
