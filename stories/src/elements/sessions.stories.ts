import '@billingone/settings-elements/sessions';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import { storyElement, until } from '../support/play.js';
import { apiOf, sectionElement } from '../support/render.js';
import { brandApplied, customBrandArgs, failing, forbidden, loading, populated, statusView } from '../support/states.js';

const tag = 'billingone-sessions';
const rows = (host: HTMLElement) => [...(host.shadowRoot?.querySelectorAll('[data-session]') ?? [])];
const fourDevices = (host: HTMLElement) => rows(host).length === 4 && host.shadowRoot!.querySelector('[data-current]');

// The member's signed-in devices: browser, system, IP, location, last activity; sign one or all others out.
const meta: Meta = {
  title: 'Sections/Sessions',
  component: tag,
  render: (args, context) => sectionElement(tag, args, context),
};
export default meta;
type Story = StoryObj;

export const Populated: Story = populated(fourDevices);

export const Loading: Story = loading(['sessions.list']);

/** Only this device is signed in. */
export const Empty: Story = populated((host) => rows(host).length === 1 && statusView(host, 'empty'), { sessions: 'single' });

export const ServerError: Story = failing('sessions.list', fourDevices);

export const Forbidden: Story = forbidden({ requireMfa: true }, { role: 'engineer' });

export const Dark: Story = { ...populated(fourDevices), globals: { theme: 'dark' } };

export const RightToLeft: Story = { ...populated((host) => host.getAttribute('dir') === 'rtl' && fourDevices(host)), globals: { locale: 'ar' } };

export const CustomBrand: Story = { args: { ...customBrandArgs }, ...populated((host) => fourDevices(host) && brandApplied(host)) };

/** “Sign out all other devices”, confirmed: only this one remains. */
export const SignOutOthers: Story = {
  play: async ({ canvasElement, loaded }) => {
    const host = await storyElement(canvasElement, tag);
    await until(() => fourDevices(host));
    await userEvent.click(host.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="terminate-others"]')!);
    const confirm = await until(() => host.shadowRoot!.querySelector<HTMLButtonElement>('dialog[open] button[value="confirm"]'));
    await userEvent.click(confirm);
    await until(() => rows(host).length === 1);
    await expect(apiOf({ loaded }).state.sessions.filter((session) => session.memberId === apiOf({ loaded }).state.me.id)).toHaveLength(1);
  },
};
