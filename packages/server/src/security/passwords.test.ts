import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from './passwords.js';

const fast = { logN: 10, r: 8, p: 1 };

describe('passwords', () => {
  it('hashes with a per-hash salt and encoded parameters, and verifies', async () => {
    const a = await hashPassword('billingone-demo', fast);
    const b = await hashPassword('billingone-demo', fast);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$[\w-]+\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('billingone-demo', a)).toBe(true);
    expect(await verifyPassword('billingone-demo', b)).toBe(true);
    expect(await verifyPassword('billingone-demO', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('uses the default parameters when none are given', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith('scrypt$15$8$1$')).toBe(true);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  });

  it('never matches a malformed or tampered stored hash', async () => {
    const hash = await hashPassword('secret-password', fast);
    expect(await verifyPassword('secret-password', 'plain')).toBe(false);
    expect(await verifyPassword('secret-password', hash.replace('scrypt$10', 'scrypt$40'))).toBe(false);
    const parts = hash.split('$');
    parts[5] = Buffer.alloc(32).toString('base64url');
    expect(await verifyPassword('secret-password', parts.join('$'))).toBe(false);
  });

  it('treats canonically equivalent Unicode passwords alike', async () => {
    const hash = await hashPassword('caf\u00e9-password', fast);
    expect(await verifyPassword('cafe\u0301-password', hash)).toBe(true);
  });

  it('tells when a hash needs re-hashing', async () => {
    expect(needsRehash(await hashPassword('x'.repeat(12), fast))).toBe(true);
    expect(needsRehash(await hashPassword('x'.repeat(12), fast), fast)).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
  });
});
