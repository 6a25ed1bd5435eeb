import { maskSecret, type FieldError, type Pax8FormState } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../i18n/localize.js';
import { describeError, hasStatus } from '../ui/errors.js';
import { describedBy, field, formErrorView, onSubmit } from '../ui/field.js';
import type { ViewContext } from './view-context.js';

export interface Pax8FormActions {
  change(field: 'clientId' | 'secret', value: string): void;
  replaceSecret(): void;
  keepSecret(): void;
  test(): void;
  save(): void;
  cancel(): void;
}

type FailureReason = 'invalid_credentials' | 'insufficient_access' | 'rate_limited' | 'provider_unavailable';

const failureKeys: Readonly<Record<FailureReason, MessageKey>> = {
  invalid_credentials: 'integrations.pax8.failure.invalid_credentials',
  insufficient_access: 'integrations.pax8.failure.insufficient_access',
  rate_limited: 'integrations.pax8.failure.rate_limited',
  provider_unavailable: 'integrations.pax8.failure.provider_unavailable',
};

function isFailureReason(code: string | undefined): code is FailureReason {
  return code !== undefined && code in failureKeys;
}

/** The sentence for a failed Test Connection (or a Save refused for the same reason). */
export function pax8FailureText(view: ViewContext, reason: string, retryAfterSeconds?: number): string | undefined {
  return isFailureReason(reason) ? view.t(failureKeys[reason], { seconds: Math.ceil(retryAfterSeconds ?? 0) }) : undefined;
}

/** The field a failure is about: refused credentials → the secret, no access → the client ID, others → the form. */
function failureField(reason: string): 'clientId' | 'clientSecret' | undefined {
  return reason === 'invalid_credentials' ? 'clientSecret' : reason === 'insufficient_access' ? 'clientId' : undefined;
}

/** A field error in the member's language where the catalogue knows it (the schema's and Pax8's reasons). */
function fieldMessage(view: ViewContext, error: FieldError, fromServer: boolean): string {
  const failure = pax8FailureText(view, error.code ?? '');
  if (failure) return failure;
  if (error.path === 'clientSecret' && error.code === 'required') return view.t('integrations.pax8.secret.required');
  if (!fromServer) return view.t(error.path === 'clientId' ? 'integrations.pax8.clientId.invalid' : 'integrations.pax8.secret.invalid');
  return error.message;
}

/** Field errors and the form-level message of a form state. */
function problems(view: ViewContext, state: Pax8FormState, lastError: unknown): { clientId?: string; clientSecret?: string; form?: string } {
  if (state.kind === 'test_failed') {
    const text = pax8FailureText(view, state.reason, state.retryAfterSeconds) ?? state.message;
    const where = failureField(state.reason);
    return where ? { [where]: text } : { form: text };
  }
  if (state.kind !== 'editing') return {};
  const fromServer = state.error !== undefined;
  const result: { clientId?: string; clientSecret?: string; form?: string } = {};
  for (const error of state.fieldErrors) {
    const path = error.path === 'clientId' || error.path === 'clientSecret' ? error.path : undefined;
    if (path && !result[path]) result[path] = fieldMessage(view, error, fromServer);
  }
  if (state.error && state.fieldErrors.length === 0) {
    // A Save refused for a Pax8 reason is a 422 with that reason as its code; anything else (the API's
    // own rate limit, a network failure) is described as such.
    const refusedByPax8 = hasStatus(lastError, 422);
    result.form =
      (refusedByPax8 ? pax8FailureText(view, state.error.code ?? '', state.error.retryAfterSeconds) : undefined) ??
      (lastError === undefined ? state.error.message : describeError(lastError, view.t));
  }
  return result;
}

/** The stored secret, masked, with “Replace”; or the secret input while a new one is typed. */
function secretField(view: ViewContext, state: Pax8FormState, busy: boolean, error: string | undefined, actions: Pax8FormActions): TemplateResult {
  const { form, config } = state;
  if (form.replacingSecret) {
    return html`
      ${field({
        id: 'pax8-secret',
        name: 'clientSecret',
        type: 'password',
        label: view.t('integrations.pax8.secret.label'),
        value: form.secret,
        autocomplete: 'off',
        spellcheck: false,
        dir: 'ltr',
        required: true,
        readonly: busy,
        hint: config.configured ? view.t('integrations.pax8.secret.replaceHint') : view.t('integrations.pax8.secret.hint'),
        error,
        onInput: (event) => actions.change('secret', event.currentTarget.value),
      })}
      ${config.configured
        ? html`<div>
            <button type="button" class="button button-ghost button-small" part="button" ?disabled=${busy} @click=${actions.keepSecret}>
              ${view.t('integrations.pax8.secret.keep')}
            </button>
          </div>`
        : nothing}
    `;
  }
  const masked = maskSecret(config.configured ? config.secretLast4 : null);
  return html`
    <div class="field" part="field">
      <span class="label" part="label" id="pax8-secret-label">${view.t('integrations.pax8.secret.label')}</span>
      <div class="row">
        <span class="mono" dir="ltr">
          <span aria-hidden="true">${masked}</span>
          <span class="visually-hidden">${view.t('integrations.pax8.secret.masked', { last4: config.configured ? (config.secretLast4 ?? '') : '' })}</span>
        </span>
        <button
          type="button"
          class="button button-small"
          part="button"
          ?disabled=${busy}
          aria-describedby=${describedBy('pax8-secret', { hint: true, error }) ?? nothing}
          @click=${actions.replaceSecret}
        >
          ${view.t('integrations.pax8.secret.replace')}
        </button>
      </div>
      <div class="hint" part="hint" id="pax8-secret-hint">${view.t('integrations.pax8.secret.storedHint')}</div>
      ${error ? html`<div class="field-error" part="error" id="pax8-secret-error">${error}</div>` : nothing}
    </div>
  `;
}

/**
 * The Pax8 credentials form: client ID, client secret (write-only), Test Connection, then Save
 * (enabled only after the test of exactly these values passed). Values stay as typed after a failure.
 */
export function pax8Form(view: ViewContext, state: Pax8FormState, lastError: unknown, actions: Pax8FormActions): TemplateResult {
  const busy = state.kind === 'testing' || state.kind === 'saving';
  const found = problems(view, state, lastError);
  return html`
    <form class="stack pax8-form" part="form" novalidate aria-labelledby="pax8-form-title" aria-busy=${busy ? 'true' : 'false'} @submit=${onSubmit(() => actions.test())}>
      <h4 class="form-title" id="pax8-form-title">${view.t(state.config.configured ? 'integrations.pax8.form.editTitle' : 'integrations.pax8.form.title')}</h4>
      <p class="muted small">${view.t('integrations.pax8.form.intro')}</p>
      ${field({
        id: 'pax8-client-id',
        name: 'clientId',
        label: view.t('integrations.pax8.clientId.label'),
        value: state.form.clientId,
        autocomplete: 'off',
        spellcheck: false,
        dir: 'ltr',
        required: true,
        readonly: busy,
        error: found.clientId,
        onInput: (event) => actions.change('clientId', event.currentTarget.value),
      })}
      ${secretField(view, state, busy, found.clientSecret, actions)}
      ${state.kind === 'test_passed'
        ? html`<p class="notice notice-success" role="status">${view.t('integrations.pax8.test.passed', { count: state.companyCount })}</p>`
        : nothing}
      ${state.kind === 'testing' ? html`<p class="muted" role="status">${view.t('integrations.pax8.test.running')}</p>` : nothing}
      ${formErrorView(found.form)}
      <div class="row row-end">
        <button type="button" class="button" part="button" @click=${actions.cancel}>${view.t('common.cancel')}</button>
        <button type="submit" class="button" part="button" ?disabled=${busy} aria-busy=${state.kind === 'testing' ? 'true' : 'false'}>
          ${view.t(state.kind === 'testing' ? 'integrations.pax8.test.running' : 'integrations.pax8.test.button')}
        </button>
        <button
          type="button"
          class="button button-primary"
          part="button primary-button"
          ?disabled=${state.kind !== 'test_passed'}
          aria-describedby=${state.kind === 'test_passed' || state.kind === 'saving' ? nothing : 'pax8-save-hint'}
          @click=${actions.save}
        >
          ${view.t(state.kind === 'saving' ? 'common.saving' : 'common.save')}
        </button>
      </div>
      ${state.kind === 'test_passed' || state.kind === 'saving'
        ? nothing
        : html`<p class="muted small" id="pax8-save-hint">${view.t('integrations.pax8.saveHint')}</p>`}
    </form>
  `;
}
