import { describe, expect, it } from 'vitest';
import { passwordRuleMessages, passwordRules, passwordStrength } from './password-strength.js';

const email = 'ada.lovelace@northwind-msp.example';
const strength = (password: string) => passwordStrength(password, { email });

describe('passwordStrength', () => {
  it('scores an empty password 0 with the required rules unmet', () => {
    expect(strength('')).toEqual({ score: 0, unmet: ['min_length', 'variety', 'not_guessable'], acceptable: false });
  });

  it('requires 12 characters', () => {
    expect(strength('Kq7#vP2m!Lx')).toMatchObject({ acceptable: false, score: 1 });
    expect(strength('Kq7#vP2m!Lx').unmet).toContain('min_length');
    expect(strength('Kq7#vP2m!Lx9').unmet).not.toContain('min_length');
    expect(strength('Kq7#vP2m!Lx9').acceptable).toBe(true);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(strength('😀'.repeat(11) + 'a').unmet).not.toContain('min_length');
    expect(strength('😀'.repeat(11)).unmet).toContain('min_length');
  });

  it('refuses more than 256 characters', () => {
    const long = 'Kq7#vP2m!Lx9'.repeat(22);
    expect(long.length).toBe(264);
    expect(strength(long)).toMatchObject({ acceptable: false, score: 1 });
    expect(strength(long).unmet).toContain('max_length');
  });

  it('refuses the email address, whatever the case', () => {
    for (const password of [email, 'Ada.Lovelace@Northwind-MSP.example']) {
      const result = strength(password);
      expect(result.acceptable).toBe(false);
      expect(result.unmet).toContain('not_email');
      expect(result.score).toBeLessThanOrEqual(1);
    }
  });

  it('caps common passwords, runs and parts of the email at 1', () => {
    for (const password of ['Password1234', 'qwertyuiop12', 'lovelace-Rocks-99!', 'Zebra-aaaa-Kite!', 'Kite-9876-Zebra!']) {
      const result = strength(password);
      expect(result.unmet, password).toContain('not_guessable');
      expect(result.score, password).toBeLessThanOrEqual(1);
      expect(result.acceptable, password).toBe(true);
    }
  });

  it('rates long passphrases and varied passwords highly', () => {
    expect(strength('correct horse battery staple')).toEqual({ score: 4, unmet: [], acceptable: true });
    expect(strength('Kq7#vP2m!Lx9Zr4$')).toEqual({ score: 4, unmet: [], acceptable: true });
    expect(strength('G7#kP2!vQ9@x').score).toBe(3);
  });

  it('asks for variety from short single-class passwords and scores them lower', () => {
    const result = strength('kqzvbtmwpxrl');
    expect(result.unmet).toEqual(['variety']);
    expect(result.score).toBe(2);
    expect(strength('aaaaaaaaaaaa').score).toBe(0);
  });

  it('does not ask for variety from passwords of 20 characters or more', () => {
    expect(strength('kqzvbtmwpxrlhgfjdnsy').unmet).not.toContain('variety');
  });

  it('has a message for every rule', () => {
    for (const rule of passwordRules) expect(passwordRuleMessages[rule]).toMatch(/\w/);
  });
});
