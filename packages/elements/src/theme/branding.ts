import { accessibleForeground, isHexColor } from './contrast.js';

/** The organization branding the shell applies (from `/me` or `/branding`). */
export interface BrandingColors {
  readonly primaryColor?: string | null;
  readonly accentColor?: string | null;
}

function checked(value: string, field: string): string {
  if (!isHexColor(value)) throw new TypeError(`Branding ${field} must be a hex colour such as #1d4ed8, got ${JSON.stringify(value)}.`);
  return value.toLowerCase();
}

/**
 * Token declarations for an organization's colours: the brand values (`--billingone-brand-*`) and
 * the semantic tokens they drive (`--billingone-color-primary`, `-primary-fg`, `-accent`,
 * `-accent-fg`), each foreground chosen for a 4.5:1 contrast. Colours that are not set are left out.
 */
export function brandingTokens(branding: BrandingColors | null | undefined): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const name of ['primary', 'accent'] as const) {
    const field = `${name}Color` as const;
    const value = branding?.[field];
    if (!value) continue;
    const colour = checked(value, field);
    const fg = accessibleForeground(colour);
    Object.assign(tokens, {
      [`--billingone-brand-${name}`]: colour,
      [`--billingone-brand-${name}-fg`]: fg,
      [`--billingone-color-${name}`]: colour,
      [`--billingone-color-${name}-fg`]: fg,
    });
  }
  return tokens;
}

/**
 * A stylesheet text declaring the branding tokens on the element. It is written for the element's own
 * shadow root, so a host rule targeting the element (e.g. `billingone-settings { --billingone-color-primary: … }`)
 * still wins over the organization's branding.
 */
export function brandingCss(tokens: Readonly<Record<string, string>>): string {
  const body = Object.entries(tokens)
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');
  return body ? `:host, :host([theme]) { ${body} }` : '';
}

const sheets = new WeakMap<ShadowRoot, CSSStyleSheet>();

/**
 * Applies (or, with no colours, removes) an organization's branding on an element with an open shadow
 * root, through a constructed stylesheet (allowed by a strict Content-Security-Policy).
 */
export function applyBranding(element: HTMLElement, branding: BrandingColors | null | undefined): void {
  const root = element.shadowRoot;
  if (!root) throw new Error(`applyBranding needs an element with a shadow root, got <${element.localName}>.`);
  const text = brandingCss(brandingTokens(branding));
  let sheet = sheets.get(root);
  if (!sheet) {
    if (!text) return;
    sheet = new CSSStyleSheet();
    sheets.set(root, sheet);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(text);
}
