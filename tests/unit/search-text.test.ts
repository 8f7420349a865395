import { describe, expect, it } from 'vitest';
import { cleanHighlights, closestName, editDistance, matchesAllWords, meaningfulWords, relaxedQuery } from '../../src/lib/search-text.ts';

describe('query words', () => {
  it('drops stop words, unless nothing else is left', () => {
    expect(meaningfulWords('How do I report a vulnerability in Linkerd')).toEqual(['report', 'vulnerability', 'linkerd']);
    expect(meaningfulWords('how to')).toEqual(['how', 'to']);
  });

  it('offers a relaxed query only when it differs', () => {
    expect(relaxedQuery('how do I report a vulnerability in Linkerd')).toBe('report vulnerability linkerd');
    expect(relaxedQuery('linkerd security contact')).toBeUndefined();
  });
});

describe('cleanHighlights', () => {
  it('unmarks stop words and short fragments that are not query words', () => {
    expect(cleanHighlights('<mark>Reporting</mark> <mark>a</mark> <mark>vulnerability</mark>', 'report a vulnerability')).toBe(
      '<mark>Reporting</mark> a <mark>vulnerability</mark>',
    );
    expect(cleanHighlights('<mark>HA</mark>Mi schedules GPUs', 'harbour')).toBe('HAMi schedules GPUs');
    expect(cleanHighlights('use <mark>CA</mark> certificates', 'ca')).toBe('use <mark>CA</mark> certificates');
  });
});

describe('matching and names', () => {
  it('knows whether a text has every meaningful word as a word start', () => {
    expect(matchesAllWords('Reporting a vulnerability to <mark>Linkerd</mark>', 'report vulnerability linkerd')).toBe(true);
    expect(matchesAllWords('HAMi schedules GPUs', 'harbour')).toBe(false);
  });

  it('suggests the project a misspelt one-word query meant', () => {
    expect(editDistance('harbour', 'harbor')).toBe(1);
    expect(editDistance('kyvenro', 'kyverno')).toBe(1);
    expect(closestName('harbour', ['Harbor', 'HAMi', 'Cortex'])).toBe('Harbor');
    expect(closestName('Harbor', ['Harbor'])).toBeUndefined();
    expect(closestName('nats secrets', ['NATS'])).toBeUndefined();
    expect(closestName('opq', ['OPA', 'OpenFGA'])).toBe('OPA');
  });
});
