import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.js';
import { redact } from './redact.js';

describe('redact', () => {
  it('replaces secret-looking keys at any depth and leaves the rest', () => {
    const input = { name: 'Pax8', clientSecret: 's3cret', nested: { password: 'pw', items: [{ apiKey: 'k', role: 'admin' }] }, recoveryCodes: ['a', 'b'] };
    expect(redact(input)).toEqual({
      name: 'Pax8', clientSecret: '[redacted]', nested: { password: '[redacted]', items: [{ apiKey: '[redacted]', role: 'admin' }] }, recoveryCodes: '[redacted]',
    });
    expect(input.clientSecret).toBe('s3cret');
  });
});

describe('CSV cells', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+2', "'=1+2"],
    ['+44 20', "'+44 20"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
  ])('%j → %s', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('writes empty cells for nulls, JSON for objects, CRLF line ends', () => {
    expect(csvLine([null, { a: 1 }, 'x'])).toBe(',"{""a"":1}",x\r\n');
  });
});
