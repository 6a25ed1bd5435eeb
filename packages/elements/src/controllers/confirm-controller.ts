import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MessageKey, MessageParams } from '../i18n/localize.js';
import { DialogController } from './dialog-controller.js';
import { deepActiveElement } from './focus.js';

export interface ConfirmOptions {
  /** Dialog title, e.g. “Remove Jane Doe?”. */
  readonly title: string;
  /** What will happen. */
  readonly message: string | TemplateResult;
  /** Label of the confirming button, e.g. “Remove member”. */
  readonly confirmLabel: string;
  /** Label of the cancel button (default “Cancel”). */
  readonly cancelLabel?: string;
  /** A destructive action: the confirm button is styled as danger (focus still starts on Cancel). */
  readonly danger?: boolean;
}

/** A host that can localise strings (every `BillingoneElement`). */
export interface LocalizedHost extends ReactiveControllerHost {
  t(key: MessageKey, params?: MessageParams): string;
}

let sequence = 0;

/**
 * An accessible confirmation dialog: `await this.confirm.ask({...})` resolves `true` when the user
 * confirms and `false` when they cancel or press Escape. Focus starts on Cancel and returns to the
 * button that asked. The host renders `${this.confirm.render()}` once in its template.
 */
export class ConfirmController implements ReactiveController {
  readonly #host: LocalizedHost;
  readonly #dialog: DialogController;
  readonly #id = `billingone-confirm-${++sequence}`;
  #options: ConfirmOptions | undefined;
  #resolve: ((confirmed: boolean) => void) | undefined;

  constructor(host: LocalizedHost) {
    this.#host = host;
    this.#dialog = new DialogController(host, { onClose: (value) => this.#settle(value === 'confirm') });
    host.addController(this);
  }

  /** Whether a confirmation is showing. */
  get open(): boolean {
    return this.#dialog.open;
  }

  /** Shows the dialog; resolves with the user's answer. A second `ask()` answers the first with `false`. */
  async ask(options: ConfirmOptions): Promise<boolean> {
    const wasOpen = this.#dialog.open;
    const opener = wasOpen ? null : deepActiveElement();
    this.#settle(false);
    this.#options = options;
    const answer = new Promise<boolean>((resolve) => (this.#resolve = resolve));
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    // A second question while one is showing reuses the open dialog (and its opener).
    if (!wasOpen) this.#dialog.show(opener);
    return answer;
  }

  hostDisconnected(): void {
    this.#settle(false);
  }

  #settle(confirmed: boolean): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    resolve?.(confirmed);
  }

  /** The dialog template (empty until the first `ask()`). */
  render(): TemplateResult | typeof nothing {
    const options = this.#options;
    if (!options) return nothing;
    const t = this.#host.t.bind(this.#host);
    const id = this.#id;
    return html`
      <dialog class="dialog" part="dialog" ${ref(this.#dialog.ref)} aria-labelledby="${id}-title" aria-describedby="${id}-message">
        <form method="dialog" class="dialog-body">
          <h2 id="${id}-title" class="subtitle" part="title">${options.title}</h2>
          <div id="${id}-message">${options.message}</div>
          <div class="dialog-actions">
            <button class="button" part="button" value="cancel" autofocus>${options.cancelLabel ?? t('common.cancel')}</button>
            <button
              class="button ${options.danger ? 'button-danger' : 'button-primary'}"
              part="${options.danger ? 'danger-button' : 'primary-button'}"
              value="confirm"
            >
              ${options.confirmLabel}
            </button>
          </div>
        </form>
      </dialog>
    `;
  }
}
