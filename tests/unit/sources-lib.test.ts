// The pure parts of the source lock: URL parsing, literal tokens, Markdown
// outlines and stable serialisation.
import { describe, expect, it } from 'vitest';
import { closest } from '../../src/lib/sources/closest.ts';
import { guideLiterals, occursIn, proseLiterals, stripPunctuation } from '../../src/lib/sources/literals.ts';
import { serializeLock, type SourceLock } from '../../src/lib/sources/lock.ts';
import { outlineMarkdown } from '../../src/lib/sources/markdown.ts';
import { findUpstreamUrls, parseUpstreamUrl } from '../../src/lib/sources/upstream-url.ts';

describe('parseUpstreamUrl', () => {
  it('takes repo, kind, decoded path and anchor; ignores the query and other hosts', () => {
    expect(parseUpstreamUrl('https://github.com/cncf/toc/blob/main/projects/x/STRIDE%20Model.pdf?raw=true#page=2')).toEqual({
      repo: 'cncf/toc',
      kind: 'blob',
      ref: 'main',
      path: 'projects/x/STRIDE Model.pdf',
      anchor: 'page=2',
    });
    expect(parseUpstreamUrl('https://github.com/cncf/tag-security/tree/abc123/community/assessments/')).toEqual({
      repo: 'cncf/tag-security',
      kind: 'tree',
      ref: 'abc123',
      path: 'community/assessments',
    });
    expect(parseUpstreamUrl('https://github.com/cncf/landscape/blob/main/README.md')).toBeUndefined();
    expect(parseUpstreamUrl('https://github.com/cncf/toc/issues/1')).toBeUndefined();
  });

  it('finds links in YAML and Markdown without their closing punctuation', () => {
    const text =
      'see ([doc](https://github.com/cncf/toc/blob/main/a.md#x)).\nsources: [https://github.com/cncf/toc/blob/main/b.md, https://github.com/cncf/toc/blob/main/c.md]';
    expect(findUpstreamUrls(text).map((f) => [f.url, f.offset])).toEqual([
      ['https://github.com/cncf/toc/blob/main/a.md#x', 11],
      ['https://github.com/cncf/toc/blob/main/b.md', text.indexOf('https://github.com/cncf/toc/blob/main/b.md')],
      ['https://github.com/cncf/toc/blob/main/c.md', text.indexOf('https://github.com/cncf/toc/blob/main/c.md')],
    ]);
  });
});

describe('literals', () => {
  it('keeps only technical words of prose, without surrounding punctuation', () => {
    expect(
      proseLiterals('Set "skip_verify" (see https://a.org/x). Use -L, $IMAGE, camelCase, v1.2 and the well-known port 8080; fine.'),
    ).toEqual(['https://a.org/x', 'skip_verify', 'https://a.org/x', '-L', '$IMAGE', 'camelCase', 'v1.2', '8080']);
    expect(stripPunctuation('(foo())')).toBe('foo()');
    expect(stripPunctuation('`a.b`,')).toBe('a.b');
  });

  it('takes code spans, flags, URLs and versions from a checklist item', () => {
    expect(guideLiterals('Run `kubectl apply -f x.yaml` with --dry-run=server on v1.28 (https://k8s.io/docs/).')).toEqual([
      { literal: 'kubectl apply -f x.yaml', kind: 'code' },
      { literal: 'https://k8s.io/docs/', kind: 'url' },
      { literal: '--dry-run=server', kind: 'flag' },
      { literal: 'v1.28', kind: 'version' },
    ]);
    expect(guideLiterals('Keep `Secrets` and `kube-system` safe; TLS 1.2 at least.')).toEqual([{ literal: '1.2', kind: 'version' }]);
  });

  it('finds a literal inside a token, or a command spread over tokens', () => {
    const tokens = ['--tls-cert-file=/etc/x.pem', 'kubectl', 'apply', '-f', 'deploy.yaml', 'https://a.org/docs'];
    expect(occursIn('--tls-cert-file', tokens)).toBe(true);
    expect(occursIn('kubectl apply -f deploy.yaml', tokens)).toBe(true);
    expect(occursIn('https://a.org/docs/', tokens)).toBe(true);
    expect(occursIn('curl -f deploy.yaml', tokens)).toBe(true); // `curl` is a plain word, which the lock never keeps
    expect(occursIn('--tls-key-file', tokens)).toBe(false);
    expect(occursIn('kubectl apply -f other.yaml', tokens)).toBe(false);
  });
});

describe('outlineMarkdown', () => {
  it('reads setext and ATX headings, not front matter or code', () => {
    const outline = outlineMarkdown('---\ntitle: x\n---\nTitle\n=====\n\n```\n# no\n```\n\n    # indented code\n\n## A & B\n\n## A & B\n');
    expect(outline.headings).toEqual([
      { anchor: 'title', depth: 1 },
      { anchor: 'a--b', depth: 2 },
      { anchor: 'a--b-1', depth: 2 },
    ]);
    expect(Object.keys(outline.sections)).toEqual(['', 'title', 'a--b', 'a--b-1']);
  });

  it('ignores blank-line and indentation churn in section hashes', () => {
    const a = outlineMarkdown('## S\n\ntext\n\n\n\nmore\n');
    const b = outlineMarkdown('## S\n\n  text  \n\n\nmore');
    expect(a.sections.s!.hash).toBe(b.sections.s!.hash);
    expect(outlineMarkdown('## S\n\ntext changed\n').sections.s!.hash).not.toBe(a.sections.s!.hash);
  });
});

describe('serializeLock', () => {
  it('sorts object keys, keeps array order, ends with a newline', () => {
    const lock = { version: 1, repos: { 'cncf/toc': { date: 'd', commit: 'c' } }, files: {}, dirs: ['b', 'a'] } as unknown as SourceLock;
    expect(serializeLock(lock)).toBe(
      '{\n  "dirs": [\n    "b",\n    "a"\n  ],\n  "files": {},\n  "repos": {\n    "cncf/toc": {\n      "commit": "c",\n      "date": "d"\n    }\n  },\n  "version": 1\n}\n',
    );
  });
});

describe('closest', () => {
  it('ranks by edit distance, in candidate order on ties', () => {
    expect(closest('secrity', ['overview', 'security', 'security-1', 'sec'])).toEqual(['security', 'sec', 'security-1']);
  });
});
