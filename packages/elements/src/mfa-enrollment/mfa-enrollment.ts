import { meEndpoints, securityEndpoints, type Me } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import { BillingoneElement } from '../base/billingone-element.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { BillingoneMfaEnrolledEvent } from '../events/mfa-enrolled.js';
import { storeView } from '../ui/status.js';
import { focusAfterRender, type SecurityTools } from '../security/host.js';
import { securityStyles } from '../security/security.styles.js';
import { PasskeysPanel } from '../security/passkeys-panel.js';
import { TotpEnrollmentController, totpEnrollmentView } from '../security/totp-enrollment.js';
import { mfaEnrollmentStyles } from './mfa-enrollment.styles.js';

/**
 * The mandatory two-factor enrolment gate. `<billingone-settings>` shows it instead of the settings
 * when `GET /v1/me` says `mfa.enrollmentRequired` (the organization requires MFA and the member has
 * none); hosts can show it the same way in their own app.
 *
 * ```html
 * <billingone-provider base-url="https://settings.example.com">
 *   <billingone-mfa-enrollment></billingone-mfa-enrollment>
 * </billingone-provider>
 * ```
 *
 * It explains the organization's policy and offers the two factors the policy accepts, as
 * `<billingone-security>` runs them: the authenticator app (QR code or setup key, a 6-digit code,
 * then the recovery codes, shown once) or a passkey (the browser's own prompt). It cannot be
 * dismissed: there is no close, and Escape does nothing. Once the member confirms they saved the
 * recovery codes, or the passkey is registered, it fires `billingone-mfa-enrolled` and reloads
 * `/me`, so the shell lets the member in.
 *
 * @summary Mandatory set-up of two-factor authentication, required by the organization.
 * @tagname billingone-mfa-enrollment
 *
 * @csspart base - The gate's wrapper.
 * @csspart header - The heading and the policy explanation.
 * @csspart title - Headings.
 * @csspart card - The enrolment card.
 * @csspart form - The code form.
 * @csspart field - The code field.
 * @csspart label - The code field's label.
 * @csspart input - The code input.
 * @csspart hint - The code field's hint.
 * @csspart error - Error messages.
 * @csspart button - Every button.
 * @csspart primary-button - The main action of each step.
 * @csspart status - Loading and error states.
 *
 * @cssprop [--billingone-security-qr-size=12rem] - Width and height of the QR code.
 * @cssprop [--billingone-security-qr-color=CanvasText] - Colour of the QR code's modules.
 * @cssprop [--billingone-security-qr-background=Canvas] - Background of the QR code.
 *
 * @fires {BillingoneMfaEnrolledEvent} billingone-mfa-enrolled - The member set up the authenticator app and saved the recovery codes (`detail.method` is `totp`), or registered a passkey (`passkey`).
 * @fires {BillingoneSavedEvent} billingone-saved - A passkey was registered here (`detail.section` is `security`, `detail.resource` is `passkey`).
 */
export class BillingoneMfaEnrollment extends BillingoneElement {
  static override styles = [BillingoneElement.styles, securityStyles, mfaEnrollmentStyles];

  readonly #me = new StoreController(this, () => this.stores?.resource(meEndpoints.get));
  readonly #overview = new StoreController(this, () => this.stores?.resource(securityEndpoints.overview));
  readonly #tools: SecurityTools = {
    announce: (message, politeness) => this.announce(message, politeness),
    emit: (event) => {
      if (event instanceof BillingoneMfaEnrolledEvent && event.detail.method === 'passkey') this.#passkeyAdded();
      return this.emit(event);
    },
  };
  readonly #enrollment = new TotpEnrollmentController(this, { onDone: () => this.#done() });
  readonly #confirm = new ConfirmController(this);
  readonly #passkeys = new PasskeysPanel(this, this.#tools, this.#confirm);
  /** A passkey registered here: the gate says it is done, as after the authenticator app. */
  #enrolledWithPasskey = false;
  readonly #tr = this.t.bind(this);

  #done(): void {
    this.stores?.invalidate(meEndpoints.get, securityEndpoints.overview);
    this.announce(this.t('mfaEnrollment.done'));
    void focusAfterRender(this, '#gate-done');
    void this.emit(new BillingoneMfaEnrolledEvent({ method: 'totp' }));
  }

  #passkeyAdded(): void {
    this.#enrolledWithPasskey = true;
    this.announce(this.t('mfaEnrollment.done'));
    void focusAfterRender(this, '#gate-done');
  }

  protected override render(): TemplateResult {
    return html`
      <div class="gate stack" part="base">
        ${storeView(this.#tr, this.#me.state, (me) => this.#gate(me), {
          onRetry: () => void this.#me.store?.load({ force: true }).catch(() => undefined),
        })}
      </div>
      ${this.#confirm.render()}
    `;
  }

  #gate(me: Me): TemplateResult {
    const t = this.#tr;
    const enrollment = this.#enrollment;
    const state = enrollment.state;
    const hasFactor = me.mfa.totpEnabled || me.mfa.passkeyCount > 0;
    const justDone = state.kind === 'done' || this.#enrolledWithPasskey;
    const finished = justDone || (hasFactor && !enrollment.active);
    const overview = this.#overview.state?.data;
    return html`
      <div class="section-header" part="header">
        <h2 class="title" part="title">${t('mfaEnrollment.title')}</h2>
        <p data-policy>
          ${me.mfa.orgRequiresMfa ? t('mfaEnrollment.policy', { organization: me.organization.name }) : t('mfaEnrollment.notRequired')}
        </p>
      </div>
      <section class="card stack" part="card" aria-labelledby="gate-card-title">
        <h3 id="gate-card-title" class="subtitle" part="title">${t('security.totp.title')}</h3>
        ${finished
          ? html`<p id="gate-done" class="done" role="status" tabindex="-1">${t(justDone ? 'mfaEnrollment.done' : 'mfaEnrollment.alreadySet')}</p>`
          : enrollment.active
            ? totpEnrollmentView(this, this.#tools, enrollment, { id: 'gate', cancellable: false })
            : html`
                <p class="muted">${t('mfaEnrollment.intro')}</p>
                <ol class="overview-steps">
                  <li>${t('mfaEnrollment.step.app')}</li>
                  <li>${t('mfaEnrollment.step.scan')}</li>
                  <li>${t('mfaEnrollment.step.codes')}</li>
                </ol>
                <div class="row">
                  <button type="button" class="button button-primary" part="button primary-button" data-action="gate-start" @click=${() => void enrollment.start()}>
                    ${t('mfaEnrollment.start')}
                  </button>
                </div>
              `}
      </section>
      ${finished || enrollment.active || !overview ? nothing : this.#passkeys.render(overview)}
    `;
  }
}
