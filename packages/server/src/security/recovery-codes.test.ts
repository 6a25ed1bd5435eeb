import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from './crypto.js';
import {
  createRecoveryCodeSet,
  generateRecoveryCode,
  normalizeRecoveryCode,
  openRecoveryCodes,
  RECOVERY_CODE_COUNT,
  recoveryCodeDigest,
} from './recovery-codes.js';
import { RecoveryCode } from '@billingone/settings-core';

const box = createSecretBox(randomBytes(32));

describe('recovery codes', () => {
  it('are xxxxx-xxxxx in lowercase without look-alike characters and fit the contract', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateRecoveryCode();
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(code).not.toMatch(/[01ilo]/);
      expect(RecoveryCode.safeParse(code).success).toBe(true);
    }
  });

  it('a set holds 10 distinct codes, sealed for the member, with one digest each', () => {
    const set = createRecoveryCodeSet(box, 'mem_1');
    expect(set.codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(set.codes).size).toBe(RECOVERY_CODE_COUNT);
    expect(set.digests).toEqual(set.codes.map((code) => recoveryCodeDigest(box, code)));
    for (const code of set.codes) expect(set.sealed).not.toContain(code);
    expect(openRecoveryCodes(box, 'mem_1', set.sealed)).toEqual(set.codes);
    expect(() => openRecoveryCodes(box, 'mem_2', set.sealed)).toThrow();
  });

  it('normalises what members type', () => {
    expect(normalizeRecoveryCode('K7M2Q-X9HFD')).toBe('k7m2q-x9hfd');
    expect(normalizeRecoveryCode(' k7m2q x9hfd ')).toBe('k7m2q-x9hfd');
    expect(normalizeRecoveryCode('k7m2qx9hfd')).toBe('k7m2q-x9hfd');
    expect(normalizeRecoveryCode('k7m2q-x9hf')).toBeNull();
    expect(normalizeRecoveryCode('k7m2q-x9hf0')).toBeNull(); // 0 is never issued
    expect(normalizeRecoveryCode("k7m2q'x9hfd")).toBeNull();
  });

  it('digests differ between codes and between keys', () => {
    expect(recoveryCodeDigest(box, 'aaaaa-bbbbb')).not.toBe(recoveryCodeDigest(box, 'aaaaa-bbbbc'));
    expect(recoveryCodeDigest(createSecretBox(randomBytes(32)), 'aaaaa-bbbbb')).not.toBe(recoveryCodeDigest(box, 'aaaaa-bbbbb'));
  });
});
