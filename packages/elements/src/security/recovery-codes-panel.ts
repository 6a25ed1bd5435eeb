import {
  createFlowStore,
  initialRecoveryCodesState,
  recoveryCodesTransition,
  securityEndpoints,
  type ReAuthCredentials,
  type RecoveryCodesEvent,
  type RecoveryCodesState,
  type SecurityOverview,
} from '@billingone/settings-core';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { ConfirmController } from '../controllers/confirm-controller.js';
import { DialogController } from '../controllers/dialog-controller.js';
import { deepActiveElement } from '../controllers/focus.js';
import { BillingoneSavedEvent } from '../events/saved.js';
import { field, formErrorView } from '../ui/field.js';
import { codeField } from './code-field.js';
import { loadingView } from '../ui/status.js';
import { flowErrorMessage, flowErrorOf, localiseFieldErrors } from './flow-errors.js';
import { focusAfterRender, type SecurityHost, type SecurityTools } from './host.js';
import { recoveryCodesList } from './recovery-codes-list.js';

type StepUpMethod = 'password' | 'code';

/** What the panel reads from its element. */
export interface RecoveryCodesData {
  /** The security overview (for `recentAuthUntil`). */
  overview(): SecurityOverview | undefined;
  /** The member's email, for the hidden username field password managers pair the password with. */
  email(): string | undefined;
}

/**
 * The “Recovery codes” card of `<billingone-security>`: how many are left, viewing them and
 * regenerating them (old codes stop working), driven by core's recovery-codes flow. Both need a
 * recent re-authentication: without one a step-up dialog asks for the password or a TOTP code.
 */
export class RecoveryCodesPanel implements ReactiveController {
  readonly #host: SecurityHost;
  readonly #tools: SecurityTools;
  readonly #confirm: ConfirmController;
  readonly #data: RecoveryCodesData;
  readonly #dialog: DialogController;
  readonly #flow = createFlowStore(recoveryCodesTransition, initialRecoveryCodesState);
  #method: StepUpMethod = 'password';
  #password = '';
  #code = '';
  /** Field errors of the step-up form found before sending (the flow's own check words them in English). */
  #stepUpErrors: Record<string, string> = {};
  #cause: unknown;

  constructor(host: SecurityHost, tools: SecurityTools, confirm: ConfirmController, data: RecoveryCodesData) {
    this.#host = host;
    this.#tools = tools;
    this.#confirm = confirm;
    this.#data = data;
    this.#dialog = new DialogController(host, {
      onClose: () => {
        // Escape or Cancel while asked to re-authenticate: leave the step-up.
        const kind = this.state.kind;
        if (kind === 'needs_reauth') this.#send({ type: 'cancel' });
      },
    });
    host.addController(this);
  }

  get state(): RecoveryCodesState {
    return this.#flow.getState();
  }

  hostDisconnected(): void {
    // Codes on screen are hidden when the section goes away.
    if (this.state.kind === 'shown') this.#flow.send({ type: 'hide' });
  }

  #check() {
    return { recentAuthUntil: this.#data.overview()?.recentAuthUntil ?? null, now: Date.now() };
  }

  #send(event: RecoveryCodesEvent): RecoveryCodesState {
    const before = this.state;
    const next = this.#flow.send(event);
    this.#host.requestUpdate();
    if (next !== before) void this.#enter(next, before);
    return next;
  }

  /** The effects of entering a state: requests, and the step-up dialog opening or closing. */
  async #enter(state: RecoveryCodesState, before: RecoveryCodesState): Promise<void> {
    const host = this.#host;
    const client = host.settingsClient;
    const stepUp = state.kind === 'needs_reauth' || state.kind === 'reauthenticating';
    if (stepUp && !this.#dialog.open) {
      const opener = deepActiveElement();
      if (before.kind !== 'reauthenticating') {
        this.#password = '';
        this.#code = '';
        this.#stepUpErrors = {};
      }
      await host.updateComplete;
      this.#dialog.show(opener);
      // Straight to the credential: the method choice (when offered) comes first in the form.
      this.#dialog.ref.value?.querySelector<HTMLInputElement>('#step-up-password, #step-up-code')?.focus();
    } else if (!stepUp && this.#dialog.open) {
      this.#dialog.close('done');
    }
    if (!client) return;
    if (state.kind === 'loading') {
      try {
        this.#send({ type: 'load_succeeded', recoveryCodes: await client.request(securityEndpoints.viewRecoveryCodes) });
        void focusAfterRender(host, '#recovery-shown');
      } catch (error) {
        this.#cause = error;
        this.#send({ type: 'load_failed', error: flowErrorOf(error) });
      }
    } else if (state.kind === 'regenerating') {
      try {
        const recoveryCodes = await client.request(securityEndpoints.regenerateRecoveryCodes);
        this.#send({ type: 'regenerate_succeeded', recoveryCodes });
        host.stores?.invalidate(securityEndpoints.overview);
        this.#tools.announce(host.t('security.recovery.regenerated'));
        void this.#tools.emit(new BillingoneSavedEvent({ section: 'security', resource: 'recovery-codes' }));
        void focusAfterRender(host, '#recovery-shown');
      } catch (error) {
        this.#cause = error;
        this.#send({ type: 'regenerate_failed', error: flowErrorOf(error) });
      }
    }
  }

  #reveal(): void {
    this.#cause = undefined;
    this.#send({ type: 'reveal', ...this.#check() });
  }

  async #regenerate(): Promise<void> {
    const t = this.#host.t.bind(this.#host);
    this.#cause = undefined;
    if (this.#send({ type: 'regenerate' }).kind !== 'confirm_regenerate') return;
    const confirmed = await this.#confirm.ask({
      title: t('security.recovery.regenerate.title'),
      message: t('security.recovery.regenerate.body'),
      confirmLabel: t('security.recovery.regenerate.confirm'),
      danger: true,
    });
    this.#send(confirmed ? { type: 'confirm', ...this.#check() } : { type: 'cancel' });
  }

  async #stepUp(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const host = this.#host;
    const t = host.t.bind(host);
    const client = host.settingsClient;
    if (!client || this.state.kind !== 'needs_reauth') return;
    const credentials: ReAuthCredentials = this.#method === 'password' ? { password: this.#password } : { code: this.#code.replace(/\s+/g, '') };
    const checked = client.validate(securityEndpoints.reauthenticate, credentials);
    if (!checked.ok) {
      this.#stepUpErrors = { [this.#method]: t(this.#method === 'password' ? 'security.reauth.error.passwordRequired' : 'security.code.error.format') };
      this.#host.requestUpdate();
      void focusAfterRender(host, '.step-up [aria-invalid="true"]');
      return;
    }
    this.#stepUpErrors = {};
    if (this.#send({ type: 'reauthenticate', credentials: checked.data }).kind !== 'reauthenticating') return;
    try {
      const { recentAuthUntil } = await client.request(securityEndpoints.reauthenticate, { body: checked.data });
      this.#password = '';
      this.#code = '';
      const store = host.stores?.resource(securityEndpoints.overview);
      const overview = store?.getState().data;
      if (store && overview) store.set({ ...overview, recentAuthUntil });
      this.#send({ type: 'reauth_succeeded', recentAuthUntil });
    } catch (error) {
      this.#cause = error;
      this.#send({ type: 'reauth_failed', error: flowErrorOf(error) });
      void focusAfterRender(host, '.step-up [aria-invalid="true"], .step-up .form-error');
    }
  }

  #setMethod(method: StepUpMethod): void {
    this.#method = method;
    this.#stepUpErrors = {};
    this.#host.requestUpdate();
  }

  render(overview: SecurityOverview): TemplateResult | typeof nothing {
    const t = this.#host.t.bind(this.#host);
    const state = this.state;
    const remaining = overview.recoveryCodes.remaining;
    if (!overview.totp.enabled && remaining === 0 && state.kind === 'idle') return nothing;
    const busy = state.kind === 'loading' || state.kind === 'regenerating' || state.kind === 'reauthenticating';
    return html`
      <section class="card stack" part="card" aria-labelledby="recovery-title" data-card="recovery">
        <div class="card-header">
          <h3 id="recovery-title" class="subtitle" part="title">${t('security.recovery.title')}</h3>
        </div>
        <p class="muted">${t('security.recovery.description')}</p>
        <p data-remaining=${remaining} class=${remaining <= 2 ? 'note' : ''}>
          ${t('security.recovery.remaining', { count: remaining })}
          ${overview.recoveryCodes.generatedAt
            ? html`<span class="small muted">${t('security.recovery.generatedAt', { date: this.#host.localizer.date(overview.recoveryCodes.generatedAt) })}</span>`
            : nothing}
        </p>
        ${this.#body(state)}
        ${busy ? loadingView(t) : nothing}
        <div class="row">
          ${state.kind === 'shown'
            ? html`<button type="button" class="button" part="button" data-action="recovery-hide" @click=${() => this.#send({ type: 'hide' })}>
                ${t('security.recovery.hide')}
              </button>`
            : html`<button type="button" class="button" part="button" data-action="recovery-view" ?disabled=${busy} @click=${() => this.#reveal()}>
                ${t('security.recovery.view')}
              </button>`}
          ${overview.totp.enabled
            ? html`<button type="button" class="button" part="button" data-action="recovery-regenerate" ?disabled=${busy} @click=${() => void this.#regenerate()}>
                ${t('security.recovery.regenerate.button')}
              </button>`
            : nothing}
        </div>
      </section>
      ${this.#renderStepUp(overview)}
    `;
  }

  #body(state: RecoveryCodesState): TemplateResult | typeof nothing {
    const t = this.#host.t.bind(this.#host);
    if (state.kind === 'shown') {
      return html`
        <div class="stack-sm" id="recovery-shown" tabindex="-1" data-state="shown">
          ${state.regenerated ? html`<p class="note" role="status">${t('security.recovery.regeneratedNote')}</p>` : nothing}
          ${recoveryCodesList(this.#host, this.#tools, { id: 'recovery', codes: state.codes, generatedAt: state.generatedAt })}
        </div>
      `;
    }
    if (state.kind === 'failed') {
      return html`
        <div class="stack-sm" data-state="failed">
          <p class="form-error" part="error" role="alert">${flowErrorMessage(t, state.error, this.#cause)}</p>
          <div class="row">
            <button type="button" class="button button-primary" part="button primary-button" @click=${() => this.#send({ type: 'retry', ...this.#check() })}>
              ${t('common.retry')}
            </button>
            <button type="button" class="button" part="button" @click=${() => this.#send({ type: 'cancel' })}>${t('common.cancel')}</button>
          </div>
        </div>
      `;
    }
    return nothing;
  }

  #renderStepUp(overview: SecurityOverview): TemplateResult {
    const t = this.#host.t.bind(this.#host);
    const state = this.state;
    const working = state.kind === 'reauthenticating';
    const flowError = state.kind === 'needs_reauth' ? state.error : undefined;
    // The server's refusal names the field it concerns; anything else is a message for the whole form.
    const serverErrors = flowError ? localiseFieldErrors(t, flowError.fieldErrors ?? [], 'server') : [];
    const fieldError = (path: StepUpMethod) => this.#stepUpErrors[path] ?? serverErrors.find((error) => error.path === path)?.message;
    const formMessage =
      flowError && serverErrors.length === 0 && flowError.code !== 'invalid_format' ? flowErrorMessage(t, flowError, this.#cause) : undefined;
    const method = overview.totp.enabled ? this.#method : 'password';
    const email = this.#data.email();
    return html`
      <dialog class="dialog step-up" part="dialog" ${ref(this.#dialog.ref)} aria-labelledby="step-up-title" aria-describedby="step-up-body" data-dialog="step-up">
        <form class="dialog-body" part="form" novalidate @submit=${(event: SubmitEvent) => void this.#stepUp(event)}>
          <h2 id="step-up-title" class="subtitle" part="title">${t('security.reauth.title')}</h2>
          <p id="step-up-body">${t('security.reauth.body')}</p>
          ${formErrorView(formMessage)}
          ${overview.totp.enabled
            ? html`<fieldset class="choice">
                <legend class="label">${t('security.reauth.method')}</legend>
                <label class="checkbox">
                  <input type="radio" name="method" value="password" .checked=${method === 'password'} @change=${() => this.#setMethod('password')} />
                  <span>${t('security.reauth.usePassword')}</span>
                </label>
                <label class="checkbox">
                  <input type="radio" name="method" value="code" .checked=${method === 'code'} @change=${() => this.#setMethod('code')} />
                  <span>${t('security.reauth.useCode')}</span>
                </label>
              </fieldset>`
            : nothing}
          ${email ? html`<input type="text" name="username" autocomplete="username" .value=${email} hidden readonly tabindex="-1" aria-hidden="true" />` : nothing}
          ${method === 'password'
            ? field({
                id: 'step-up-password',
                name: 'password',
                type: 'password',
                label: t('security.reauth.password'),
                value: this.#password,
                autocomplete: 'current-password',
                required: true,
                readonly: working,
                error: fieldError('password'),
                onInput: (event) => {
                  this.#password = event.currentTarget.value;
                  delete this.#stepUpErrors.password;
                },
              })
            : codeField({
                id: 'step-up-code',
                name: 'code',
                label: t('security.code.label'),
                hint: t('security.code.hint'),
                value: this.#code,
                readonly: working,
                error: fieldError('code'),
                onInput: (event) => {
                  this.#code = event.currentTarget.value;
                  delete this.#stepUpErrors.code;
                },
              })}
          <div class="dialog-actions">
            <button type="button" class="button" part="button" ?disabled=${working} @click=${() => this.#dialog.close('cancel')}>${t('common.cancel')}</button>
            <button type="submit" class="button button-primary" part="button primary-button" data-action="step-up-submit" ?disabled=${working} aria-busy=${working ? 'true' : 'false'}>
              ${working ? t('security.reauth.checking') : t('security.reauth.submit')}
            </button>
          </div>
        </form>
      </dialog>
    `;
  }

}
