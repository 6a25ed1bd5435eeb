/** WCAG 2.x contrast helpers for hex colours. */

const hexPattern = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Whether a string is a `#rgb` or `#rrggbb` colour. */
export function isHexColor(value: string): boolean {
  return hexPattern.test(value);
}

/** `[r, g, b]` (0–255) of a `#rgb` or `#rrggbb` colour. */
export function parseHex(hex: string): [number, number, number] {
  if (typeof hex !== 'string' || !hexPattern.test(hex)) {
    throw new TypeError(`Expected a hex colour such as #1d4ed8, got ${JSON.stringify(hex)}.`);
  }
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance (0 for black, 1 for white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of two colours, from 1 (same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG AA for normal text. */
export const AA_TEXT = 4.5;

const light = '#ffffff';
const dark = '#0f172a';
const black = '#000000';

/**
 * A text colour for `background` with a contrast of at least 4.5:1 (WCAG AA): white when it passes,
 * otherwise a near-black slate, otherwise black (one of white or black always passes).
 */
export function accessibleForeground(background: string): string {
  if (contrastRatio(background, light) >= AA_TEXT) return light;
  if (contrastRatio(background, dark) >= AA_TEXT) return dark;
  return black;
}
