import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createRef, type Ref } from 'lit/directives/ref.js';
import { deepActiveElement } from './focus.js';

export interface DialogControllerOptions {
  /** Whether Escape closes the dialog (default true). Gates that cannot be dismissed pass false. */
  readonly dismissible?: boolean;
  /** Called after the dialog closed, with its `returnValue`. */
  readonly onClose?: (returnValue: string) => void;
}

/**
 * A native modal `<dialog>`: `show()` opens it with `showModal()` (focus moves inside, the page is
 * inert), and closing it returns focus to the element that opened it.
 *
 * ```ts
 * #dialog = new DialogController(this);
 * render() { return html`<dialog class="dialog" ${ref(this.#dialog.ref)}>…</dialog>`; }
 * ```
 */
export class DialogController implements ReactiveController {
  /** Pass to the `ref()` directive on the `<dialog>`. */
  readonly ref: Ref<HTMLDialogElement> = createRef();
  readonly #options: DialogControllerOptions;
  #opener: HTMLElement | null = null;
  #dialog: HTMLDialogElement | undefined;

  constructor(host: ReactiveControllerHost, options: DialogControllerOptions = {}) {
    this.#options = options;
    host.addController(this);
  }

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.ref.value?.open ?? false;
  }

  /**
   * Opens the dialog as a modal. Focus goes to its `[autofocus]` element or its first focusable one,
   * and comes back to `opener` (default: the element focused now) when it closes.
   */
  show(opener: HTMLElement | null = deepActiveElement()): void {
    const dialog = this.ref.value;
    if (!dialog) throw new Error('DialogController.show(): render the <dialog> with ${ref(controller.ref)} before opening it.');
    if (dialog.open) return;
    this.#opener = opener;
    this.#listen(dialog);
    dialog.showModal();
    const target = dialog.querySelector<HTMLElement>('[autofocus]');
    if (target && deepActiveElement() !== target) target.focus();
  }

  /** Closes the dialog with a return value. */
  close(returnValue?: string): void {
    const dialog = this.ref.value;
    if (dialog?.open) dialog.close(returnValue);
  }

  hostDisconnected(): void {
    this.close();
    this.#unlisten();
  }

  #listen(dialog: HTMLDialogElement): void {
    if (this.#dialog === dialog) return;
    this.#unlisten();
    this.#dialog = dialog;
    dialog.addEventListener('close', this.#onClose);
    dialog.addEventListener('cancel', this.#onCancel);
  }

  #unlisten(): void {
    this.#dialog?.removeEventListener('close', this.#onClose);
    this.#dialog?.removeEventListener('cancel', this.#onCancel);
    this.#dialog = undefined;
  }

  readonly #onCancel = (event: Event): void => {
    if (this.#options.dismissible === false) event.preventDefault();
  };

  readonly #onClose = (): void => {
    // `close` is fired from a queued task: when the dialog was opened again meanwhile (a quick second
    // question), this event belongs to the previous opening and must not answer the new one.
    if (this.#dialog?.open) return;
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    this.#options.onClose?.(this.#dialog?.returnValue ?? '');
  };
}
