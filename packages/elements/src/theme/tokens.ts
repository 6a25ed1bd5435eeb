import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * The global semantic tokens (`--billingone-*`). Every element reads them; none declares them for
 * the light theme, so a host can set any of them on `:root`, on an ancestor or on the element.
 *
 * Defaults: each token is registered (`CSS.registerProperty`, inheriting) with its light value as the
 * initial value, so elements work without any stylesheet from the host. `theme="dark"` (or
 * `theme="auto"` under `prefers-color-scheme: dark`) declares the dark values on the element, and its
 * descendants inherit them. A host rule that targets the element itself always wins over the theme.
 */
export const lightTokens = {
  '--billingone-color-bg': '#ffffff',
  '--billingone-color-surface': '#f8fafc',
  '--billingone-color-surface-raised': '#ffffff',
  '--billingone-color-text': '#0f172a',
  '--billingone-color-muted': '#475569',
  '--billingone-color-border': '#e2e8f0',
  '--billingone-color-input-border': '#64748b',
  '--billingone-color-primary': '#1d4ed8',
  '--billingone-color-primary-fg': '#ffffff',
  '--billingone-color-primary-soft': '#eff6ff',
  '--billingone-color-accent': '#0f766e',
  '--billingone-color-accent-fg': '#ffffff',
  '--billingone-color-link': '#1d4ed8',
  '--billingone-color-danger': '#b91c1c',
  '--billingone-color-danger-fg': '#ffffff',
  '--billingone-color-danger-soft': '#fef2f2',
  '--billingone-color-success': '#15803d',
  '--billingone-color-success-soft': '#f0fdf4',
  '--billingone-color-warning': '#a16207',
  '--billingone-color-warning-soft': '#fefce8',
  '--billingone-color-focus-ring': '#2563eb',
  '--billingone-color-overlay': 'rgb(15 23 42 / 0.55)',
  '--billingone-shadow-sm': '0 1px 2px rgb(15 23 42 / 0.08)',
  '--billingone-shadow-md': '0 4px 12px rgb(15 23 42 / 0.12)',
  '--billingone-shadow-lg': '0 16px 40px rgb(15 23 42 / 0.22)',
} as const;

/** Dark values of the colour and shadow tokens (same names as {@link lightTokens}). */
export const darkTokens: Record<keyof typeof lightTokens, string> = {
  '--billingone-color-bg': '#0f172a',
  '--billingone-color-surface': '#1e293b',
  '--billingone-color-surface-raised': '#1e293b',
  '--billingone-color-text': '#f1f5f9',
  '--billingone-color-muted': '#cbd5e1',
  '--billingone-color-border': '#334155',
  '--billingone-color-input-border': '#94a3b8',
  '--billingone-color-primary': '#93c5fd',
  '--billingone-color-primary-fg': '#0f172a',
  '--billingone-color-primary-soft': '#172554',
  '--billingone-color-accent': '#5eead4',
  '--billingone-color-accent-fg': '#0f172a',
  '--billingone-color-link': '#93c5fd',
  '--billingone-color-danger': '#fca5a5',
  '--billingone-color-danger-fg': '#0f172a',
  '--billingone-color-danger-soft': '#450a0a',
  '--billingone-color-success': '#86efac',
  '--billingone-color-success-soft': '#052e16',
  '--billingone-color-warning': '#fcd34d',
  '--billingone-color-warning-soft': '#422006',
  '--billingone-color-focus-ring': '#93c5fd',
  '--billingone-color-overlay': 'rgb(2 6 23 / 0.7)',
  '--billingone-shadow-sm': '0 1px 2px rgb(0 0 0 / 0.4)',
  '--billingone-shadow-md': '0 4px 12px rgb(0 0 0 / 0.45)',
  '--billingone-shadow-lg': '0 16px 40px rgb(0 0 0 / 0.6)',
};

/** Tokens that do not change with the theme: type, spacing, radii, sizes, motion. */
export const scaleTokens = {
  '--billingone-font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif",
  '--billingone-font-family-mono': "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
  '--billingone-font-size-xs': '0.75rem',
  '--billingone-font-size-sm': '0.875rem',
  '--billingone-font-size-md': '1rem',
  '--billingone-font-size-lg': '1.125rem',
  '--billingone-font-size-xl': '1.375rem',
  '--billingone-font-weight-normal': '400',
  '--billingone-font-weight-medium': '500',
  '--billingone-font-weight-bold': '650',
  '--billingone-line-height': '1.5',
  '--billingone-line-height-tight': '1.25',
  '--billingone-space-2xs': '0.125rem',
  '--billingone-space-xs': '0.25rem',
  '--billingone-space-sm': '0.5rem',
  '--billingone-space-md': '0.75rem',
  '--billingone-space-lg': '1rem',
  '--billingone-space-xl': '1.5rem',
  '--billingone-space-2xl': '2rem',
  '--billingone-radius-sm': '0.25rem',
  '--billingone-radius-md': '0.5rem',
  '--billingone-radius-lg': '0.75rem',
  '--billingone-radius-full': '9999px',
  '--billingone-border-width': '1px',
  '--billingone-focus-ring-width': '2px',
  '--billingone-control-height': '2.5rem',
  '--billingone-content-max-width': '48rem',
  '--billingone-sidebar-width': '15rem',
  '--billingone-dialog-width': '32rem',
  '--billingone-duration': '150ms',
} as const;

export type TokenName = keyof typeof lightTokens | keyof typeof scaleTokens;

/** Every token with its default (light) value. */
export const defaultTokens: Readonly<Record<TokenName, string>> = { ...lightTokens, ...scaleTokens };

/** `name: value;` lines for a record of tokens. */
export function declarations(tokens: Readonly<Record<string, string>>): string {
  return Object.entries(tokens)
    .map(([name, value]) => `${name}: ${value};`)
    .join('\n');
}

let registered = false;

/**
 * Registers every token as an inheriting custom property whose initial value is its default, once
 * per document. Safe to call many times and next to another copy of this package (a name registered
 * already is left as it is).
 */
export function registerTokens(): void {
  if (registered || typeof CSS === 'undefined' || typeof CSS.registerProperty !== 'function') return;
  registered = true;
  for (const [name, initialValue] of Object.entries(defaultTokens)) {
    try {
      CSS.registerProperty({ name, syntax: '*', inherits: true, initialValue });
    } catch {
      // Already registered (another copy of the package, or the host): keep that registration.
    }
  }
}

const dark = unsafeCSS(declarations(darkTokens));
const light = unsafeCSS(declarations(lightTokens));

/**
 * The theme switch every element carries: `theme="dark"`, `theme="light"` (to force light inside a
 * dark area) and `theme="auto"` (follows `prefers-color-scheme`).
 */
export const themeStyles: CSSResult = css`
  :host([theme='light']) {
    color-scheme: light;
    ${light}
  }
  :host([theme='dark']) {
    color-scheme: dark;
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      color-scheme: dark;
      ${dark}
    }
  }
`;

/** Below this width of the `<billingone-settings>` container, the sidebar collapses into a menu button. */
export const shellCollapseWidth = unsafeCSS('44rem');

/** The global tokens as a stylesheet for host pages (`dist/theme.css`): light on `:root`, dark by class or media. */
export function themeCss(): string {
  const block = (selector: string, tokens: Readonly<Record<string, string>>) =>
    `${selector} {\n${declarations(tokens).replace(/^/gm, '  ')}\n}`;
  return [
    '/* BillingOne Settings: global design tokens. Override any of them on :root or on an element. */',
    block(':root', defaultTokens),
    block('.billingone-theme-dark', darkTokens),
    `@media (prefers-color-scheme: dark) {\n${block('.billingone-theme-auto', darkTokens).replace(/^/gm, '  ')}\n}`,
    '',
  ].join('\n');
}
