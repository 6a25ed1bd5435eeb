import { maskSecret, type Integration, type IntegrationStatus } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import { badge } from '../ui/badge.js';
import { countsText, providerNames, statusBadges, timeView, type ViewContext } from './view-context.js';

/** The status badge: text first (“Needs re-authorisation”), the tone only adds to it. */
export function statusBadge(view: ViewContext, status: IntegrationStatus): TemplateResult {
  const { key, tone } = statusBadges[status];
  return badge(view.t(key), tone);
}

/** A sentence about the integration's last problem, when it has one. */
function problemText(view: ViewContext, integration: Integration): string | undefined {
  const name = providerNames[integration.provider];
  if (integration.status === 'needs_reauth') return view.t(integration.provider === 'pax8' ? 'integrations.pax8.needsReauth' : 'integrations.xero.needsReauth');
  if (integration.error?.code === 'tenant_required') return view.t('integrations.xero.tenantRequired');
  if (integration.status === 'error' && integration.error) return view.t('integrations.lastSyncFailed', { provider: name, message: integration.error.message });
  return undefined;
}

/**
 * When the next scheduled sync runs: a relative time, or “Due now” once that time has passed (the
 * scheduler picks it up within a minute) rather than “15 seconds ago”.
 */
function nextSyncView(view: ViewContext, nextSyncAt: string | null): TemplateResult | string {
  if (!nextSyncAt || Date.parse(nextSyncAt) > Date.now()) return timeView(view, nextSyncAt, view.t('integrations.notScheduled'));
  return html`<time datetime=${nextSyncAt} title=${view.localizer.dateTime(nextSyncAt)}>${view.t('integrations.nextSync.due')}</time>`;
}

/** What the card tells about a connection: account, secret, last and next sync, records. */
export function integrationFacts(view: ViewContext, integration: Integration): TemplateResult {
  const configured = integration.status !== 'not_configured';
  const problem = problemText(view, integration);
  return html`
    ${configured
      ? html`<dl class="facts">
          <div>
            <dt>${view.t(integration.provider === 'pax8' ? 'integrations.pax8.clientId.label' : 'integrations.xero.organisation')}</dt>
            <dd dir="auto">${integration.accountLabel ?? view.t('common.unknown')}</dd>
          </div>
          ${integration.provider === 'pax8'
            ? html`<div>
                <dt>${view.t('integrations.pax8.secret.label')}</dt>
                <dd class="mono" dir="ltr">
                  <span aria-hidden="true">${maskSecret(integration.secretLast4)}</span>
                  <span class="visually-hidden">${view.t('integrations.pax8.secret.masked', { last4: integration.secretLast4 ?? '' })}</span>
                </dd>
              </div>`
            : nothing}
          <div>
            <dt>${view.t('integrations.lastSync')}</dt>
            <dd>${timeView(view, integration.lastSyncAt, view.t('common.never'))}</dd>
          </div>
          <div>
            <dt>${view.t('integrations.nextSync')}</dt>
            <dd>${nextSyncView(view, integration.nextSyncAt)}</dd>
          </div>
          <div>
            <dt>${view.t('integrations.records')}</dt>
            <dd>${countsText(view, integration.counts)}</dd>
          </div>
        </dl>`
      : nothing}
    ${problem ? html`<p class="notice notice-${integration.status === 'error' ? 'danger' : 'warning'}">${problem}</p>` : nothing}
  `;
}
