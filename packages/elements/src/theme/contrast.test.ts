import { describe, expect, it } from 'vitest';
import { accessibleForeground, AA_TEXT, contrastRatio, parseHex, relativeLuminance } from './contrast.js';
import { darkTokens, lightTokens } from './tokens.js';

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // #767676 is the classic lightest grey that passes AA on white; #777777 fails.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
    expect(contrastRatio('#1d4ed8', '#fff')).toBeCloseTo(contrastRatio('#fff', '#1d4ed8'), 10);
  });

  it('parses short and long hex colours and rejects anything else clearly', () => {
    expect(parseHex('#0af')).toEqual([0, 170, 255]);
    expect(parseHex('#1D4ED8')).toEqual([29, 78, 216]);
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(() => parseHex('blue')).toThrow('Expected a hex colour such as #1d4ed8, got "blue".');
    expect(() => parseHex('#12345')).toThrow(TypeError);
  });

  it('picks a foreground with at least 4.5:1 for every background', () => {
    for (let r = 0; r < 256; r += 17) {
      for (let g = 0; g < 256; g += 17) {
        for (let b = 0; b < 256; b += 17) {
          const background = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
          expect(contrastRatio(background, accessibleForeground(background)), background).toBeGreaterThanOrEqual(AA_TEXT);
        }
      }
    }
    expect(accessibleForeground('#1d4ed8')).toBe('#ffffff');
    expect(accessibleForeground('#fde047')).toBe('#0f172a');
  });

  describe.each([
    ['light', lightTokens],
    ['dark', darkTokens],
  ] as const)('the %s theme', (_name, tokens) => {
    const pairs: [string, string, number][] = [
      ['--billingone-color-text', '--billingone-color-bg', 4.5],
      ['--billingone-color-text', '--billingone-color-surface', 4.5],
      ['--billingone-color-muted', '--billingone-color-bg', 4.5],
      ['--billingone-color-muted', '--billingone-color-surface', 4.5],
      ['--billingone-color-link', '--billingone-color-bg', 4.5],
      ['--billingone-color-link', '--billingone-color-primary-soft', 4.5],
      ['--billingone-color-text', '--billingone-color-primary-soft', 4.5],
      ['--billingone-color-primary-fg', '--billingone-color-primary', 4.5],
      ['--billingone-color-accent-fg', '--billingone-color-accent', 4.5],
      ['--billingone-color-danger-fg', '--billingone-color-danger', 4.5],
      ['--billingone-color-danger', '--billingone-color-bg', 4.5],
      ['--billingone-color-danger', '--billingone-color-danger-soft', 4.5],
      ['--billingone-color-success', '--billingone-color-success-soft', 4.5],
      ['--billingone-color-warning', '--billingone-color-warning-soft', 4.5],
      ['--billingone-color-success', '--billingone-color-bg', 4.5],
      ['--billingone-color-warning', '--billingone-color-bg', 4.5],
      // Non-text contrast (WCAG 1.4.11): input borders and the focus ring.
      ['--billingone-color-input-border', '--billingone-color-bg', 3],
      ['--billingone-color-focus-ring', '--billingone-color-bg', 3],
    ];
    it.each(pairs)('%s on %s passes', (fg, bg, min) => {
      const ratio = contrastRatio(tokens[fg as keyof typeof tokens], tokens[bg as keyof typeof tokens]);
      expect(ratio).toBeGreaterThanOrEqual(min);
    });
  });
});
