import { createSettingsClient, meEndpoints } from '@billingone/settings-core';
import { html } from 'lit';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BillingoneElement } from '../base/billingone-element.js';
import { defineElement } from '../base/define.js';
import { StoreController } from '../controllers/store-controller.js';
import { fixture, shadowQuery, until } from '../testing/fixture.js';
import { embedTokenFor, resetDemoData, signInAs, signOut } from '../testing/session.js';
import { storeView } from '../ui/status.js';
import type { BillingoneProvider } from './define.js';
import './define.js';

/** A minimal element that shows who is signed in, through whatever client it is given. */
class WhoAmI extends BillingoneElement {
  readonly me = new StoreController(this, () => this.stores?.resource(meEndpoints.get));
  protected override render() {
    return storeView((k, p) => this.t(k, p), this.me.state, (me) => html`<p class="who">${me.member.email} (${me.role})</p>`);
  }
}
defineElement('who-am-i', WhoAmI);

const who = (element: Element) => element.shadowRoot?.querySelector('.who')?.textContent ?? element.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim();

describe('<billingone-provider>', () => {
  beforeAll(async () => {
    await resetDemoData();
  });

  it('gives the sections inside a cookie-session client for the page origin by default', async () => {
    await signInAs('finance');
    const provider = await fixture<BillingoneProvider>(html`<billingone-provider><div><who-am-i></who-am-i></div></billingone-provider>`);
    const probe = provider.querySelector<WhoAmI>('who-am-i')!;
    await until(() => who(probe) === 'finance@acme.test (finance)');
    expect(probe.settingsClient).toBe(provider.settingsClient);
    expect(probe.stores).toBe(provider.stores);
    expect(provider.settingsClient!.baseUrl).toBe(location.origin);
    expect(getComputedStyle(provider).display).toBe('contents');
  });

  it('uses the client property when one is given, and shares it with nested providers', async () => {
    await signInAs('engineer');
    const client = createSettingsClient({ baseUrl: location.origin });
    const provider = await fixture<BillingoneProvider>(
      html`<billingone-provider .client=${client}><billingone-provider><who-am-i></who-am-i></billingone-provider></billingone-provider>`,
    );
    const probe = provider.querySelector<WhoAmI>('who-am-i')!;
    await until(() => who(probe) === 'engineer@acme.test (engineer)');
    expect(probe.settingsClient).toBe(client);
    expect(provider.querySelector<BillingoneProvider>('billingone-provider')!.stores).toBe(provider.stores);
  });

  it('talks bearer mode with getToken, without the cookie session', async () => {
    await signInAs('owner');
    const token = await embedTokenFor('viewer');
    const getToken = vi.fn(async () => token);
    const provider = await fixture<BillingoneProvider>(html`<billingone-provider base-url="/" .getToken=${getToken}><who-am-i></who-am-i></billingone-provider>`);
    const probe = provider.querySelector<WhoAmI>('who-am-i')!;
    await until(() => who(probe) === 'viewer@acme.test (viewer)');
    expect(getToken).toHaveBeenCalled();
  });

  it('shows the section error state when the member is not signed in', async () => {
    await signOut();
    const provider = await fixture<BillingoneProvider>(html`<billingone-provider><who-am-i></who-am-i></billingone-provider>`);
    const probe = provider.querySelector<WhoAmI>('who-am-i')!;
    await until(() => shadowQuery(probe, '[data-status="error"]'));
    expect(shadowQuery(probe, '[data-status="error"] p').textContent).toBe('Your session has ended. Sign in again to continue.');
  });

  it('reports an unusable base-url clearly', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const provider = await fixture<BillingoneProvider>(html`<billingone-provider base-url="ftp://files.example.com"></billingone-provider>`);
    expect(provider.settingsClient).toBeUndefined();
    expect(error).toHaveBeenCalledWith('<billingone-provider>: base-url must be an http(s) URL, got "ftp://files.example.com".');
    error.mockRestore();
  });

  it('hands its locale to the sections inside', async () => {
    await signInAs('viewer');
    const provider = await fixture<BillingoneProvider>(html`<billingone-provider locale="ar"><who-am-i></who-am-i></billingone-provider>`);
    const probe = provider.querySelector<WhoAmI>('who-am-i')!;
    await until(() => probe.getAttribute('dir') === 'rtl');
    expect(probe.localizer.locale).toBe('ar');
  });
});
