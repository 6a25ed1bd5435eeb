import { beforeAll, describe, expect, it } from 'vitest';
import { en } from './en/index.js';
import { messageArguments } from './message-format.js';
import { baseMessages, namespacesOf, sectionMessages } from './messages.js';

type Strings = Record<string, string | undefined>;

/** Every string of a language: its shared strings and every section's. */
async function everything(language: string): Promise<Strings> {
  const base = language === 'en' ? en : await baseMessages[language]!();
  const sections = await Promise.all(Object.values(sectionMessages).map((loaders) => loaders[language]!()));
  return Object.assign({}, base, ...sections) as Strings;
}

let english: Record<string, string>;
beforeAll(async () => {
  english = (await everything('en')) as Record<string, string>;
});

describe.each(['fr', 'ar'])('the %s catalogue', (language) => {
  let catalogue: Strings;
  beforeAll(async () => {
    catalogue = await everything(language);
  });

  it('has every English key and no other', () => {
    const missing = Object.keys(english).filter((key) => !catalogue[key]);
    const extra = Object.keys(catalogue).filter((key) => !(key in english));
    expect(missing, 'missing translations').toEqual([]);
    expect(extra, 'keys English does not have').toEqual([]);
  });

  it('uses the same arguments as English in every message', () => {
    const mismatches = Object.keys(english)
      .filter((key) => catalogue[key])
      .filter((key) => [...messageArguments(english[key]!)].sort().join() !== [...messageArguments(catalogue[key]!)].sort().join());
    expect(mismatches).toEqual([]);
  });
});

describe('the English catalogue', () => {
  it('parses, and keys follow <namespace>.<name>', () => {
    for (const [key, message] of Object.entries(english)) {
      expect(key).toMatch(/^[a-z][A-Za-z-]*(\.[A-Za-z0-9_-]+)+$/);
      expect(() => messageArguments(message), key).not.toThrow();
    }
  });

  it('keeps each namespace in its own file, so strings load with their section', async () => {
    for (const [namespace, loaders] of Object.entries(sectionMessages)) {
      expect(Object.keys(loaders).sort(), namespace).toEqual(['ar', 'en', 'fr']);
      const keys = Object.keys(await loaders.en!());
      expect(keys.length, namespace).toBeGreaterThan(0);
      expect(keys.filter((key) => !key.startsWith(`${namespace}.`)), namespace).toEqual([]);
    }
    expect(Object.keys(en).every((key) => key.startsWith('common.') || key.startsWith('shell.'))).toBe(true);
  });

  it('maps elements to the namespaces they render', () => {
    expect(namespacesOf('billingone-team')).toEqual(['team']);
    expect(namespacesOf('billingone-audit-log')).toEqual(['audit']);
    expect(namespacesOf('billingone-mfa-enrollment')).toEqual(['mfaEnrollment', 'security']);
    expect(namespacesOf('billingone-settings')).toEqual([]);
    expect(namespacesOf('my-element')).toEqual([]);
  });
});
