// CONTRIBUTING.md's rule table is what contributors read when the lint names
// a rule: it must list exactly the rules the lint can report.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../src/lint/rule-ids.ts';

const contributing = readFileSync(resolve(import.meta.dirname, '../../CONTRIBUTING.md'), 'utf8');

describe('lint rule ids', () => {
  it('CONTRIBUTING.md documents every rule, and no rule that does not exist', () => {
    const section = contributing.slice(
      contributing.indexOf('## Lint rules'),
      contributing.indexOf('\n## ', contributing.indexOf('## Lint rules') + 1),
    );
    const documented = [...section.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...RULE_IDS].sort());
  });

  it('are unique', () => {
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
  });
});
