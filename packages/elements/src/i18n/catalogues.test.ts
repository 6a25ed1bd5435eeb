import { describe, expect, it } from 'vitest';
import { ar } from './ar/index.js';
import { en } from './en/index.js';
import { fr } from './fr/index.js';
import { messageArguments } from './message-format.js';

const english = en as Record<string, string>;

describe.each([
  ['fr', fr as Record<string, string | undefined>],
  ['ar', ar as Record<string, string | undefined>],
])('the %s catalogue', (_language, catalogue) => {
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
  it('parses, and keys follow <section>.<name>', () => {
    for (const [key, message] of Object.entries(english)) {
      expect(key).toMatch(/^[a-z][a-z-]*(\.[A-Za-z0-9_-]+)+$/);
      expect(() => messageArguments(message), key).not.toThrow();
    }
  });
});
