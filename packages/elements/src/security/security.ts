import { can, meEndpoints, securityEndpoints } from '@billingone/settings-core';
import { html, type TemplateResult } from 'lit';
import { BillingoneElement } from '../base/billingone-element.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { StoreController } from '../controllers/store-controller.js';
import { sectionFrame } from '../ui/section.js';
import { forbiddenView, storeView } from '../ui/status.js';
import type { SecurityTools } from './host.js';
import { LoginHistoryPanel } from './login-history-panel.js';
import { PasskeysPanel } from './passkeys-panel.js';
import { RecoveryCodesPanel } from './recovery-codes-panel.js';
import { securityStyles } from './security.styles.js';
import { TotpPanel } from './totp-panel.js';

/**
 * The member's own sign-in security: an authenticator app (TOTP), passkeys, recovery codes and the
 * history of sign-ins.
 *
 * ```html
 * <billingone-provider base-url="https://settings.example.com">
 *   <billingone-security></billingone-security>
 * </billingone-provider>
 * ```
 *
 * - Authenticator app: set up with a QR code (drawn as inline SVG) or the key typed by hand, confirm
 *   a 6-digit code, then save the recovery codes, shown this once (copy or download as a `.txt`).
 *   Turning it off asks for a current code and is refused while the organization requires MFA.
 * - Passkeys: name, created, last used; add one with the browser's passkey prompt (dismissing it
 *   only cancels), rename inline, remove after a confirmation.
 * - Recovery codes: how many are left; viewing or regenerating them (the old ones stop working)
 *   asks for the password or a current code first unless the member re-authenticated in the last
 *   ten minutes.
 * - Recent sign-ins: method, result, IP address, location and time, newest first, paged.
 *
 * `billingone-mfa-enrolled` fires as soon as the server turned the factor on (TOTP: when the code
 * is accepted, before the recovery codes are acknowledged).
 *
 * @summary Two-factor authentication, passkeys, recovery codes and sign-in history.
 * @tagname billingone-security
 *
 * @csspart base - The section wrapper.
 * @csspart header - The section's heading and introduction.
 * @csspart title - Headings of the section, its cards and dialogs.
 * @csspart card - Each card (authenticator app, recovery codes, passkeys, recent sign-ins).
 * @csspart form - The code, passkey and re-authentication forms.
 * @csspart field - A form field (label, input, hint, error).
 * @csspart label - A field's label.
 * @csspart input - A field's input.
 * @csspart hint - A field's hint.
 * @csspart error - A field or form error message.
 * @csspart button - Every button.
 * @csspart primary-button - The main action of a card or dialog.
 * @csspart danger-button - Destructive confirmations (turn off, remove, regenerate).
 * @csspart table - The passkeys and sign-in tables.
 * @csspart row - A passkey or a sign-in.
 * @csspart badge - Status labels (On, Off, Synced, Succeeded, Failed).
 * @csspart dialog - The dialogs (turn off, re-authenticate, confirmations).
 * @csspart status - Loading, error and forbidden states.
 *
 * @cssprop [--billingone-security-qr-size=12rem] - Width and height of the QR code.
 * @cssprop [--billingone-security-qr-color=CanvasText] - Colour of the QR code's modules (kept dark on light for scanners).
 * @cssprop [--billingone-security-qr-background=Canvas] - Background of the QR code.
 *
 * @fires {BillingoneSavedEvent} billingone-saved - The member changed a setting: `detail.resource` is `totp`, `passkey` or `recovery-codes` (`detail.section` is `security`).
 * @fires {BillingoneMfaEnrolledEvent} billingone-mfa-enrolled - The member turned on a second factor (`detail.method`: `totp` or `passkey`).
 */
export class BillingoneSecurity extends BillingoneElement {
  static override styles = [BillingoneElement.styles, securityStyles];

  readonly #me = new StoreController(this, () => this.stores?.resource(meEndpoints.get));
  readonly #overview = new StoreController(this, () => this.stores?.resource(securityEndpoints.overview));
  readonly #tools: SecurityTools = {
    announce: (message, politeness) => this.announce(message, politeness),
    emit: (event) => this.emit(event),
  };
  readonly #confirm = new ConfirmController(this);
  readonly #totp = new TotpPanel(this, this.#tools);
  readonly #passkeys = new PasskeysPanel(this, this.#tools, this.#confirm);
  readonly #recovery = new RecoveryCodesPanel(this, this.#tools, this.#confirm, {
    overview: () => this.#overview.state?.data,
    email: () => this.#me.state?.data?.member.email,
  });
  readonly #history = new LoginHistoryPanel(this);
  readonly #tr = this.t.bind(this);

  protected override render(): TemplateResult {
    const me = this.#me.state?.data;
    const allowed = !me || can(me, 'self.manage');
    return sectionFrame({
      title: this.t('security.title'),
      intro: this.t('security.description'),
      baseClass: 'security stack',
      body: allowed
        ? storeView(
            this.#tr,
            this.#overview.state,
            (overview) => html`
              ${this.#totp.render(overview)} ${this.#recovery.render(overview)} ${this.#passkeys.render(overview)} ${this.#history.render()}
            `,
            { onRetry: this.#overview.refresh },
          )
        : forbiddenView(this.#tr),
      dialog: this.#confirm.render(),
    });
  }
}
