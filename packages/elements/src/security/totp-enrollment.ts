import {
  createFlowStore,
  initialTotpEnrollmentState,
  securityEndpoints,
  totpEnrollmentTransition,
  type FlowStore,
  type TotpEnrollmentEvent,
  type TotpEnrollmentState,
} from '@billingone/settings-core';
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { copyText } from '../ui/clipboard.js';
import { loadingView } from '../ui/status.js';
import { codeField } from './code-field.js';
import { flowErrorMessage, flowErrorOf } from './flow-errors.js';
import { focusAfterRender, type SecurityHost, type SecurityTools } from './host.js';
import { loadQrEncoder, qrCode } from './qr-code.js';
import { recoveryCodesList } from './recovery-codes-list.js';

export interface TotpEnrollmentOptions {
  /** TOTP is on at the server (the code was accepted); the recovery codes are showing. */
  readonly onEnabled?: () => void;
  /** The member confirmed they saved the recovery codes. */
  readonly onDone?: () => void;
}

/** Longest timer a browser keeps (about 24.8 days); enrolments expire long before. */
const maxTimeout = 2 ** 31 - 1;

const newFlow = (): FlowStore<TotpEnrollmentState, TotpEnrollmentEvent> => createFlowStore(totpEnrollmentTransition, initialTotpEnrollmentState);

/**
 * Drives core's TOTP enrolment flow for an element: start (a secret and otpauth URI from the API),
 * verify the 6-digit code the member typed, show the recovery codes once, acknowledge. Expires the
 * secret at its `expiresAt`. Shared by `<billingone-security>` and `<billingone-mfa-enrollment>`;
 * render it with {@link totpEnrollmentView}.
 */
export class TotpEnrollmentController implements ReactiveController {
  /** The code as the member typed it; kept after a wrong code. */
  code = '';
  readonly #host: SecurityHost;
  readonly #options: TotpEnrollmentOptions;
  #flow = newFlow();
  #cause: unknown;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #connected = false;

  constructor(host: SecurityHost, options: TotpEnrollmentOptions = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get state(): TotpEnrollmentState {
    return this.#flow.getState();
  }

  /** The error behind the current flow error, for a precise message (network, rate limit…). */
  get cause(): unknown {
    return this.#cause;
  }

  /** Whether an enrolment is under way (anything between idle and done). */
  get active(): boolean {
    const { kind } = this.state;
    return kind !== 'idle' && kind !== 'done' && kind !== 'cancelled';
  }

  hostConnected(): void {
    this.#connected = true;
    this.#syncTimer();
  }

  hostDisconnected(): void {
    // Requests under way finish and land in the flow, so coming back shows where the member was.
    this.#connected = false;
    this.#syncTimer();
  }

  /** Starts an enrolment (also again after a failure, an expiry, a cancel or a finished one). */
  async start(): Promise<void> {
    const client = this.#host.settingsClient;
    if (!client) return;
    const kind = this.state.kind;
    if (kind === 'cancelled' || kind === 'done') this.#flow = newFlow();
    if (this.#send({ type: 'start' }).kind !== 'starting') return;
    this.code = '';
    this.#cause = undefined;
    try {
      const [enrollment] = await Promise.all([client.request(securityEndpoints.startTotp), loadQrEncoder()]);
      this.#send({ type: 'start_succeeded', enrollment });
      void focusAfterRender(this.#host, '[data-focus="totp-step"]');
    } catch (error) {
      this.#cause = error;
      this.#send({ type: 'start_failed', error: flowErrorOf(error) });
    }
  }

  /** Checks the typed code (six digits, spaces ignored) and sends it. */
  async submit(): Promise<void> {
    const client = this.#host.settingsClient;
    if (!client) return;
    const state = this.#send({ type: 'submit_code', code: this.code.replace(/\s+/g, '') });
    if (state.kind !== 'verifying') {
      this.#cause = undefined;
      void focusAfterRender(this.#host, '.enrol input.input');
      return;
    }
    try {
      const { recoveryCodes } = await client.request(securityEndpoints.verifyTotp, { body: { enrollmentId: state.enrollmentId, code: state.code } });
      this.#send({ type: 'verify_succeeded', recoveryCodes });
      this.code = '';
      this.#options.onEnabled?.();
      void focusAfterRender(this.#host, '[data-focus="totp-step"]');
    } catch (error) {
      this.#cause = error;
      const next = this.#send({ type: 'verify_failed', error: flowErrorOf(error) });
      void focusAfterRender(this.#host, next.kind === 'showing_secret' ? '.enrol input.input' : '[data-focus="totp-step"]');
    }
  }

  /** Leaves the enrolment before the code is verified; the flow goes back to idle. */
  cancel(): void {
    if (this.#send({ type: 'cancel' }).kind === 'cancelled') this.reset();
  }

  /** The member saved the recovery codes: the enrolment is done. */
  acknowledge(): void {
    if (this.#send({ type: 'acknowledged' }).kind === 'done') this.#options.onDone?.();
  }

  /** Back to idle (drops the recovery codes from memory). */
  reset(): void {
    this.#flow = newFlow();
    this.code = '';
    this.#cause = undefined;
    this.#syncTimer();
    this.#host.requestUpdate();
  }

  #send(event: TotpEnrollmentEvent): TotpEnrollmentState {
    const next = this.#flow.send(event);
    this.#syncTimer();
    this.#host.requestUpdate();
    return next;
  }

  #syncTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const state = this.state;
    if (!this.#connected || state.kind !== 'showing_secret') return;
    const delay = Date.parse(state.expiresAt) - Date.now();
    this.#timer = setTimeout(() => this.#send({ type: 'expire' }), Math.min(Math.max(delay, 0), maxTimeout));
  }
}

export interface TotpEnrollmentViewOptions {
  /** Prefix of the ids in the view (unique in the shadow root). */
  readonly id: string;
  /** Offer a Cancel button (the mandatory gate does not). */
  readonly cancellable: boolean;
}

/** Groups a base32 secret in fours for reading aloud and typing: `JBSW Y3DP EHPK 3PXP`. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The enrolment steps for the state of `controller`: the QR code and the key for manual entry with
 * the code form, the recovery codes to save, or the expired and failed states. Renders nothing when
 * idle or done: the host shows its own start button and outcome.
 */
export function totpEnrollmentView(
  host: SecurityHost,
  tools: SecurityTools,
  controller: TotpEnrollmentController,
  options: TotpEnrollmentViewOptions,
): TemplateResult | typeof nothing {
  const t = host.t.bind(host);
  const state = controller.state;
  const cancel = options.cancellable
    ? html`<button type="button" class="button" part="button" @click=${() => controller.cancel()}>${t('common.cancel')}</button>`
    : nothing;
  switch (state.kind) {
    case 'starting':
      return loadingView(t, t('security.totp.starting'));
    case 'failed':
    case 'expired': {
      const message = state.kind === 'expired' ? t('security.totp.expired') : flowErrorMessage(t, state.error, controller.cause);
      return html`
        <div class="stack-sm enrol" data-state=${state.kind}>
          <p class="form-error" part="error" role="alert" tabindex="-1" data-focus="totp-step">${message}</p>
          <div class="row">
            <button type="button" class="button button-primary" part="button primary-button" @click=${() => void controller.start()}>
              ${t('security.totp.restart')}
            </button>
            ${cancel}
          </div>
        </div>
      `;
    }
    case 'showing_secret':
    case 'verifying': {
      const verifying = state.kind === 'verifying';
      const error = state.kind === 'showing_secret' && state.error ? flowErrorMessage(t, state.error, controller.cause) : undefined;
      const qr = qrCode(state.otpauthUri, t('security.totp.setup.qrLabel'));
      const copyKey = async () => {
        const copied = await copyText(state.secret);
        tools.announce(t(copied ? 'security.totp.keyCopied' : 'security.recovery.copyFailed'), copied ? 'polite' : 'assertive');
      };
      const onSubmit = (event: SubmitEvent) => {
        event.preventDefault();
        if (!verifying) void controller.submit();
      };
      return html`
        <div class="stack enrol" data-state=${state.kind}>
          <h4 class="subtitle" tabindex="-1" data-focus="totp-step">${t('security.totp.setup.title')}</h4>
          <ol class="steps">
            <li><div class="stack-sm">
              <p>${t('security.totp.setup.scan')}</p>
              ${qr === nothing ? nothing : html`<div class="qr-frame">${qr}</div>`}
            </div></li>
            <li><div class="stack-sm">
              <p id="${options.id}-key-label">${t('security.totp.setup.manual')}</p>
              <div class="row">
                <code class="secret mono" dir="ltr" aria-describedby="${options.id}-key-label" data-secret>${groupSecret(state.secret)}</code>
                <button type="button" class="button button-small" part="button" data-action="copy-key" @click=${copyKey}>
                  ${t('security.totp.setup.copyKey')}
                </button>
              </div>
            </div></li>
            <li>
              <form class="stack-sm" part="form" novalidate @submit=${onSubmit}>
                ${codeField({
                  id: `${options.id}-code`,
                  label: t('security.totp.setup.codeLabel'),
                  hint: state.attempts >= 2 ? t('security.totp.setup.clockHint') : t('security.totp.setup.codeHint'),
                  value: controller.code,
                  readonly: verifying,
                  error,
                  onInput: (event) => {
                    controller.code = event.currentTarget.value;
                  },
                })}
                <div class="row">
                  <button
                    type="submit"
                    class="button button-primary"
                    part="button primary-button"
                    data-action="verify"
                    ?disabled=${verifying}
                    aria-busy=${verifying ? 'true' : 'false'}
                  >
                    ${verifying ? t('security.totp.setup.verifying') : t('security.totp.setup.verify')}
                  </button>
                  ${verifying ? nothing : cancel}
                </div>
              </form>
            </li>
          </ol>
        </div>
      `;
    }
    case 'showing_recovery_codes':
      return html`
        <div class="stack enrol" data-state=${state.kind}>
          <h4 class="subtitle" tabindex="-1" data-focus="totp-step">${t('security.totp.codes.title')}</h4>
          <p>${t('security.totp.codes.body')}</p>
          ${recoveryCodesList(host, tools, { id: `${options.id}-recovery`, codes: state.codes, generatedAt: state.generatedAt })}
          <div class="row">
            <button
              type="button"
              class="button button-primary"
              part="button primary-button"
              data-action="acknowledge"
              @click=${() => controller.acknowledge()}
            >
              ${t('security.totp.codes.acknowledge')}
            </button>
          </div>
        </div>
      `;
    default:
      return nothing;
  }
}
