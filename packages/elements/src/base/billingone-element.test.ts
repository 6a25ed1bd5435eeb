import { createSettingsClient } from '@billingone/settings-core';
import { html } from 'lit';
import { describe, expect, it } from 'vitest';
import { loadLocale } from '../i18n/localize.js';
import { BillingoneSavedEvent } from '../events/saved.js';
import { fixture, recordEvents, shadowQuery, until } from '../testing/fixture.js';
import { BillingoneElement } from './billingone-element.js';
import { defineElement } from './define.js';

class BaseProbe extends BillingoneElement {
  static override properties = { label: { type: String } };
  declare label: string;

  constructor() {
    super();
    this.label = '';
  }

  protected override render() {
    return html`<p>${this.t('common.retry')}</p>`;
  }

  say(message: string) {
    this.announce(message);
  }

  async save() {
    this.label = 'saved';
    return this.emit(new BillingoneSavedEvent({ section: 'probe', resource: 'probe.label' }));
  }
}
defineElement('base-probe', BaseProbe);

const text = (probe: BaseProbe) => shadowQuery(probe, 'p').textContent;

describe('BillingoneElement', () => {
  it('takes its locale from the locale attribute, sets lang and dir, and loads the strings', async () => {
    const probe = await fixture<BaseProbe>(html`<base-probe locale="ar"></base-probe>`);
    await until(() => text(probe) === 'إعادة المحاولة');
    expect(probe.getAttribute('dir')).toBe('rtl');
    expect(probe.getAttribute('lang')).toBe('ar');
    expect(getComputedStyle(probe).direction).toBe('rtl');

    probe.locale = 'fr';
    await until(() => text(probe) === 'Réessayer');
    expect(probe.getAttribute('dir')).toBe('ltr');
  });

  it('falls back to the nearest lang attribute, then <html lang>', async () => {
    await loadLocale('fr');
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"><base-probe></base-probe></div>`);
    const probe = wrapper.querySelector<BaseProbe>('base-probe')!;
    await probe.updateComplete;
    expect(text(probe)).toBe('Réessayer');

    const before = document.documentElement.lang;
    try {
      const plain = await fixture<BaseProbe>(html`<base-probe></base-probe>`);
      document.documentElement.lang = 'ar';
      await until(() => text(plain) === 'إعادة المحاولة');
      expect(plain.getAttribute('dir')).toBe('rtl');
    } finally {
      document.documentElement.lang = before;
    }
  });

  it('announces results in a polite live region that re-renders never remove', async () => {
    const probe = await fixture<BaseProbe>(html`<base-probe></base-probe>`);
    probe.say('Invitation sent.');
    const region = shadowQuery(probe, '.billingone-live-region[aria-live="polite"]');
    await until(() => region.textContent === 'Invitation sent.');
    probe.label = 'changed';
    probe.locale = 'fr';
    await probe.updateComplete;
    expect(region.isConnected).toBe(true);
    probe.say('Invitation sent.');
    expect(region.textContent).toBe('');
    await until(() => region.textContent === 'Invitation sent.');
  });

  it('emits events after the update, bubbling and composed, with a typed payload', async () => {
    const probe = await fixture<BaseProbe>(html`<base-probe></base-probe>`);
    const events = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    let renderedBeforeEvent = '';
    probe.addEventListener('billingone-saved', () => (renderedBeforeEvent = probe.label), { once: true });
    const event = await probe.save();
    expect(events).toHaveLength(1);
    expect(events[0]).toBe(event);
    expect(event.detail).toEqual({ section: 'probe', resource: 'probe.label' });
    expect(event.bubbles && event.composed).toBe(true);
    expect(renderedBeforeEvent).toBe('saved');
  });

  it('shares one set of stores among elements given the same client', async () => {
    const client = createSettingsClient({ baseUrl: location.origin });
    const wrapper = await fixture<HTMLDivElement>(html`<div><base-probe .client=${client}></base-probe><base-probe .client=${client}></base-probe></div>`);
    const [a, b] = [...wrapper.querySelectorAll<BaseProbe>('base-probe')];
    expect(a!.settingsClient).toBe(client);
    expect(a!.stores).toBeDefined();
    expect(a!.stores).toBe(b!.stores);
  });

  it('keeps the first definition when a name is defined twice', () => {
    class Other extends BaseProbe {}
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      defineElement('base-probe', BaseProbe);
      defineElement('base-probe', Other);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('base-probe')).toBe(BaseProbe);
    expect(warnings).toEqual(['BillingOne settings: <base-probe> is already defined by another copy of the package; keeping the first definition.']);
  });
});
