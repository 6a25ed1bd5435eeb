import { teamEndpoints } from '@billingone/settings-core';
import '@billingone/settings-elements/team';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import { announced, shadow, storyElement, until, visibleText } from '../support/play.js';
import { apiOf, sectionElement } from '../support/render.js';
import { brandApplied, customBrandArgs, failing, forbidden, loading, populated, statusView } from '../support/states.js';

const tag = 'billingone-team';
const memberRows = (host: HTMLElement) => [...(host.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tr[data-member]') ?? [])];
const rowOf = (host: HTMLElement, name: string) => memberRows(host).find((row) => row.querySelector('th')?.textContent?.includes(name));
const listsDemoMembers = (host: HTMLElement) => rowOf(host, 'Olivia Hart') && rowOf(host, 'Vera Lind');

// The organization's members and invitations: search and role filter on the server, cursor paging,
// invitations by the batch, role changes and removals under core's team rules.
const meta: Meta = {
  title: 'Sections/Team',
  component: tag,
  render: (args, context) => sectionElement(tag, args, context),
};
export default meta;
type Story = StoryObj;

/** An Owner sees every member and may change every role but their own. */
export const Owner: Story = populated((host) => {
  const owner = rowOf(host, 'Olivia Hart');
  const admin = rowOf(host, 'Adam Price');
  return owner?.querySelector('select')?.disabled === true && admin?.querySelector('select')?.disabled === false;
}, undefined, { role: 'owner' });

/** An Admin cannot touch an Owner: the Owner's role select and Remove are disabled, with the reason. */
export const Admin: Story = populated((host) => {
  const owner = rowOf(host, 'Olivia Hart');
  return owner?.querySelector('select')?.disabled === true && visibleText(owner).includes('Admins cannot change or remove an Owner.');
}, undefined, { role: 'admin' });

export const Loading: Story = loading(['members.list']);

/** Only the five demo members and no invitation; a search that matches nobody shows the empty state. */
export const Empty: Story = {
  parameters: { mockApi: { team: 'solo', invitations: 'none' } },
  play: async ({ canvasElement }) => {
    const host = await storyElement(canvasElement, tag);
    await until(() => memberRows(host).length === 5);
    await expect(host.shadowRoot!.querySelector('tr[data-invitation]')).toBeNull();
    await userEvent.type(await until(() => host.shadowRoot!.querySelector<HTMLInputElement>('#member-search')), 'nobody-by-this-name');
    await until(() => statusView(host, 'empty'));
  },
};

export const ServerError: Story = failing('me.get', listsDemoMembers);

/** Finance, Engineer and Viewer do not see the team. */
export const Forbidden: Story = forbidden({}, { role: 'viewer' });

export const Dark: Story = { ...populated(listsDemoMembers), globals: { theme: 'dark' } };

export const RightToLeft: Story = {
  ...populated((host) => host.getAttribute('dir') === 'rtl' && listsDemoMembers(host)),
  globals: { locale: 'ar' },
};

export const CustomBrand: Story = { args: { ...customBrandArgs }, ...populated((host) => listsDemoMembers(host) && brandApplied(host)) };

/** 10,000 members: the table holds one page; the count and the pager come from the server's cursor paging. */
export const TenThousandMembers: Story = {
  parameters: { mockApi: { team: 'large' } },
  args: { 'page-size': 50 },
  play: async ({ canvasElement }) => {
    const host = await storyElement(canvasElement, tag);
    await until(() => memberRows(host).length === 50);
    await until(() => visibleText(host).includes('10,000'));
    const first = memberRows(host).map((row) => row.querySelector('th')!.textContent);
    const next = shadow(host).getByRole('button', { name: 'Next' });
    await userEvent.click(next);
    await until(() => memberRows(host).length === 50 && memberRows(host)[0]!.querySelector('th')!.textContent !== first[0]);
    await expect(memberRows(host).some((row) => first.includes(row.querySelector('th')!.textContent))).toBe(false);
  },
};

/** Several addresses at once: the valid ones are invited, the invalid one stays in the box with its error. */
export const InviteSeveral: Story = {
  globals: { role: 'admin' },
  play: async ({ canvasElement, loaded, step }) => {
    const host = await storyElement(canvasElement, tag);
    const ui = shadow(host);
    const emails = await until(() => host.shadowRoot!.querySelector<HTMLTextAreaElement>('#invite-emails'));
    await step('Paste three addresses, one of them invalid, and choose a role', async () => {
      await userEvent.type(emails, 'dana@example.com, not-an-email{enter}Lee@Example.com');
      await userEvent.selectOptions(host.shadowRoot!.querySelector<HTMLSelectElement>('#invite-role')!, 'engineer');
      await userEvent.click(ui.getByRole('button', { name: 'Send invitations' }));
    });
    await step('The valid ones are pending invitations; the invalid one is explained inline', async () => {
      const invited = () => [...host.shadowRoot!.querySelectorAll('tr[data-invitation]')].map((row) => visibleText(row));
      await until(() => invited().some((text) => text.includes('dana@example.com')) && invited().some((text) => text.toLowerCase().includes('lee@example.com')));
      await expect(emails.value).toBe('not-an-email');
      await expect(emails.getAttribute('aria-invalid')).toBe('true');
      const error = host.shadowRoot!.querySelector('#invite-emails-error')!;
      await expect(visibleText(error)).toContain('not-an-email');
      await until(() => announced(host).startsWith('2 invitations sent'));
    });
    const created = apiOf({ loaded }).calls.filter((call) => call.endpointId === 'invitations.create');
    await expect(created.map((call) => call.status)).toEqual([201]);
  },
};

/**
 * An Admin's list still shows Ethan Cole as an Engineer while an Owner, elsewhere, has just made him
 * an Owner: changing his role is refused by the server with core's `admin_cannot_touch_owner`, and
 * the row says why. The Owner's own row was never changeable for the Admin.
 */
export const RoleChangeRefused: Story = {
  globals: { role: 'admin' },
  play: async ({ canvasElement, loaded, step }) => {
    const host = await storyElement(canvasElement, tag);
    const api = apiOf({ loaded });
    await until(() => rowOf(host, 'Ethan Cole'));
    await expect(rowOf(host, 'Olivia Hart')!.querySelector('select')!.disabled).toBe(true);
    await step('Meanwhile an Owner makes Ethan an Owner', async () => {
      const owner = api.clientAs('owner');
      const { items } = await owner.request(teamEndpoints.listMembers, { query: { q: 'engineer@acme.test' } });
      await owner.request(teamEndpoints.changeRole, { params: { id: items[0]!.id }, body: { role: 'owner' } });
    });
    await step('The Admin changes Ethan to Viewer and is refused', async () => {
      const select = rowOf(host, 'Ethan Cole')!.querySelector('select')!;
      await userEvent.selectOptions(select, 'viewer');
      await until(() => visibleText(rowOf(host, 'Ethan Cole')!).includes('Admins cannot change or remove an Owner.'));
      await expect(rowOf(host, 'Ethan Cole')!.querySelector('select')!.value).toBe('engineer');
    });
    // The Owner's change went through; the Admin's was refused.
    const changes = api.calls.filter((call) => call.endpointId === 'members.changeRole');
    await expect(changes.map((call) => call.status)).toEqual([200, 403]);
  },
};
