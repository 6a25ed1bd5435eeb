import { describe, expect, it } from 'vitest';
import { Authenticator, base32Decode, hotp, timeStep, totpCode } from './totp.js';

// The RFC's shared secret "12345678901234567890" (ASCII), and its base32 form.
const rfcKey = Buffer.from('12345678901234567890', 'ascii');
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('the end-to-end tests’ authenticator', () => {
  it('decodes base32 setup keys as apps do (spaces, lower case, padding)', () => {
    expect(base32Decode(rfcSecret)).toEqual(rfcKey);
    expect(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq')).toEqual(rfcKey);
    expect(base32Decode('MZXW6===')).toEqual(Buffer.from('foo'));
    expect(() => base32Decode('GEZD1')).toThrow('"1" is not a base32 character');
  });

  it('matches the HOTP values of RFC 4226, appendix D', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, counter) => hotp(rfcKey, counter))).toEqual(expected);
  });

  it('matches the SHA-1 TOTP values of RFC 6238, appendix B', () => {
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [seconds, code] of vectors) expect(hotp(rfcKey, timeStep(seconds * 1000), 8)).toBe(code);
    expect(totpCode(rfcSecret, timeStep(59_000))).toBe('287082');
  });

  it('never hands out the same time step twice, and takes the next step rather than waiting', async () => {
    const app = new Authenticator(rfcSecret);
    const before = timeStep(Date.now());
    const first = await app.nextCode();
    const second = await app.nextCode();
    const steps = [before, before + 1, before + 2].map((step) => totpCode(rfcSecret, step));
    expect(steps.slice(0, 2)).toContain(first);
    expect(steps.indexOf(second)).toBe(steps.indexOf(first) + 1);
  });
});
