import { createSettingsClient, type SettingsClient } from '@billingone/settings-core';
import { html } from 'lit';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { BillingoneSavedEvent } from '../events/saved.js';
import { apiCall } from '../testing/api.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { fixture, recordEvents, shadowQuery, shadowQueryAll, until, visibleText } from '../testing/fixture.js';
import { announced, answerConfirm, openDialog, typeInto } from '../testing/interact.js';
import { queryDemoDatabase, resetDemoData, signInAs, signOut } from '../testing/session.js';
import { enrolTotp } from '../testing/totp.js';
import './define.js';
import type { BillingoneOrganization } from './organization.js';

/** A client that also records the paths it requests. */
function newClient(requests: string[] = []): SettingsClient {
  return createSettingsClient({
    baseUrl: location.origin,
    retry: { limit: 0 },
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
      requests.push(`${url.pathname}${url.search}`);
      return fetch(input, init);
    },
  });
}

async function renderOrganization(client = newClient()): Promise<BillingoneOrganization> {
  const element = await fixture<BillingoneOrganization>(html`<billingone-organization locale="en" .client=${client}></billingone-organization>`);
  await until(() => element.shadowRoot!.querySelector('#name') ?? element.shadowRoot!.querySelector('[data-status="forbidden"]'));
  return element;
}

const input = (element: BillingoneOrganization, id: string) => shadowQuery<HTMLInputElement>(element, `#${id}`);
const errorOf = (element: BillingoneOrganization, id: string) => element.shadowRoot!.querySelector(`#${id}-error`)?.textContent?.trim();
const slugStatus = (element: BillingoneOrganization) => shadowQuery(element, '.slug-status');
const saveGeneral = (element: BillingoneOrganization) => shadowQuery<HTMLButtonElement>(element, 'form[aria-labelledby="general-title"] button[type="submit"]').click();
const serverOrganization = async () => (await apiCall('GET', '/organization')).body;

beforeEach(async () => {
  await resetDemoData();
});

describe('<billingone-organization> as an Owner', () => {
  beforeEach(async () => {
    await signInAs('owner');
  });

  it('shows the name, URL, policy, embedding origins and ID, accessibly', async () => {
    const element = await renderOrganization();
    const organization = await serverOrganization();
    expect(input(element, 'name').value).toBe('Acme MSP');
    expect(input(element, 'slug').value).toBe('acme');
    expect(input(element, 'require-mfa').checked).toBe(false);
    expect(input(element, 'require-mfa').getAttribute('role')).toBe('switch');
    expect(shadowQuery(element, '#organization-id').textContent).toBe(organization.id);
    expect(shadowQueryAll(element, '.origin .mono').map((item) => item.textContent)).toEqual(organization.embedOrigins);
    expect(element.shadowRoot!.querySelector('[data-slug-warning]')).toBeNull();
    await expectAccessibleInThemes(element);
  });

  it('renames the organization, fires billingone-saved, and a reload shows the new name', async () => {
    const element = await renderOrganization();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    typeInto(input(element, 'name'), 'Acme Managed Services');
    saveGeneral(element);
    await until(() => saved.length === 1);
    expect(saved[0]!.detail).toEqual({ section: 'organization', resource: 'organization' });
    await until(() => announced(element) === 'The organization was saved.');
    expect(visibleText(shadowQuery(element, '.saved-note'))).toBe('The organization was saved.');
    typeInto(input(element, 'name'), 'Acme Managed Services Ltd');
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('.saved-note')).toBeNull();
    expect((await serverOrganization()).name).toBe('Acme Managed Services');
    const reloaded = await renderOrganization();
    expect(input(reloaded, 'name').value).toBe('Acme Managed Services');
  });

  it('checks the availability of a new URL once typing pauses, and warns that links change', async () => {
    const requests: string[] = [];
    const element = await renderOrganization(newClient(requests));
    for (const partial of ['a', 'ac', 'acm', 'acme-', 'acme-group']) typeInto(input(element, 'slug'), partial);
    await element.updateComplete;
    expect(shadowQuery(element, '[data-slug-warning]').textContent).toContain('existing links and bookmarks');
    await until(() => visibleText(slugStatus(element)) === '✓ acme-group is available.');
    expect(slugStatus(element).getAttribute('role')).toBe('status');
    expect(requests.filter((path) => path.startsWith('/v1/organization/slug-availability'))).toEqual([
      '/v1/organization/slug-availability?slug=acme-group',
    ]);

    typeInto(input(element, 'slug'), 'admin');
    await until(() => visibleText(slugStatus(element)) === 'This URL is reserved. Choose another.');
    typeInto(input(element, 'slug'), 'Not Valid');
    await element.updateComplete;
    expect(visibleText(slugStatus(element))).toBe('Use lowercase letters, digits and single hyphens, not at the start or end.');
    expect(requests.filter((path) => path.includes('slug=Not'))).toEqual([]);
    typeInto(input(element, 'slug'), 'acme');
    await element.updateComplete;
    expect(visibleText(slugStatus(element))).toBe('');
    expect(element.shadowRoot!.querySelector('[data-slug-warning]')).toBeNull();
  });

  it('shows a taken URL as it is typed and, when saved anyway, inline on the field with the input kept', async () => {
    await queryDemoDatabase(
      "INSERT INTO organizations (id, name, slug, branding_updated_at, created_at, updated_at) VALUES ('org_northwind', 'Northwind IT', 'northwind', now(), now(), now())",
    );
    const element = await renderOrganization();
    const saved = recordEvents(document, 'billingone-saved');
    typeInto(input(element, 'slug'), 'northwind');
    await until(() => visibleText(slugStatus(element)) === 'This URL is already taken. Choose another.');
    saveGeneral(element);
    await until(() => errorOf(element, 'slug') === 'This URL is already taken. Choose another.');
    const slug = input(element, 'slug');
    expect(slug.getAttribute('aria-invalid')).toBe('true');
    expect(slug.getAttribute('aria-describedby')).toContain('slug-error');
    expect(slug.value).toBe('northwind');
    expect(saved).toHaveLength(0);
    expect((await serverOrganization()).slug).toBe('acme');

    typeInto(slug, 'northwind-acme');
    saveGeneral(element);
    await until(() => saved.length === 1);
    expect((await serverOrganization()).slug).toBe('northwind-acme');
  });

  it('keeps what was typed when the organization changed elsewhere (stale ETag), then saves it', async () => {
    const element = await renderOrganization();
    const saved = recordEvents(document, 'billingone-saved');
    const elsewhere = await apiCall('PATCH', '/organization', { body: { slug: 'acme-msp' }, headers: { 'if-match': '*' } });
    expect(elsewhere.status).toBe(200);
    typeInto(input(element, 'name'), 'Acme Cloud');
    saveGeneral(element);
    await until(() => element.shadowRoot!.querySelector('.notice'));
    expect(shadowQuery(element, '.notice').textContent).toContain('Someone else changed the organization');
    await until(() => input(element, 'slug').value === 'acme-msp');
    expect(input(element, 'name').value).toBe('Acme Cloud');
    expect(saved).toHaveLength(0);

    saveGeneral(element);
    await until(() => saved.length === 1);
    expect(await serverOrganization()).toMatchObject({ name: 'Acme Cloud', slug: 'acme-msp' });
  });

  it('turns the MFA policy on after a confirmation, once the owner has MFA', async () => {
    const element = await renderOrganization();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    const toggle = input(element, 'require-mfa');
    toggle.click();
    await until(() => element.shadowRoot!.querySelector('dialog[open]'));
    expect(visibleText(openDialog(element))).toContain('will have to enrol');
    expect(toggle.checked).toBe(false);
    await answerConfirm(element, 'cancel');
    expect(toggle.checked).toBe(false);

    toggle.click();
    await until(() => element.shadowRoot!.querySelector('dialog[open]'));
    await answerConfirm(element, 'confirm');
    await until(() => errorOf(element, 'require-mfa') === 'Set up two-factor authentication for yourself (in Security) before requiring it for everyone.');
    expect(toggle.checked).toBe(false);
    expect(toggle.getAttribute('aria-describedby')).toContain('require-mfa-error');

    await enrolTotp();
    toggle.click();
    await until(() => element.shadowRoot!.querySelector('dialog[open]'));
    await answerConfirm(element, 'confirm');
    await until(() => saved.length === 1);
    expect(saved[0]!.detail).toEqual({ section: 'organization', resource: 'mfa-policy' });
    await until(() => toggle.checked);
    expect(errorOf(element, 'require-mfa')).toBeUndefined();
    await until(() => announced(element) === 'Two-factor authentication is now required for all team members.');
    expect((await serverOrganization()).requireMfa).toBe(true);

    toggle.click();
    await until(() => saved.length === 2);
    expect(element.shadowRoot!.querySelector('dialog[open]')).toBeNull();
    expect((await serverOrganization()).requireMfa).toBe(false);
  });

  it('adds a validated embedding origin and removes one after a confirmation', async () => {
    const element = await renderOrganization();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    const before: string[] = (await serverOrganization()).embedOrigins;
    const addForm = shadowQuery<HTMLFormElement>(element, 'form.origin-add');
    typeInto(input(element, 'new-origin'), 'portal.example.com/settings');
    addForm.requestSubmit();
    await until(() => errorOf(element, 'new-origin') === 'Use an origin such as https://portal.example.com (no path).');
    expect(input(element, 'new-origin').getAttribute('aria-invalid')).toBe('true');
    typeInto(input(element, 'new-origin'), before[0]!);
    addForm.requestSubmit();
    await until(() => errorOf(element, 'new-origin') === 'This origin is already in the list.');
    expect(saved).toHaveLength(0);

    typeInto(input(element, 'new-origin'), ' https://Portal.Example.com/ ');
    addForm.requestSubmit();
    await until(() => saved.length === 1);
    expect(saved[0]!.detail).toEqual({ section: 'organization', resource: 'embed-origins' });
    expect((await serverOrganization()).embedOrigins).toEqual([...before, 'https://portal.example.com']);
    await until(() => input(element, 'new-origin').value === '');

    const remove = shadowQueryAll<HTMLButtonElement>(element, '.origin button').find((button) => button.getAttribute('aria-label') === 'Remove https://portal.example.com')!;
    remove.click();
    await until(() => element.shadowRoot!.querySelector('dialog[open]'));
    await answerConfirm(element, 'confirm');
    await until(() => saved.length === 2);
    expect((await serverOrganization()).embedOrigins).toEqual(before);
    await until(() => announced(element) === 'https://portal.example.com was removed.');
  });

  it('copies the organization ID and announces it, or selects it when the browser refuses', async () => {
    const element = await renderOrganization();
    const id = (await serverOrganization()).id as string;
    const written: string[] = [];
    let refuse = false;
    Object.defineProperty(navigator.clipboard, 'writeText', {
      configurable: true,
      value: async (text: string) => {
        if (refuse) throw new DOMException('Denied', 'NotAllowedError');
        written.push(text);
      },
    });
    // The own property shadows the browser's method until the test ends.
    onTestFinished(() => void delete (navigator.clipboard as unknown as Record<string, unknown>).writeText);
    const copy = shadowQuery<HTMLButtonElement>(element, '#organization-id ~ button');
    copy.click();
    await until(() => announced(element) === 'Organization ID copied to the clipboard.');
    expect(written).toEqual([id]);

    refuse = true;
    copy.click();
    await until(() => announced(element).startsWith('Your browser did not allow copying.'));
    expect(getSelection()?.toString()).toBe(id);
  });
});

describe('<billingone-organization> for other roles', () => {
  it.each(['viewer', 'finance'] as const)('shows the forbidden state to a %s without asking for the organization', async (role) => {
    await signInAs(role);
    const requests: string[] = [];
    const element = await renderOrganization(newClient(requests));
    expect(visibleText(shadowQuery(element, '[data-status="forbidden"]'))).toContain('Only Owners and Admins can change');
    expect(element.shadowRoot!.querySelector('form')).toBeNull();
    expect(requests.some((path) => path.startsWith('/v1/organization'))).toBe(false);
    await expectAccessibleInThemes(element);
  });

  it('lets an Admin edit, and fires nothing for property sets', async () => {
    await signInAs('admin');
    const element = await renderOrganization();
    const saved = recordEvents(document, 'billingone-saved');
    expect(input(element, 'name').value).toBe('Acme MSP');
    element.locale = 'fr';
    await until(() => visibleText(element).includes('Nom de l’organisation'));
    expect(saved).toHaveLength(0);
  });

  it('shows an error with a retry when the member cannot be loaded', async () => {
    await signOut();
    const element = await fixture<BillingoneOrganization>(html`<billingone-organization .client=${newClient()}></billingone-organization>`);
    await until(() => element.shadowRoot!.querySelector('[data-status="error"]'));
    await signInAs('owner');
    shadowQuery<HTMLButtonElement>(element, '[data-status="error"] button').click();
    await until(() => element.shadowRoot!.querySelector('#name'));
  });
});
