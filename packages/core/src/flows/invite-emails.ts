import { Email } from '../schemas/common.js';
import { maxInvitesPerRequest } from '../schemas/team.js';

export interface InvalidInviteEmail {
  readonly value: string;
  readonly message: string;
}

export interface ParsedInviteEmails {
  /** Distinct valid addresses, lowercased, in the order typed; at most {@link maxInvitesPerRequest}. */
  readonly valid: string[];
  /** Distinct entries that are not email addresses, with the reason. */
  readonly invalid: InvalidInviteEmail[];
  /** Entries typed more than once (each listed once); only the first is kept. */
  readonly duplicates: string[];
  /** Valid addresses beyond the per-request maximum, not in `valid`. */
  readonly overLimit: string[];
}

/** Display names such as `"Doe, Jane" <jane@example.com>`: the quoted part may hold separators. */
const quoted = /"[^"]*"/g;
const separators = /[,;\r\n]+/;
const bracketed = /<([^<>]*)>/g;

function tokensOf(segment: string): string[] {
  const inBrackets = [...segment.matchAll(bracketed)].map((match) => match[1]);
  return inBrackets.length > 0 ? inBrackets : segment.split(/\s+/);
}

/**
 * Split pasted text into invitation emails: separated by commas, semicolons, white space or new
 * lines; `Name <address>` and `mailto:` forms are reduced to the address. Each entry is trimmed,
 * lowercased, de-duplicated and checked with the `Email` schema.
 */
export function parseInviteEmails(text: string): ParsedInviteEmails {
  const result: ParsedInviteEmails = { valid: [], invalid: [], duplicates: [], overLimit: [] };
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const segment of text.replace(quoted, ' ').split(separators)) {
    for (const token of tokensOf(segment)) {
      const value = token.trim().replace(/^mailto:/i, '').toLowerCase();
      if (value === '') continue;
      if (seen.has(value)) {
        if (!duplicates.has(value)) {
          duplicates.add(value);
          result.duplicates.push(value);
        }
        continue;
      }
      seen.add(value);
      const checked = Email.safeParse(value);
      if (!checked.success) result.invalid.push({ value, message: checked.error.issues[0]?.message ?? 'Enter a valid email address.' });
      else if (result.valid.length < maxInvitesPerRequest) result.valid.push(value);
      else result.overLimit.push(value);
    }
  }
  return result;
}
