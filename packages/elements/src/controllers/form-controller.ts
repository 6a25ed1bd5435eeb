import type { ReactiveController, ReactiveElement } from 'lit';
import type { FieldError } from '@billingone/settings-core';
import { describeError, fieldErrorsOf, isAbort } from '../ui/errors.js';
import type { LocalizedHost } from './confirm-controller.js';

/** What `client.validate(endpoint, body)` answers. */
export type ValidationResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly fieldErrors: readonly FieldError[] };

export type SubmitResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/**
 * Form state for a section: field errors by dotted path (from client-side validation with the
 * endpoint's schema, or from the server's 400/422), one form-level message, and a submitting flag.
 * Values are never touched, so what the user typed survives a failed save. After a failure, focus
 * moves to the first invalid input (or the form message).
 *
 * ```ts
 * #form = new FormController(this);
 * async #save() {
 *   const body = this.#form.check(this.settingsClient!.validate(api.profile.update, this.#values));
 *   if (!body) return;
 *   const result = await this.#form.submit(() => this.stores!.mutate(api.profile.update, { body }, …));
 * }
 * // field({ id: 'name', …, error: this.#form.error('name') }), formErrorView(this.#form.message)
 * ```
 */
export class FormController implements ReactiveController {
  readonly #host: LocalizedHost & ReactiveElement;
  #errors = new Map<string, string>();
  #message: string | undefined;
  #submitting = false;

  constructor(host: LocalizedHost & ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#submitting = false;
  }

  /** Whether a submission is running (disable the submit button, show “Saving…”). */
  get submitting(): boolean {
    return this.#submitting;
  }

  /** The form-level message of the last failure (not tied to one field). */
  get message(): string | undefined {
    return this.#message;
  }

  /** The error message of a field (dotted path, e.g. `emails.2`). */
  error(path: string): string | undefined {
    return this.#errors.get(path);
  }

  /** Every field error, by path. */
  get errors(): ReadonlyMap<string, string> {
    return this.#errors;
  }

  /** Clears one field's error (e.g. while the user edits it) or everything. */
  clear(path?: string): void {
    if (path === undefined) {
      this.#errors = new Map();
      this.#message = undefined;
    } else if (!this.#errors.delete(path)) {
      return;
    }
    this.#host.requestUpdate();
  }

  /** Shows field errors (the first message per path wins) and an optional form message. */
  setErrors(fieldErrors: readonly FieldError[], message?: string): void {
    const errors = new Map<string, string>();
    for (const { path, message: text } of fieldErrors) if (!errors.has(path)) errors.set(path, text);
    this.#errors = errors;
    this.#message = message;
    this.#host.requestUpdate();
    void this.#focusFirstProblem();
  }

  /** The validated body, or `undefined` after showing the field errors of a failed validation. */
  check<T>(result: ValidationResult<T>): T | undefined {
    if (result.ok) {
      this.clear();
      return result.data;
    }
    this.setErrors(result.fieldErrors);
    return undefined;
  }

  /**
   * Runs a save. On failure the field errors and a localised message are shown and the error is
   * returned (never thrown); an aborted request shows nothing.
   */
  async submit<T>(action: () => Promise<T>): Promise<SubmitResult<T>> {
    this.#submitting = true;
    this.#errors = new Map();
    this.#message = undefined;
    this.#host.requestUpdate();
    try {
      const value = await action();
      return { ok: true, value };
    } catch (error) {
      if (!isAbort(error)) {
        const fieldErrors = fieldErrorsOf(error);
        this.setErrors(fieldErrors, describeError(error, (key, params) => this.#host.t(key, params)));
      }
      return { ok: false, error };
    } finally {
      this.#submitting = false;
      this.#host.requestUpdate();
    }
  }

  async #focusFirstProblem(): Promise<void> {
    await this.#host.updateComplete;
    const root = this.#host.renderRoot;
    const target = root.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root.querySelector<HTMLElement>('.form-error');
    target?.focus();
  }
}
