import {
  createFlowStore,
  initialPasswordChangeState,
  passwordChangeBody,
  passwordChangeTransition,
  passwordMaxLength,
  passwordMinLength,
  passwordRules,
  passwordStrength,
  profileEndpoints,
  requiredPasswordRules,
  sessionEndpoints,
  toFlowError,
  type FlowStore,
  type PasswordChangeEvent,
  type PasswordChangeState,
  type PasswordField,
} from '@billingone/settings-core';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { BillingoneElement } from '../base/billingone-element.js';
import { focusAfterUpdate } from '../controllers/focus.js';
import { describeError, isAbort } from '../ui/errors.js';
import { localiseMessage } from '../ui/field-messages.js';
import { field, formErrorView, submitButton } from '../ui/field.js';
import { profileMessages } from './messages.js';

export interface PasswordChangeOptions {
  /** Called once the API accepted the new password, with the number of other sessions it signed out. */
  readonly onChanged: (otherSessionsEnded: number) => void;
}

const formSelector = 'form[aria-labelledby="password-title"]';

const fieldIds: Record<PasswordField, string> = {
  currentPassword: 'current-password',
  newPassword: 'new-password',
  confirmPassword: 'confirm-password',
};

/**
 * The change-password form of `<billingone-profile>`, driven by core's PasswordChange flow: current,
 * new and confirmed password, a strength meter with the rules, and the result. The typed values
 * survive a refused change; a hidden username field lets password managers store the new password
 * for the right account.
 */
export class PasswordChangeController implements ReactiveController {
  readonly #host: BillingoneElement;
  readonly #options: PasswordChangeOptions;
  #flow: FlowStore<PasswordChangeState, PasswordChangeEvent> | undefined;
  #unsubscribe: (() => void) | undefined;
  #error: unknown;
  #reveal = false;

  constructor(host: BillingoneElement, options: PasswordChangeOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#flow = undefined;
  }

  #flowFor(email: string): FlowStore<PasswordChangeState, PasswordChangeEvent> {
    if (!this.#flow || this.#flow.getState().email !== email) {
      this.#unsubscribe?.();
      this.#flow = createFlowStore(passwordChangeTransition, initialPasswordChangeState(email));
      let first = true;
      this.#unsubscribe = this.#flow.subscribe(() => {
        if (!first) this.#host.requestUpdate();
        first = false;
      });
    }
    return this.#flow;
  }

  render(email: string): TemplateResult {
    const state = this.#flowFor(email).getState();
    const t = this.#host.t.bind(this.#host);
    return html`
      <section class="card stack" part="card" aria-labelledby="password-title">
        <div class="stack-sm">
          <h3 id="password-title" class="subtitle" part="title">${t('profile.password.title')}</h3>
          <p class="muted">${t('profile.password.intro')}</p>
        </div>
        ${state.kind === 'succeeded' ? this.#renderSuccess(state.otherSessionsEnded) : this.#renderForm(state)}
      </section>
    `;
  }

  #renderSuccess(count: number): TemplateResult {
    const t = this.#host.t.bind(this.#host);
    return html`
      <div class="stack-sm password-done">
        <p class="success-message" tabindex="-1">${t('profile.password.changed', { count })}</p>
        <div class="row">
          <button type="button" class="button" part="button" @click=${() => this.#flow?.send({ type: 'reset' })}>${t('profile.password.done')}</button>
        </div>
      </div>
    `;
  }

  #renderForm(state: Exclude<PasswordChangeState, { kind: 'succeeded' }>): TemplateResult {
    const host = this.#host;
    const t = host.t.bind(host);
    const { fields, email } = state;
    const submitting = state.kind === 'submitting';
    const errors = state.kind === 'editing' ? state.fieldErrors : [];
    const errorOf = (path: PasswordField) => localiseMessage(t, errors.find((error) => error.path === path)?.message, profileMessages);
    const type = this.#reveal ? 'text' : 'password';
    const input = (name: PasswordField) => (event: InputEvent & { currentTarget: HTMLInputElement }) =>
      this.#flow?.send({ type: 'change', field: name, value: event.currentTarget.value });
    const formMessage = errors.length === 0 && this.#error !== undefined && !isAbort(this.#error) ? describeError(this.#error, t) : undefined;
    return html`
      <form class="stack" part="form" novalidate aria-labelledby="password-title" @submit=${this.#submit}>
        <input type="email" name="username" autocomplete="username" .value=${email} readonly hidden />
        ${field({
          id: fieldIds.currentPassword,
          name: 'current-password',
          type,
          label: t('profile.password.current'),
          value: fields.currentPassword,
          autocomplete: 'current-password',
          required: true,
          spellcheck: false,
          dir: 'ltr',
          disabled: submitting,
          error: errorOf('currentPassword'),
          onInput: input('currentPassword'),
        })}
        ${field({
          id: fieldIds.newPassword,
          name: 'new-password',
          type,
          label: t('profile.password.new'),
          value: fields.newPassword,
          autocomplete: 'new-password',
          required: true,
          spellcheck: false,
          dir: 'ltr',
          disabled: submitting,
          hint: this.#renderStrength(fields.newPassword, email),
          error: errorOf('newPassword'),
          onInput: input('newPassword'),
        })}
        ${field({
          id: fieldIds.confirmPassword,
          name: 'confirm-password',
          type,
          label: t('profile.password.confirm'),
          value: fields.confirmPassword,
          autocomplete: 'new-password',
          required: true,
          spellcheck: false,
          dir: 'ltr',
          disabled: submitting,
          error: errorOf('confirmPassword'),
          onInput: input('confirmPassword'),
        })}
        <label class="checkbox">
          <input type="checkbox" .checked=${this.#reveal} @change=${this.#toggleReveal} />
          <span>${t('profile.password.show')}</span>
        </label>
        ${formErrorView(formMessage)}
        <div class="row">${submitButton({ busy: submitting, label: t('profile.password.submit'), busyLabel: t('profile.password.submitting') })}</div>
      </form>
    `;
  }

  #renderStrength(password: string, email: string): TemplateResult {
    const t = this.#host.t.bind(this.#host);
    const strength = passwordStrength(password, { email });
    const level = t(`profile.password.strength.${strength.score}`);
    const unmet = new Set(strength.unmet);
    const ruleText = {
      min_length: t('profile.password.rule.min_length', { min: passwordMinLength }),
      max_length: t('profile.password.rule.max_length', { max: passwordMaxLength }),
      not_email: t('profile.password.rule.not_email'),
      variety: t('profile.password.rule.variety'),
      not_guessable: t('profile.password.rule.not_guessable'),
    };
    return html`
      <span class="strength" data-score=${password === '' ? 'none' : String(strength.score)}>
        <span class="strength-bars" aria-hidden="true">
          ${[1, 2, 3, 4].map((bar) => html`<span class="strength-bar ${password !== '' && strength.score >= bar ? 'on' : ''}"></span>`)}
        </span>
        <span class="strength-label">${password === '' ? nothing : t('profile.password.strength', { level })}</span>
      </span>
      <span class="visually-hidden">${t('profile.password.rules')}:</span>
      <ul class="rules">
        ${passwordRules
          .filter((rule) => rule !== 'max_length' || unmet.has(rule))
          .map((rule) => {
            const met = password !== '' && !unmet.has(rule);
            return html`<li class="rule ${met ? 'met' : ''} ${requiredPasswordRules.includes(rule) ? 'required' : ''}" data-rule=${rule}>
              <span class="rule-mark" aria-hidden="true">${met ? '✓' : '•'}</span>
              <span>${ruleText[rule]}</span>
              <span class="visually-hidden">(${met ? t('profile.password.ruleMet') : t('profile.password.ruleUnmet')})</span>
            </li>`;
          })}
      </ul>
    `;
  }

  readonly #toggleReveal = (event: Event & { currentTarget: HTMLInputElement }): void => {
    this.#reveal = event.currentTarget.checked;
    this.#host.requestUpdate();
  };

  readonly #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const flow = this.#flow;
    const stores = this.#host.stores;
    if (!flow || !stores) return;
    this.#error = undefined;
    const state = flow.send({ type: 'submit' });
    if (state.kind !== 'submitting') {
      this.#host.requestUpdate();
      await focusAfterUpdate(this.#host, `${formSelector} [aria-invalid="true"]`);
      return;
    }
    try {
      const result = await stores.mutate(profileEndpoints.changePassword, { body: passwordChangeBody(state) }, { invalidates: [sessionEndpoints.list] });
      flow.send({ type: 'submit_succeeded', otherSessionsEnded: result.otherSessionsEnded });
      await focusAfterUpdate(this.#host, '.success-message');
      this.#options.onChanged(result.otherSessionsEnded);
    } catch (error) {
      this.#error = error;
      flow.send({ type: 'submit_failed', error: toFlowError(error) });
      await focusAfterUpdate(this.#host, `${formSelector} [aria-invalid="true"], ${formSelector} .form-error`);
    }
  };
}
