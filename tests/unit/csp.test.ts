import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/lib/csp.ts';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('content security policy', () => {
  it('allows scripts and styles from the site only, and nothing inline', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.has('worker-src')).toBe(false);
  });

  it('lets the search page run Pagefind: WebAssembly and a blob worker, still no eval', () => {
    const policy = directives(contentSecurityPolicy({ search: true }));
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(contentSecurityPolicy({ search: true })).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  });
});
