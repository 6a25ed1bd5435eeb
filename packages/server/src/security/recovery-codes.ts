import { randomInt } from 'node:crypto';
import type { SecretBox } from './crypto.js';

/**
 * Recovery codes: 10 single-use codes such as `k7m2q-x9hfd`, drawn from lowercase letters and
 * digits without the look-alikes 0/o, 1/l/i (31 symbols, about 49 bits per code).
 *
 * Each set is stored twice: sealed as a whole (so the member can view the unused codes again
 * after re-authenticating) and as one keyed digest per code (to check a code at sign-in without
 * opening the set). Using a code marks its digest used; regenerating replaces the whole set.
 */
export const RECOVERY_CODE_COUNT = 10;
export const RECOVERY_CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const DIGEST_PURPOSE = 'recovery-code';

export function generateRecoveryCode(): string {
  let raw = '';
  for (let i = 0; i < 10; i++) raw += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** Canonical form of what a member typed (`K7M2Q X9HFD`, `k7m2qx9hfd`, …), or null when it cannot be a code. */
export function normalizeRecoveryCode(input: string): string | null {
  const raw = input.toLowerCase().replace(/[\s-]/g, '');
  if (raw.length !== 10) return null;
  for (const char of raw) if (!RECOVERY_CODE_ALPHABET.includes(char)) return null;
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

export interface RecoveryCodeSet {
  codes: string[];
  /** The whole set sealed for this member (open it with `openRecoveryCodes`). */
  sealed: string;
  /** One digest per code, same order as `codes`. */
  digests: string[];
}

function sealContext(memberId: string): string {
  return `recovery-codes:${memberId}`;
}

export function createRecoveryCodeSet(box: SecretBox, memberId: string): RecoveryCodeSet {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(generateRecoveryCode());
  const list = [...codes];
  return {
    codes: list,
    sealed: box.seal(JSON.stringify(list), sealContext(memberId)),
    digests: list.map((code) => recoveryCodeDigest(box, code)),
  };
}

export function openRecoveryCodes(box: SecretBox, memberId: string, sealed: string): string[] {
  const value: unknown = JSON.parse(box.open(sealed, sealContext(memberId)));
  if (!Array.isArray(value) || !value.every((code) => typeof code === 'string')) {
    throw new TypeError('Stored recovery codes are not a list of strings.');
  }
  return value;
}

/** Digest of a code in canonical form (call `normalizeRecoveryCode` first). */
export function recoveryCodeDigest(box: SecretBox, code: string): string {
  return box.digest(code, DIGEST_PURPOSE);
}
