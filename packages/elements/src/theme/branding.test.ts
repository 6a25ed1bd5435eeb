import { html, LitElement } from 'lit';
import { describe, expect, it } from 'vitest';
import { fixture } from '../testing/fixture.js';
import { applyBranding, brandingCss, brandingTokens } from './branding.js';
import { contrastRatio } from './contrast.js';
import { registerTokens } from './tokens.js';

class BrandingProbe extends LitElement {
  override render() {
    return html`<span class="probe">probe</span>`;
  }
}
customElements.define('branding-probe', BrandingProbe);

const tokenOf = (host: HTMLElement, name: string) => getComputedStyle(host.shadowRoot!.querySelector('.probe')!).getPropertyValue(name).trim();

describe('branding tokens', () => {
  it('derives accessible foregrounds from the organization colours', () => {
    const tokens = brandingTokens({ primaryColor: '#FDE047', accentColor: '#1e3a8a' });
    expect(tokens).toEqual({
      '--billingone-brand-primary': '#fde047',
      '--billingone-brand-primary-fg': '#0f172a',
      '--billingone-color-primary': '#fde047',
      '--billingone-color-primary-fg': '#0f172a',
      '--billingone-brand-accent': '#1e3a8a',
      '--billingone-brand-accent-fg': '#ffffff',
      '--billingone-color-accent': '#1e3a8a',
      '--billingone-color-accent-fg': '#ffffff',
    });
    expect(contrastRatio(tokens['--billingone-color-primary']!, tokens['--billingone-color-primary-fg']!)).toBeGreaterThanOrEqual(4.5);
  });

  it('leaves out colours that are not set and refuses colours that are not hex', () => {
    expect(brandingTokens({ primaryColor: null, accentColor: null })).toEqual({});
    expect(brandingTokens(undefined)).toEqual({});
    expect(Object.keys(brandingTokens({ primaryColor: '#123456' }))).not.toContain('--billingone-color-accent');
    expect(() => brandingTokens({ primaryColor: 'red' })).toThrow('Branding primaryColor must be a hex colour such as #1d4ed8, got "red".');
    expect(() => brandingTokens({ accentColor: 'url(x)' })).toThrow(TypeError);
    expect(brandingCss({})).toBe('');
  });

  it('applies the colours inside the element and lets a host rule on the element win', async () => {
    registerTokens();
    const host = await fixture<BrandingProbe>(html`<branding-probe></branding-probe>`);
    expect(tokenOf(host, '--billingone-color-primary')).toBe('#1d4ed8');

    applyBranding(host, { primaryColor: '#7c3aed', accentColor: null });
    expect(tokenOf(host, '--billingone-color-primary')).toBe('#7c3aed');
    expect(tokenOf(host, '--billingone-color-primary-fg')).toBe('#ffffff');
    expect(tokenOf(host, '--billingone-brand-primary')).toBe('#7c3aed');

    const style = document.createElement('style');
    style.textContent = 'branding-probe { --billingone-color-primary: #be123c; }';
    document.head.append(style);
    try {
      expect(tokenOf(host, '--billingone-color-primary')).toBe('#be123c');
      // The brand value stays available to hosts that want it.
      expect(tokenOf(host, '--billingone-brand-primary')).toBe('#7c3aed');
    } finally {
      style.remove();
    }

    applyBranding(host, { primaryColor: null, accentColor: null });
    expect(tokenOf(host, '--billingone-color-primary')).toBe('#1d4ed8');
  });

  it('wins over the dark theme of the element', async () => {
    registerTokens();
    const host = await fixture<BrandingProbe>(html`<branding-probe theme="dark"></branding-probe>`);
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(":host([theme='dark']) { --billingone-color-primary: #93c5fd; }");
    host.shadowRoot!.adoptedStyleSheets = [...host.shadowRoot!.adoptedStyleSheets, sheet];
    expect(tokenOf(host, '--billingone-color-primary')).toBe('#93c5fd');
    applyBranding(host, { primaryColor: '#047857' });
    expect(tokenOf(host, '--billingone-color-primary')).toBe('#047857');
  });

  it('needs a shadow root', () => {
    expect(() => applyBranding(document.createElement('div'), { primaryColor: '#000000' })).toThrow('applyBranding needs an element with a shadow root, got <div>.');
  });
});
