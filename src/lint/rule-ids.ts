// Every rule the content lint can report, by the id printed in its second
// column. Problems may name only these; a test holds CONTRIBUTING.md's rule
// table to this list, so the documentation cannot fall behind.
export const RULE_IDS = [
  'file-name', 'file-size', 'empty-file', 'binary-file', 'encoding', 'frontmatter', 'yaml',
  'todo-marker', 'schema',
  'html-comment', 'mdx-syntax', 'mdx-esm', 'mdx-expression', 'mdx-element', 'forbidden-element', 'event-handler',
  'mdx-attribute', 'unsafe-url', 'remote-image', 'insecure-link', 'raw-html',
  'heading-level', 'headings', 'empty-section', 'internal-link',
  'future-date', 'document-order', 'related-missing', 'redirect-conflict',
  'source-unknown', 'source-anchor', 'literal-missing', 'literal-outside-section', 'document-date', 'checked-blob', 'source-drift', 'source-lock',
] as const;

export type RuleId = (typeof RULE_IDS)[number];
