import { describe, expect, it } from 'vitest';
import { createNameMatcher, nameSimilarity, nameTokens, normalizeName, trigrams } from './similarity.js';

describe('normalizeName', () => {
  it('ignores case, accents, punctuation and trailing legal forms', () => {
    expect(normalizeName('Wide World Importers Ltd')).toBe('wide world importers');
    expect(normalizeName('Koala Bookkeeping Pty Ltd')).toBe('koala bookkeeping');
    expect(normalizeName('Contoso Legal, LLP')).toBe('contoso legal');
    expect(normalizeName('Café Société Inc.')).toBe('cafe societe');
    expect(normalizeName("Margie's Travel")).toBe('margies travel');
    expect(normalizeName('A. Datum Surveying')).toBe('a datum surveying');
    expect(normalizeName('The Coho Winery & Co')).toBe('coho winery');
  });

  it('keeps a name that is only a legal form, and legal words inside a name', () => {
    expect(nameTokens('Ltd')).toEqual(['ltd']);
    expect(normalizeName('Limited Editions Ltd')).toBe('limited editions');
  });
});

describe('trigrams', () => {
  it('pads each word as pg_trgm does', () => {
    expect([...trigrams(['cat'])].sort()).toEqual(['  c', ' ca', 'at ', 'cat'].sort());
  });
});

describe('nameSimilarity', () => {
  it('scores identical names after normalisation as 1', () => {
    expect(nameSimilarity('Trey Research', 'Trey Research Ltd')).toBe(1);
    expect(nameSimilarity('A. Datum Surveying', 'A Datum Surveying')).toBe(1);
  });

  it('scores shared words and typos in between, unrelated names near 0', () => {
    expect(nameSimilarity('Northwind Dental', 'Northwind Dental Practice')).toBeCloseTo(2 / 3, 2);
    const typo = nameSimilarity('Contoso Legal', 'Contosso Legal');
    expect(typo).toBeGreaterThan(0.6);
    expect(typo).toBeLessThan(1);
    expect(nameSimilarity('Fourth Coffee', 'Alpine Ski House')).toBeLessThan(0.15);
    expect(nameSimilarity('', 'Anything')).toBe(0);
  });
});

describe('createNameMatcher', () => {
  const matcher = createNameMatcher([
    { id: 'cli_1', name: 'Northwind Dental Practice' },
    { id: 'cli_2', name: 'Wide World Importers Ltd' },
    { id: 'cli_3', name: 'Fabrikam Engineering Ltd' },
    { id: 'cli_4', name: 'Northwind Traders' },
  ]);

  it('finds the best client above the threshold', () => {
    expect(matcher.best('Wide World Importers', 0.5)).toEqual({ id: 'cli_2', name: 'Wide World Importers Ltd', score: 1 });
    expect(matcher.best('Northwind Dental', 0.5)).toMatchObject({ id: 'cli_1' });
    expect(matcher.best('Fabrikam Engineering', 0.5)).toMatchObject({ id: 'cli_3', score: 1 });
  });

  it('answers null below the threshold and skips excluded clients', () => {
    expect(matcher.best('Tailspin Toys', 0.5)).toBeNull();
    expect(matcher.best('Northwind Dental', 0.5, new Set(['cli_1']))).toBeNull();
  });
});
