import { generate } from 'lean-qr/nano';
import { describe, expect, it } from 'vitest';
import { loadQrEncoder, qrPath } from './qr-code.js';
import { groupSecret } from './totp-enrollment.js';

describe('qrPath', () => {
  it('draws exactly the dark modules of the code, one run of a row at a time', async () => {
    expect(await loadQrEncoder()).toBe(true);
    const text = 'otpauth://totp/BillingOne:engineer%40acme.test?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=BillingOne';
    const code = generate(text);
    const { size, d } = qrPath(text);
    expect(size).toBe(code.size);
    const drawn = new Set<string>();
    for (const [, x, y, width] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      for (let i = 0; i < Number(width); i++) drawn.add(`${Number(x) + i},${y}`);
    }
    expect(d.replace(/M(\d+) (\d+)h(\d+)v1h-\3z/g, '')).toBe('');
    const dark = new Set<string>();
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (code.get(x, y)) dark.add(`${x},${y}`);
    expect(drawn).toEqual(dark);
  });
});

describe('groupSecret', () => {
  it('groups a base32 key in fours for reading and typing', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('JBSWY3DPEHPK3PX')).toBe('JBSW Y3DP EHPK 3PX');
    expect(groupSecret(' JBSW Y3DP ')).toBe('JBSW Y3DP');
  });
});
