import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { BillingoneElement } from '../base/billingone-element.js';
import { fixture } from '../testing/fixture.js';
import { darkTokens, defaultTokens, lightTokens, themeCss } from './tokens.js';

class ThemeProbe extends BillingoneElement {
  protected override render() {
    return html`<span class="probe">probe</span><slot></slot>`;
  }
}
customElements.define('theme-probe', ThemeProbe);

const token = (host: Element, name: string) => getComputedStyle(host.shadowRoot!.querySelector('.probe')!).getPropertyValue(name).trim();

describe('theme tokens', () => {
  it('resolve to the light defaults without any host stylesheet', async () => {
    const probe = await fixture<ThemeProbe>(html`<theme-probe></theme-probe>`);
    expect(token(probe, '--billingone-color-bg')).toBe(lightTokens['--billingone-color-bg']);
    expect(token(probe, '--billingone-space-lg')).toBe(defaultTokens['--billingone-space-lg']);
    expect(getComputedStyle(probe).color).toBe('rgb(15, 23, 42)');
  });

  it('switch to dark with theme="dark", and nested elements follow', async () => {
    const outer = await fixture<ThemeProbe>(html`<theme-probe theme="dark"><theme-probe></theme-probe></theme-probe>`);
    const inner = outer.querySelector<ThemeProbe>('theme-probe')!;
    await inner.updateComplete;
    expect(token(outer, '--billingone-color-bg')).toBe(darkTokens['--billingone-color-bg']);
    expect(token(inner, '--billingone-color-text')).toBe(darkTokens['--billingone-color-text']);
    expect(getComputedStyle(outer).colorScheme).toBe('dark');

    inner.theme = 'light';
    await inner.updateComplete;
    expect(token(inner, '--billingone-color-bg')).toBe(lightTokens['--billingone-color-bg']);
  });

  it('let the host page override tokens on :root and on the element', async () => {
    const style = document.createElement('style');
    style.textContent = ':root { --billingone-color-surface: #fafaf9; } theme-probe.custom { --billingone-color-bg: #fffbeb; }';
    document.head.append(style);
    try {
      const probe = await fixture<ThemeProbe>(html`<theme-probe class="custom" theme="dark"></theme-probe>`);
      // A rule on the element beats the theme; a :root value is a default the explicit theme replaces.
      expect(token(probe, '--billingone-color-bg')).toBe('#fffbeb');
      expect(token(probe, '--billingone-color-surface')).toBe(darkTokens['--billingone-color-surface']);
      probe.theme = undefined;
      await probe.updateComplete;
      expect(token(probe, '--billingone-color-surface')).toBe('#fafaf9');
    } finally {
      style.remove();
    }
  });

  it('keeps hostile global styles of the page out', async () => {
    const style = document.createElement('style');
    style.textContent = 'body { font-size: 40px; letter-spacing: 9px; text-transform: uppercase; color: red; } .probe, span { display: none !important; }';
    document.head.append(style);
    try {
      const probe = await fixture<ThemeProbe>(html`<theme-probe></theme-probe>`);
      const inner = probe.shadowRoot!.querySelector('.probe')!;
      const computed = getComputedStyle(inner);
      expect(computed.display).toBe('inline');
      expect(computed.fontSize).toBe('16px');
      expect(computed.letterSpacing).toBe('normal');
      expect(computed.textTransform).toBe('none');
      expect(computed.color).toBe('rgb(15, 23, 42)');
    } finally {
      style.remove();
    }
  });

  it('writes the host stylesheet with every token', () => {
    const text = themeCss();
    for (const [name, value] of Object.entries(defaultTokens)) expect(text).toContain(`${name}: ${value};`);
    expect(text).toContain('.billingone-theme-dark {');
    expect(text).toContain('@media (prefers-color-scheme: dark)');
  });
});
