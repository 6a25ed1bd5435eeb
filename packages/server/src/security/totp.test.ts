import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { base32Decode, hotp, totpCodeAt } from './testing/totp-code.js';
import { createTotpSecret, totpTimeStep, totpUri, verifyTotp } from './totp.js';

// RFC 6238 Appendix B: SHA-1, seed "12345678901234567890", 8 digits, 30 s steps.
const rfcSeed = new TextEncoder().encode('12345678901234567890');
const rfcVectors: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('RFC 6238 test vectors', () => {
  it.each(rfcVectors)('at T=%i the library and the independent HMAC both give %s', async (seconds, expected) => {
    expect(hotp(rfcSeed, Math.floor(seconds / 30), 8)).toBe(expected);
    expect(await generate({ secret: rfcSeed, epoch: seconds, digits: 8, algorithm: 'sha1', period: 30 })).toBe(expected);
  });

  it('RFC 4226 Appendix D HOTP values match the independent implementation', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, counter) => hotp(rfcSeed, counter))).toEqual(expected);
  });
});

describe('createTotpSecret and totpUri', () => {
  it('makes 160-bit base32 secrets', () => {
    const secret = createTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(createTotpSecret()).not.toBe(secret);
  });

  it('builds an otpauth URI with issuer BillingOne and the member email', () => {
    const uri = new URL(totpUri('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'owner@acme.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/BillingOne:owner@acme.test');
    expect(uri.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(uri.searchParams.get('issuer')).toBe('BillingOne');
    expect(uri.searchParams.get('digits') ?? '6').toBe('6');
    expect(uri.searchParams.get('period') ?? '30').toBe('30');
  });
});

describe('verifyTotp', () => {
  const secret = createTotpSecret();
  const at = new Date('2026-11-24T09:00:10Z'); // 10 s into a step
  const step = totpTimeStep(at);

  it('accepts the current code and reports its time step', async () => {
    expect(await verifyTotp({ secret, code: totpCodeAt(secret, at), at, lastUsedStep: null })).toEqual({ ok: true, timeStep: step });
  });

  it('accepts the previous and next step, not two steps away', async () => {
    const prev = totpCodeAt(secret, at.getTime() / 1000 - 30);
    const next = totpCodeAt(secret, at.getTime() / 1000 + 30);
    const twoBack = totpCodeAt(secret, at.getTime() / 1000 - 60);
    const twoAhead = totpCodeAt(secret, at.getTime() / 1000 + 60);
    expect(await verifyTotp({ secret, code: prev, at, lastUsedStep: null })).toEqual({ ok: true, timeStep: step - 1 });
    expect(await verifyTotp({ secret, code: next, at, lastUsedStep: null })).toEqual({ ok: true, timeStep: step + 1 });
    expect(await verifyTotp({ secret, code: twoBack, at, lastUsedStep: null })).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyTotp({ secret, code: twoAhead, at, lastUsedStep: null })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('is exact at step boundaries', async () => {
    const boundary = new Date(Math.ceil(at.getTime() / 30_000) * 30_000); // first instant of step + 1
    const codeOfStepMinus1 = totpCodeAt(secret, (boundary.getTime() - 60_000) / 1000);
    // At the boundary, the step two back is out of the window; one millisecond earlier it is just in.
    expect((await verifyTotp({ secret, code: codeOfStepMinus1, at: boundary, lastUsedStep: null })).ok).toBe(false);
    expect((await verifyTotp({ secret, code: codeOfStepMinus1, at: new Date(boundary.getTime() - 1000), lastUsedStep: null })).ok).toBe(true);
  });

  it('refuses the same code twice and older codes after a newer one', async () => {
    const code = totpCodeAt(secret, at);
    const first = await verifyTotp({ secret, code, at, lastUsedStep: null });
    expect(first.ok).toBe(true);
    const lastUsedStep = first.ok ? first.timeStep : null;
    expect(await verifyTotp({ secret, code, at, lastUsedStep })).toEqual({ ok: false, reason: 'replayed' });
    const prev = totpCodeAt(secret, at.getTime() / 1000 - 30);
    expect(await verifyTotp({ secret, code: prev, at, lastUsedStep })).toEqual({ ok: false, reason: 'replayed' });
    const next = totpCodeAt(secret, at.getTime() / 1000 + 30);
    expect(await verifyTotp({ secret, code: next, at, lastUsedStep })).toEqual({ ok: true, timeStep: step + 1 });
  });

  it('refuses wrong, malformed and other-secret codes', async () => {
    const good = totpCodeAt(secret, at);
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    expect((await verifyTotp({ secret, code: wrong, at, lastUsedStep: null })).ok).toBe(false);
    expect((await verifyTotp({ secret, code: '12345', at, lastUsedStep: null })).ok).toBe(false);
    expect((await verifyTotp({ secret, code: 'abcdef', at, lastUsedStep: null })).ok).toBe(false);
    expect((await verifyTotp({ secret: createTotpSecret(), code: good, at, lastUsedStep: null })).ok).toBe(false);
  });

  it('tolerates surrounding spaces', async () => {
    expect((await verifyTotp({ secret, code: ` ${totpCodeAt(secret, at)} `, at, lastUsedStep: null })).ok).toBe(true);
  });
});
