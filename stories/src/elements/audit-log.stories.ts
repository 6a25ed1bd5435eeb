import '@billingone/settings-elements/audit-log';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import { shadow, storyElement, until } from '../support/play.js';
import { sectionElement } from '../support/render.js';
import { brandApplied, customBrandArgs, failing, forbidden, loading, populated, statusView } from '../support/states.js';

const tag = 'billingone-audit-log';
const entries = (host: HTMLElement) => [...(host.shadowRoot?.querySelectorAll<HTMLElement>('[data-entry]') ?? [])];
const showsEntries = (host: HTMLElement) => entries(host).length > 0;

// Who did what, when, to what, from where: filters, expandable changes, cursor paging, CSV export.
const meta: Meta = {
  title: 'Sections/Audit log',
  component: tag,
  render: (args, context) => sectionElement(tag, args, context),
};
export default meta;
type Story = StoryObj;

/** The demo organization's 300 entries over 60 days. */
export const Populated: Story = populated(showsEntries);

export const Loading: Story = loading(['audit.list']);

/** Nothing recorded yet. */
export const Empty: Story = populated((host) => statusView(host, 'empty'), { auditLog: 'empty' });

export const ServerError: Story = failing('audit.list', showsEntries);

/** Finance, Engineers and Viewers do not see the audit log. */
export const Forbidden: Story = forbidden({}, { role: 'finance' });

export const Dark: Story = { ...populated(showsEntries), globals: { theme: 'dark' } };

export const RightToLeft: Story = { ...populated((host) => host.getAttribute('dir') === 'rtl' && showsEntries(host)), globals: { locale: 'ar' } };

export const CustomBrand: Story = { args: { ...customBrandArgs }, ...populated((host) => showsEntries(host) && brandApplied(host)) };

/** 100,000 entries over two years, read page by page with the server's keyset cursor. */
export const LongLog: Story = {
  parameters: { mockApi: { auditLog: 'long' } },
  args: { 'max-rows': 200 },
  play: async ({ canvasElement }) => {
    const host = await storyElement(canvasElement, tag);
    await until(() => entries(host).length === 50);
    const first = entries(host).map((row) => row.dataset.entry);
    await userEvent.click(await until(() => shadow(host).queryByRole('button', { name: /Load more|Next/ })));
    await until(() => entries(host).some((row) => !first.includes(row.dataset.entry)));
    await expect(entries(host).length).toBeLessThanOrEqual(200);
  },
};
