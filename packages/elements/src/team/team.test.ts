import { createSettingsClient, type SettingsClient } from '@billingone/settings-core';
import { html } from 'lit';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BillingoneSavedEvent } from '../events/saved.js';
import { apiCall } from '../testing/api.js';
import { expectAccessibleInThemes } from '../testing/axe.js';
import { fixture, recordEvents, shadowQuery, shadowQueryAll, until, visibleText } from '../testing/fixture.js';
import { announced, answerConfirm, choose, openDialog, typeInto } from '../testing/interact.js';
import { embedTokenFor, resetDemoData, signInAs, signOut } from '../testing/session.js';
import './define.js';
import type { BillingoneTeam } from './team.js';

const newClient = (): SettingsClient => createSettingsClient({ baseUrl: location.origin, retry: { limit: 0 } });

async function renderTeam(options: { client?: SettingsClient; pageSize?: number } = {}): Promise<BillingoneTeam> {
  const element = await fixture<BillingoneTeam>(
    html`<billingone-team locale="en" page-size=${options.pageSize ?? 50} .client=${options.client ?? newClient()}></billingone-team>`,
  );
  await until(() => shadowQueryAll(element, 'tr[data-member]').length > 0);
  return element;
}

const memberRows = (element: BillingoneTeam) => shadowQueryAll<HTMLTableRowElement>(element, 'tr[data-member]');
const memberNames = (element: BillingoneTeam) => memberRows(element).map((row) => row.querySelector('th span')!.textContent!.trim());
function rowOf(element: BillingoneTeam, name: string): HTMLTableRowElement {
  const row = memberRows(element).find((each) => each.querySelector('th span')?.textContent?.trim() === name);
  if (!row) throw new Error(`No row for ${name}; rows: ${memberNames(element).join(', ')}`);
  return row;
}
const roleSelect = (row: HTMLTableRowElement) => row.querySelector<HTMLSelectElement>('select')!;
const buttonIn = (root: ParentNode, text: string) => {
  const button = [...root.querySelectorAll<HTMLButtonElement>('button')].find((each) => each.textContent?.replace(/\s+/g, ' ').trim().startsWith(text));
  if (!button) throw new Error(`No button “${text}”.`);
  return button;
};
const invitationRows = (element: BillingoneTeam) => shadowQueryAll<HTMLTableRowElement>(element, 'tr[data-invitation]');
const invitationRow = (element: BillingoneTeam, email: string) => invitationRows(element).find((row) => row.querySelector('bdi')?.textContent === email);

async function memberId(email: string): Promise<string> {
  const { body } = await apiCall<{ items: { id: string; email: string }[] }>('GET', `/members?q=${encodeURIComponent(email)}`);
  const found = body.items.find((member) => member.email === email);
  if (!found) throw new Error(`No member ${email}`);
  return found.id;
}

beforeEach(async () => {
  await resetDemoData();
  await signInAs('owner');
});

describe('<billingone-team>', () => {
  it('lists the seeded members with role, MFA and last activity, and is accessible in light and dark', async () => {
    const element = await renderTeam();
    expect(memberRows(element)).toHaveLength(45);
    expect(memberNames(element)).toEqual(expect.arrayContaining(['Olivia Hart', 'Adam Price', 'Fiona Shah', 'Ethan Cole', 'Vera Lind']));
    expect(visibleText(element)).toContain('45 members');
    const me = rowOf(element, 'Olivia Hart');
    expect(me.textContent).toContain('owner@acme.test');
    expect(visibleText(me)).toContain('You');
    expect(roleSelect(me).value).toBe('owner');
    expect(roleSelect(me).disabled).toBe(true);
    expect(visibleText(me)).toContain('You cannot change your own role.');
    expect(roleSelect(rowOf(element, 'Adam Price')).value).toBe('admin');
    expect(me.querySelector('time')).not.toBeNull();
    // Seeded pending invitations, the third one expired.
    expect(invitationRows(element)).toHaveLength(3);
    expect(visibleText(invitationRow(element, 'auditor@litware.example')!)).toMatch(/Expired Expired \d+ days? ago/);
    expect(visibleText(invitationRow(element, 'new.starter@acme.test')!)).toMatch(/Expires in \d+ days/);
    await expectAccessibleInThemes(element);
  });

  it('pages through the members with at most page-size rows in the table', async () => {
    const element = await renderTeam({ pageSize: 10 });
    expect(memberRows(element)).toHaveLength(10);
    expect(visibleText(element)).toContain('Members 1–10 of 45');
    const first = memberNames(element);
    buttonIn(element.shadowRoot!, 'Next').click();
    await until(() => visibleText(element).includes('Members 11–20 of 45'));
    expect(memberRows(element)).toHaveLength(10);
    expect(memberNames(element).some((name) => first.includes(name))).toBe(false);
    for (let page = 3; page <= 5; page++) {
      buttonIn(element.shadowRoot!, 'Next').click();
      await until(() => visibleText(element).includes(`Members ${(page - 1) * 10 + 1}–`));
    }
    expect(memberRows(element)).toHaveLength(5);
    expect(buttonIn(element.shadowRoot!, 'Next').disabled).toBe(true);
    buttonIn(element.shadowRoot!, 'Previous').click();
    await until(() => visibleText(element).includes('Members 31–40 of 45'));
    expect(memberRows(element)).toHaveLength(10);
  });

  it('searches on the server as the user types and filters by role', async () => {
    const element = await renderTeam();
    typeInto(shadowQuery<HTMLInputElement>(element, '#member-search'), 'adam');
    await until(() => memberRows(element).length === 1);
    expect(memberNames(element)).toEqual(['Adam Price']);
    await until(() => announced(element) === '1 member found.');

    typeInto(shadowQuery<HTMLInputElement>(element, '#member-search'), '');
    choose(shadowQuery<HTMLSelectElement>(element, '#member-role'), 'admin');
    const { body } = await apiCall<{ total: number }>('GET', '/members?role=admin');
    await until(() => memberRows(element).length === body.total && memberNames(element).length > 1);
    expect(memberRows(element).every((row) => roleSelect(row).value === 'admin')).toBe(true);

    typeInto(shadowQuery<HTMLInputElement>(element, '#member-search'), 'nobody-by-this-name');
    await until(() => visibleText(element).includes('No members match'));
  });

  it('invites the valid addresses of a pasted list and keeps the invalid one inline', async () => {
    const element = await renderTeam();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    const emails = shadowQuery<HTMLTextAreaElement>(element, '#invite-emails');
    typeInto(emails, 'dana@example.com, not-an-email\nLee@Example.com');
    choose(shadowQuery<HTMLSelectElement>(element, '#invite-role'), 'engineer');
    buttonIn(element.shadowRoot!, 'Send invitations').click();

    await until(() => invitationRow(element, 'dana@example.com') && invitationRow(element, 'lee@example.com'));
    expect(visibleText(invitationRow(element, 'lee@example.com')!)).toContain('Engineer');
    expect(visibleText(invitationRow(element, 'lee@example.com')!)).toMatch(/Expires in 7 days/);
    expect(emails.value).toBe('not-an-email');
    expect(emails.getAttribute('aria-invalid')).toBe('true');
    expect(emails.getAttribute('aria-describedby')).toContain('invite-emails-error');
    const error = shadowQuery(element, '#invite-emails-error');
    expect(visibleText(error)).toContain('1 entry is not a valid email address.');
    expect(visibleText(error.querySelector('[data-email="not-an-email"]')!)).toBe('not-an-email : This is not a valid email address.');
    await until(() => announced(element).startsWith('2 invitations sent; 1 entry was not sent'));
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'team', resource: 'invitation' }]);

    const { body } = await apiCall<{ items: { email: string; role: string; status: string }[] }>('GET', '/invitations');
    expect(body.items.filter((item) => item.email.endsWith('@example.com'))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email: 'dana@example.com', role: 'engineer', status: 'pending' }),
        expect.objectContaining({ email: 'lee@example.com', role: 'engineer', status: 'pending' }),
      ]),
    );
  });

  it('shows the server’s refusal next to the address it concerns and sends nothing', async () => {
    const element = await renderTeam();
    const saved = recordEvents(document, 'billingone-saved');
    const emails = shadowQuery<HTMLTextAreaElement>(element, '#invite-emails');
    typeInto(emails, 'fresh@example.com\nadmin@acme.test');
    buttonIn(element.shadowRoot!, 'Send invitations').click();
    await until(() => element.shadowRoot!.querySelector('[data-email="admin@acme.test"]'));
    expect(visibleText(shadowQuery(element, '[data-email="admin@acme.test"]'))).toContain('This person is already a member.');
    expect(visibleText(shadowQuery(element, '#invite-emails-error'))).toContain('No invitations were sent. Correct or remove the addresses below, then send again.');
    expect(element.shadowRoot!.querySelector('[data-email="fresh@example.com"]')).toBeNull();
    expect(emails.value).toBe('fresh@example.com\nadmin@acme.test');
    await until(() => element.shadowRoot!.activeElement === emails);
    expect(invitationRow(element, 'fresh@example.com')).toBeUndefined();
    expect(saved).toHaveLength(0);
  });

  it('resends an expired invitation and revokes one after confirmation', async () => {
    const element = await renderTeam();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    buttonIn(invitationRow(element, 'auditor@litware.example')!, 'Resend').click();
    await until(() => /Expires in 7 days/.test(visibleText(invitationRow(element, 'auditor@litware.example')!)));
    await until(() => announced(element) === 'The invitation to auditor@litware.example was sent again.');

    const revoke = buttonIn(invitationRow(element, 'new.starter@acme.test')!, 'Revoke');
    revoke.focus();
    revoke.click();
    await until(() => openDialog(element));
    expect(visibleText(openDialog(element))).toContain('new.starter@acme.test will stop working');
    answerConfirm(element, 'cancel');
    await until(() => !element.shadowRoot!.querySelector('dialog[open]'));
    // The dialog's close event is a task of its own: let it run, as it would before a user's next click.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(element.shadowRoot!.activeElement).toBe(revoke);
    expect(invitationRow(element, 'new.starter@acme.test')).toBeDefined();

    revoke.click();
    await until(() => openDialog(element));
    answerConfirm(element, 'confirm');
    await until(() => invitationRow(element, 'new.starter@acme.test') === undefined);
    await until(() => element.shadowRoot!.activeElement?.id === 'invitations-title');
    const { body } = await apiCall<{ items: { email: string }[] }>('GET', '/invitations');
    expect(body.items.map((item) => item.email)).not.toContain('new.starter@acme.test');
    expect(saved.map((event) => event.detail)).toEqual([
      { section: 'team', resource: 'invitation' },
      { section: 'team', resource: 'invitation' },
    ]);
  });

  it('lets an Owner change a role, which the server keeps', async () => {
    const element = await renderTeam();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    const select = roleSelect(rowOf(element, 'Ethan Cole'));
    expect(select.disabled).toBe(false);
    expect([...select.options].every((option) => !option.disabled)).toBe(true);
    choose(select, 'finance');
    await until(() => announced(element) === 'Ethan Cole is now Finance.');
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'team', resource: 'member' }]);
    const { body } = await apiCall('GET', `/members/${await memberId('engineer@acme.test')}`);
    expect(body.role).toBe('finance');
    expect(roleSelect(rowOf(element, 'Ethan Cole')).value).toBe('finance');
  });

  it('disables what an Admin may not do, with the reason, and shows the server’s refusal when the list is stale', async () => {
    // The element works as the Admin (bearer token) while the page's cookie session stays the Owner's.
    const token = await embedTokenFor('admin');
    const client = createSettingsClient({ baseUrl: location.origin, getToken: () => token, retry: { limit: 0 } });
    const element = await renderTeam({ client });
    const owner = rowOf(element, 'Olivia Hart');
    expect(roleSelect(owner).disabled).toBe(true);
    expect(visibleText(owner)).toContain('Admins cannot change or remove an Owner.');
    expect(roleSelect(owner).getAttribute('aria-describedby')).toContain(`reason-`);
    expect(buttonIn(owner, 'Remove').disabled).toBe(true);
    expect(visibleText(rowOf(element, 'Adam Price'))).toContain('You cannot change your own role.');
    const engineer = roleSelect(rowOf(element, 'Ethan Cole'));
    expect(engineer.disabled).toBe(false);
    expect([...engineer.options].find((option) => option.value === 'owner')!.disabled).toBe(true);
    expect(shadowQueryAll(element, 'tr[data-member] button').some((button) => button.textContent!.includes('Transfer ownership'))).toBe(false);

    // Meanwhile the Owner makes Ethan an Owner; the Admin's list still shows him as an Engineer.
    const ethan = await memberId('engineer@acme.test');
    expect((await apiCall('PATCH', `/members/${ethan}`, { body: { role: 'owner' } })).status).toBe(200);
    const saved = recordEvents(document, 'billingone-saved');
    const errors = recordEvents(document, 'billingone-error');
    choose(engineer, 'viewer');
    await until(() => visibleText(rowOf(element, 'Ethan Cole')).includes('Admins cannot change or remove an Owner.'));
    expect(engineer.value).toBe('engineer');
    await until(() => announced(element) === 'Admins cannot change or remove an Owner.');
    expect(saved).toHaveLength(0);
    expect(errors).toHaveLength(1);
    expect((await apiCall('GET', `/members/${ethan}`)).body.role).toBe('owner');
  });

  it('removes a member after a confirmation naming them', async () => {
    const element = await renderTeam();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    const remove = buttonIn(rowOf(element, 'Vera Lind'), 'Remove');
    remove.click();
    await until(() => openDialog(element));
    const dialog = openDialog(element);
    expect(visibleText(dialog)).toContain('Remove Vera Lind?');
    expect(visibleText(dialog)).toContain('viewer@acme.test');
    expect(element.shadowRoot!.activeElement).toBe(dialog.querySelector('button[value="cancel"]'));
    answerConfirm(element, 'confirm');
    await until(() => !memberNames(element).includes('Vera Lind'));
    expect(visibleText(element)).toContain('44 members');
    await until(() => announced(element) === 'Vera Lind was removed from the organization.');
    expect(saved.map((event) => event.detail)).toEqual([{ section: 'team', resource: 'member' }]);
    const { body } = await apiCall<{ items: unknown[] }>('GET', '/members?q=viewer%40acme.test');
    expect(body.items).toHaveLength(0);
  });

  it('transfers ownership after confirmation; the former Owner becomes an Admin', async () => {
    const element = await renderTeam();
    const saved = recordEvents<BillingoneSavedEvent>(document, 'billingone-saved');
    buttonIn(rowOf(element, 'Adam Price'), 'Transfer ownership').click();
    await until(() => openDialog(element));
    expect(visibleText(openDialog(element))).toContain('Adam Price becomes an Owner of the organization and you become an Admin.');
    answerConfirm(element, 'confirm');
    await until(() => saved.length === 1);
    expect(saved[0]!.detail).toEqual({ section: 'team', resource: 'ownership' });
    await until(() => roleSelect(rowOf(element, 'Adam Price')).value === 'owner' && roleSelect(rowOf(element, 'Olivia Hart')).value === 'admin');
    // The section now follows the Admin's rules: no transfer, Owners untouchable.
    await until(() => shadowQueryAll(element, 'tr[data-member] button').every((button) => !button.textContent!.includes('Transfer ownership')));
    expect(roleSelect(rowOf(element, 'Adam Price')).disabled).toBe(true);
    expect((await apiCall('GET', '/me')).body.role).toBe('admin');
  });

  it('shows an error with a retry when the team cannot be loaded', async () => {
    await signOut();
    const element = await fixture<BillingoneTeam>(html`<billingone-team locale="en" .client=${newClient()}></billingone-team>`);
    await until(() => element.shadowRoot!.querySelector('[data-status="error"]'));
    expect(visibleText(element)).toContain('Your session has ended');
    await signInAs('owner');
    shadowQuery<HTMLButtonElement>(element, '[data-status="error"] button').click();
    await until(() => memberRows(element).length === 45);
  });

  it('shows the forbidden state to a Viewer and fires nothing for programmatic changes', async () => {
    await signInAs('viewer');
    const saved = recordEvents(document, 'billingone-saved');
    const element = await fixture<BillingoneTeam>(html`<billingone-team locale="en" .client=${newClient()}></billingone-team>`);
    await until(() => element.shadowRoot!.querySelector('[data-status="forbidden"]'));
    expect(visibleText(element)).toContain('You do not have access to this page');
    expect(element.shadowRoot!.querySelector('table')).toBeNull();
    element.pageSize = 10;
    element.locale = 'fr';
    await until(() => visibleText(element).includes('Vous n’avez pas accès à cette page'));
    expect(saved).toHaveLength(0);
    await expectAccessibleInThemes(element);
  });
});
