import { meEndpoints, securityEndpoints, type SecurityOverview } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { DialogController } from '../controllers/dialog-controller.js';
import { FormController } from '../controllers/form-controller.js';
import { BillingoneMfaEnrolledEvent } from '../events/mfa-enrolled.js';
import { BillingoneSavedEvent } from '../events/saved.js';
import { badge } from '../ui/badge.js';
import { formErrorView } from '../ui/field.js';
import { codeField } from './code-field.js';
import { checkForm, submitForm } from './forms.js';
import { focusAfterRender, type SecurityHost, type SecurityTools } from './host.js';
import { TotpEnrollmentController, totpEnrollmentView } from './totp-enrollment.js';

/**
 * The “Authenticator app” card of `<billingone-security>`: status, enrolment (shared with the MFA
 * gate) and turning it off with a current code, which the organization's MFA policy can forbid.
 */
export class TotpPanel {
  readonly enrollment: TotpEnrollmentController;
  readonly #host: SecurityHost;
  readonly #tools: SecurityTools;
  readonly #dialog: DialogController;
  readonly #form: FormController;
  #code = '';

  constructor(host: SecurityHost, tools: SecurityTools) {
    this.#host = host;
    this.#tools = tools;
    this.enrollment = new TotpEnrollmentController(host, {
      onEnabled: () => this.#enabled(),
      onDone: () => void focusAfterRender(host, '#totp-title'),
    });
    this.#dialog = new DialogController(host, {
      onClose: () => {
        this.#code = '';
        this.#form.clear();
      },
    });
    this.#form = new FormController(host);
  }

  #enabled(): void {
    const host = this.#host;
    host.stores?.invalidate(securityEndpoints.overview, meEndpoints.get);
    this.#tools.announce(host.t('security.totp.enabled'));
    void this.#tools.emit(new BillingoneSavedEvent({ section: 'security', resource: 'totp' }));
    void this.#tools.emit(new BillingoneMfaEnrolledEvent({ method: 'totp' }));
  }

  async #disable(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const host = this.#host;
    const client = host.settingsClient;
    const stores = host.stores;
    if (!client || !stores || this.#form.submitting) return;
    const body = checkForm(host, this.#form, client.validate(securityEndpoints.disableTotp, { code: this.#code.replace(/\s+/g, '') }));
    if (!body) return;
    const result = await submitForm(host, this.#form, () =>
      stores.mutate(securityEndpoints.disableTotp, { body }, { invalidates: [securityEndpoints.overview, meEndpoints.get] }),
    );
    if (!result.ok) return;
    this.#dialog.close('done');
    this.#tools.announce(host.t('security.totp.disabled'));
    void this.#tools.emit(new BillingoneSavedEvent({ section: 'security', resource: 'totp' }));
  }

  render(overview: SecurityOverview): TemplateResult {
    const t = this.#host.t.bind(this.#host);
    const enabled = overview.totp.enabled;
    const enrolling = this.enrollment.active;
    return html`
      <section class="card stack" part="card" aria-labelledby="totp-title" data-card="totp">
        <div class="card-header">
          <h3 id="totp-title" class="subtitle" part="title" tabindex="-1">${t('security.totp.title')}</h3>
          ${enabled ? badge(t('security.totp.on'), 'success') : badge(t('security.totp.off'))}
        </div>
        <p class="muted">${t('security.totp.description')}</p>
        ${enabled && overview.totp.enabledAt && !enrolling
          ? html`<p class="small muted">${t('security.totp.enabledAt', { date: this.#host.localizer.date(overview.totp.enabledAt) })}</p>`
          : nothing}
        ${enrolling
          ? totpEnrollmentView(this.#host, this.#tools, this.enrollment, { id: 'totp', cancellable: true })
          : enabled
            ? this.#disableControls(overview.orgRequiresMfa)
            : html`<div class="row">
                <button type="button" class="button button-primary" part="button primary-button" data-action="totp-setup" @click=${() => void this.enrollment.start()}>
                  ${t('security.totp.setup.start')}
                </button>
              </div>`}
      </section>
      ${this.#renderDialog()}
    `;
  }

  #disableControls(requiredByOrg: boolean): TemplateResult {
    const t = this.#host.t.bind(this.#host);
    return html`
      <div class="stack-sm">
        ${requiredByOrg ? html`<p class="note" id="totp-required" data-note="required-by-org">${t('security.totp.disable.requiredByOrg')}</p>` : nothing}
        <div class="row">
          <button
            type="button"
            class="button"
            part="button"
            data-action="totp-disable"
            ?disabled=${requiredByOrg}
            aria-describedby=${requiredByOrg ? 'totp-required' : nothing}
            @click=${() => this.#dialog.show()}
          >
            ${t('security.totp.disable.button')}
          </button>
        </div>
      </div>
    `;
  }

  #renderDialog(): TemplateResult {
    const t = this.#host.t.bind(this.#host);
    const form = this.#form;
    return html`
      <dialog class="dialog" part="dialog" ${ref(this.#dialog.ref)} aria-labelledby="totp-disable-title" data-dialog="totp-disable">
        <form class="dialog-body" part="form" novalidate @submit=${(event: SubmitEvent) => void this.#disable(event)}>
          <h2 id="totp-disable-title" class="subtitle" part="title">${t('security.totp.disable.title')}</h2>
          <p>${t('security.totp.disable.body')}</p>
          ${formErrorView(form.message)}
          ${codeField({
            id: 'totp-disable-code',
            name: 'code',
            label: t('security.code.label'),
            hint: t('security.code.hint'),
            value: this.#code,
            error: form.error('code'),
            onInput: (event) => {
              this.#code = event.currentTarget.value;
              form.clear('code');
            },
          })}
          <div class="dialog-actions">
            <button type="button" class="button" part="button" @click=${() => this.#dialog.close('cancel')}>${t('common.cancel')}</button>
            <button
              type="submit"
              class="button button-danger"
              part="button danger-button"
              data-action="totp-disable-confirm"
              ?disabled=${form.submitting}
              aria-busy=${form.submitting ? 'true' : 'false'}
            >
              ${form.submitting ? t('common.saving') : t('security.totp.disable.confirm')}
            </button>
          </div>
        </form>
      </dialog>
    `;
  }
}
