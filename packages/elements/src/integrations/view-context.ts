import type { IntegrationStatus, Provider } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer, MessageKey, MessageParams } from '../i18n/localize.js';
import type { BadgeTone } from '../ui/badge.js';

/** What the integration templates need from the element. */
export interface ViewContext {
  t(key: MessageKey, params?: MessageParams): string;
  readonly localizer: Localizer;
  /** Whether the member may configure, connect, sync, disconnect and map (`integrations.manage`). */
  readonly canManage: boolean;
}

export const providerNames: Readonly<Record<Provider, string>> = { pax8: 'Pax8', xero: 'Xero' };

/** Badge text and tone of each status; the text always says it, the tone only adds to it. */
export const statusBadges: Readonly<Record<IntegrationStatus, { key: MessageKey; tone: BadgeTone }>> = {
  not_configured: { key: 'integrations.status.not_configured', tone: 'neutral' },
  connected: { key: 'integrations.status.connected', tone: 'success' },
  syncing: { key: 'integrations.status.syncing', tone: 'primary' },
  error: { key: 'integrations.status.error', tone: 'danger' },
  needs_reauth: { key: 'integrations.status.needs_reauth', tone: 'warning' },
};

const countKeys: Readonly<Record<string, MessageKey>> = {
  companies: 'integrations.count.companies',
  products: 'integrations.count.products',
  subscriptions: 'integrations.count.subscriptions',
  invoices: 'integrations.count.invoices',
  invoicesChanged: 'integrations.count.invoicesChanged',
};

/** “25 companies”, “120 subscriptions”; counts the catalogue does not name show as “name: 3”. */
export function countLabel(view: ViewContext, name: string, count: number): string {
  const key = countKeys[name];
  return key ? view.t(key, { count }) : `${name}: ${view.localizer.number(count)}`;
}

const countOrder = Object.keys(countKeys);
const countRank = (name: string) => (countOrder.includes(name) ? countOrder.indexOf(name) : countOrder.length);

/** Every count of a sync, in one line, in the same order wherever it shows (companies, products, subscriptions, …). */
export function countsText(view: ViewContext, counts: Readonly<Record<string, number>>): string {
  const entries = Object.entries(counts).sort(([a], [b]) => countRank(a) - countRank(b));
  return entries.length === 0 ? '—' : view.localizer.list(entries.map(([name, count]) => countLabel(view, name, count)));
}

/** A relative time (“in 6 hours”) whose exact date shows on hover and is given to assistive technology. */
export function timeView(view: ViewContext, value: string | null, empty: string): TemplateResult | string {
  if (!value) return empty;
  return html`<time datetime=${value} title=${view.localizer.dateTime(value)}>${view.localizer.relativeTime(value)}</time>`;
}

/** How long a sync ran: “42 s”, “3.5 min”, or nothing while it runs. */
export function durationText(view: ViewContext, startedAt: string, finishedAt: string | null): string | typeof nothing {
  if (!finishedAt) return nothing;
  const seconds = Math.max(0, (Date.parse(finishedAt) - Date.parse(startedAt)) / 1000);
  const [value, unit] = seconds < 60 ? [seconds, 'second'] : seconds < 3600 ? [seconds / 60, 'minute'] : [seconds / 3600, 'hour'];
  return view.localizer.number(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: seconds < 10 ? 1 : value < 10 ? 1 : 0 });
}
