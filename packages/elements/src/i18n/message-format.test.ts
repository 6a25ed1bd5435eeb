import { describe, expect, it } from 'vitest';
import { formatMessage, messageArguments, parseMessage, type FormatContext } from './message-format.js';

const context = (locale: string): FormatContext => ({
  plural: new Intl.PluralRules(locale),
  number: (n) => new Intl.NumberFormat(locale).format(n),
  date: (d) => d.toISOString().slice(0, 10),
});

describe('message format', () => {
  it('fills arguments, formatting numbers and dates', () => {
    expect(formatMessage('Hello {name}', { name: 'Ada' }, context('en'))).toBe('Hello Ada');
    expect(formatMessage('{n} rows', { n: 12345 }, context('en'))).toBe('12,345 rows');
    expect(formatMessage('{n} lignes', { n: 12345 }, context('fr'))).toBe('12\u202f345 lignes');
    expect(formatMessage('on {d}', { d: new Date('2026-11-24T09:00:00Z') }, context('en'))).toBe('on 2026-11-24');
    expect(formatMessage('missing {x}', {}, context('en'))).toBe('missing {x}');
  });

  it('chooses plural branches with the locale rules, exact matches first', () => {
    const message = '{count, plural, =0 {no members} one {# member} other {# members}}';
    expect(formatMessage(message, { count: 0 }, context('en'))).toBe('no members');
    expect(formatMessage(message, { count: 1 }, context('en'))).toBe('1 member');
    expect(formatMessage(message, { count: 1500 }, context('en'))).toBe('1,500 members');
    const arabic = '{n, plural, zero {zero} one {one} two {two} few {few} many {many} other {other}}';
    expect([0, 1, 2, 5, 11, 100].map((n) => formatMessage(arabic, { n }, context('ar')))).toEqual(['zero', 'one', 'two', 'few', 'many', 'other']);
    // French treats 0 and 1 as singular.
    expect(formatMessage('{n, plural, one {# élément} other {# éléments}}', { n: 0 }, context('fr'))).toBe('0 élément');
  });

  it('selects branches and nests arguments', () => {
    const message = '{provider, select, pax8 {Pax8 ({count, plural, one {# company} other {# companies}})} other {{provider}}}';
    expect(formatMessage(message, { provider: 'pax8', count: 2 }, context('en'))).toBe('Pax8 (2 companies)');
    expect(formatMessage(message, { provider: 'Xero', count: 2 }, context('en'))).toBe('Xero');
    expect([...messageArguments(message)].sort()).toEqual(['count', 'provider']);
  });

  it('keeps # literal outside plural branches', () => {
    expect(formatMessage('Invoice #{id}', { id: 42 }, context('en'))).toBe('Invoice #42');
  });

  it('reports malformed messages with the message and the position', () => {
    expect(() => parseMessage('Hello {name')).toThrow(/Malformed message "Hello \{name" at \d+/);
    expect(() => parseMessage('{n, plural, one {x}}')).toThrow('plural without an "other" branch');
    expect(() => parseMessage('{n, number}')).toThrow('unknown argument type "number"');
    expect(() => parseMessage('a } b')).toThrow('unexpected "}"');
    expect(() => parseMessage('{bad name}')).toThrow('bad argument name "bad name"');
  });
});
