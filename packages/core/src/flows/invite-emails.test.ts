import { describe, expect, it } from 'vitest';
import { parseInviteEmails } from './invite-emails.js';

describe('parseInviteEmails', () => {
  it('splits on commas, semicolons, white space and new lines, trimming and lowercasing', () => {
    expect(parseInviteEmails(' Ana@Example.com, bo@example.com;cy@example.com\n\tdee@example.com  ed@example.com\r\n')).toEqual({
      valid: ['ana@example.com', 'bo@example.com', 'cy@example.com', 'dee@example.com', 'ed@example.com'],
      invalid: [], duplicates: [], overLimit: [],
    });
  });

  it('returns nothing for empty input', () => {
    expect(parseInviteEmails(' ,; \n ')).toEqual({ valid: [], invalid: [], duplicates: [], overLimit: [] });
  });

  it('reports invalid entries with the Email schema message', () => {
    expect(parseInviteEmails('ana@example.com, not-an-email, bo@, @example.com')).toEqual({
      valid: ['ana@example.com'],
      invalid: [
        { value: 'not-an-email', message: 'Enter a valid email address.' },
        { value: 'bo@', message: 'Enter a valid email address.' },
        { value: '@example.com', message: 'Enter a valid email address.' },
      ],
      duplicates: [], overLimit: [],
    });
  });

  it('keeps the first of duplicates (whatever the case) and lists each duplicate once', () => {
    expect(parseInviteEmails('ana@example.com ANA@example.com ana@example.com bo@example.com typo typo')).toEqual({
      valid: ['ana@example.com', 'bo@example.com'],
      invalid: [{ value: 'typo', message: 'Enter a valid email address.' }],
      duplicates: ['ana@example.com', 'typo'],
      overLimit: [],
    });
  });

  it('reduces "Name <address>" and mailto: forms to the address', () => {
    expect(parseInviteEmails('"Doe, Jane" <Jane.Doe@example.com>; Bo Li <bo@example.com>, mailto:cy@example.com').valid).toEqual([
      'jane.doe@example.com', 'bo@example.com', 'cy@example.com',
    ]);
  });

  it('keeps at most 50 and reports the extra ones', () => {
    const emails = Array.from({ length: 53 }, (_, i) => `person${i + 1}@example.com`);
    const parsed = parseInviteEmails(emails.join('\n'));
    expect(parsed.valid).toHaveLength(50);
    expect(parsed.valid[49]).toBe('person50@example.com');
    expect(parsed.overLimit).toEqual(['person51@example.com', 'person52@example.com', 'person53@example.com']);
  });

  it('does not count invalid entries or duplicates towards the maximum', () => {
    const emails = Array.from({ length: 50 }, (_, i) => `person${i + 1}@example.com`);
    const parsed = parseInviteEmails(['nope', ...emails, 'person1@example.com'].join(','));
    expect(parsed.valid).toHaveLength(50);
    expect(parsed.overLimit).toEqual([]);
  });
});
