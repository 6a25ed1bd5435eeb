import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('the end-to-end tests’ CSV reader', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, after a byte-order mark', () => {
    const text = '\uFEFFtime,target_label,after\r\n2026-11-25T00:00:00.000Z,"Acme, Ltd","{""a"":1}"\r\n2026-11-25T00:00:01.000Z,"two\nlines",\r\n';
    expect(parseCsv(text)).toEqual([
      { time: '2026-11-25T00:00:00.000Z', target_label: 'Acme, Ltd', after: '{"a":1}' },
      { time: '2026-11-25T00:00:01.000Z', target_label: 'two\nlines', after: '' },
    ]);
  });

  it('refuses rows whose width differs from the header, and unterminated quotes', () => {
    expect(() => parseCsv('a,b\r\n1\r\n')).toThrow('CSV row 2 has 1 cells; the header has 2.');
    expect(() => parseCsv('a\r\n"open\r\n')).toThrow('The CSV ends inside a quoted cell.');
  });
});
