import type { XeroConnectState } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../i18n/localize.js';
import { describeError } from '../ui/errors.js';
import { onSubmit } from '../ui/field.js';
import type { ViewContext } from './view-context.js';

export interface XeroConnectActions {
  /** The organisation the member has ticked (before saving). */
  readonly choice: string | undefined;
  pick(tenantId: string): void;
  chooseTenant(): void;
  cancel(): void;
  dismiss(): void;
}

const cancelledKeys: Readonly<Record<Extract<XeroConnectState, { kind: 'cancelled' }>['reason'], MessageKey>> = {
  access_denied: 'integrations.xero.cancelled.access_denied',
  popup_closed: 'integrations.xero.cancelled.popup_closed',
  user: 'integrations.xero.cancelled.user',
};

function failureText(view: ViewContext, state: Extract<XeroConnectState, { kind: 'failed' }>, lastError: unknown): string {
  switch (state.reason) {
    case 'provider_error':
      return view.t('integrations.xero.failed.provider_error', { code: state.error.code ?? '' });
    case 'invalid_callback':
      return view.t('integrations.xero.failed.invalid_callback');
    case 'state_mismatch':
      return view.t('integrations.xero.failed.state_mismatch');
    case 'no_tenants':
      return view.t('integrations.xero.failed.no_tenants');
    default:
      return lastError === undefined ? state.error.message : describeError(lastError, view.t);
  }
}

function progress(text: string): TemplateResult {
  return html`
    <div class="row" role="status">
      <span class="spinner spinner-small" aria-hidden="true"></span>
      <span>${text}</span>
    </div>
  `;
}

function tenantPicker(view: ViewContext, state: Extract<XeroConnectState, { kind: 'choose_tenant' | 'saving_tenant' }>, lastError: unknown, actions: XeroConnectActions): TemplateResult {
  const saving = state.kind === 'saving_tenant';
  const error = state.kind === 'choose_tenant' && state.error ? (lastError === undefined ? state.error.message : describeError(lastError, view.t)) : undefined;
  return html`
    <form class="stack-sm" part="form" @submit=${onSubmit(() => actions.chooseTenant())} aria-busy=${saving ? 'true' : 'false'}>
      <fieldset class="fieldset" aria-describedby=${error ? 'xero-tenant-error' : 'xero-tenant-hint'}>
        <legend class="label">${view.t('integrations.xero.tenants.legend')}</legend>
        <p class="hint" id="xero-tenant-hint">${view.t('integrations.xero.tenants.hint')}</p>
        ${state.tenants.map(
          (tenant) => html`
            <label class="checkbox radio">
              <input
                type="radio"
                name="xero-tenant"
                part="input"
                .value=${tenant.id}
                .checked=${actions.choice === tenant.id}
                ?disabled=${saving}
                @change=${() => actions.pick(tenant.id)}
              />
              <span dir="auto">${tenant.name}</span>
            </label>
          `,
        )}
        ${error ? html`<div class="field-error" part="error" id="xero-tenant-error" role="alert">${error}</div>` : nothing}
      </fieldset>
      <div class="row">
        <button type="submit" class="button button-primary" part="button primary-button" ?disabled=${saving}>
          ${view.t(saving ? 'common.saving' : 'integrations.xero.tenants.submit')}
        </button>
        <button type="button" class="button" part="button" ?disabled=${saving} @click=${actions.cancel}>${view.t('common.cancel')}</button>
      </div>
    </form>
  `;
}

/** What the Xero connection attempt shows inside the card, state by state. */
export function xeroConnectView(view: ViewContext, state: XeroConnectState, lastError: unknown, actions: XeroConnectActions): TemplateResult | typeof nothing {
  switch (state.kind) {
    case 'idle':
      return nothing;
    case 'authorizing':
      return progress(view.t('integrations.xero.authorizing'));
    case 'redirecting':
      return progress(view.t('integrations.xero.redirecting'));
    case 'popup_open':
      return html`
        <div class="stack-sm">
          ${progress(view.t('integrations.xero.popupOpen'))}
          <div><button type="button" class="button" part="button" @click=${actions.cancel}>${view.t('common.cancel')}</button></div>
        </div>
      `;
    case 'callback_received':
    case 'exchanging':
      return progress(view.t('integrations.xero.exchanging'));
    case 'choose_tenant':
    case 'saving_tenant':
      return tenantPicker(view, state, lastError, actions);
    case 'connected':
      return html`<p class="notice notice-success" role="status" tabindex="-1" id="xero-result">
        ${view.t('integrations.xero.connected', { name: state.integration.tenant?.name ?? state.integration.accountLabel ?? 'Xero' })}
      </p>`;
    case 'cancelled':
      return html`<div class="notice" role="status" id="xero-result" tabindex="-1">
        <span>${view.t(cancelledKeys[state.reason])}</span>
        <button type="button" class="button button-ghost button-small" part="button" @click=${actions.dismiss}>${view.t('common.close')}</button>
      </div>`;
    case 'failed':
      return html`<div class="notice notice-danger" role="alert" id="xero-result" tabindex="-1">
        <span>${failureText(view, state, lastError)}</span>
        <button type="button" class="button button-ghost button-small" part="button" @click=${actions.dismiss}>${view.t('common.close')}</button>
      </div>`;
  }
}
