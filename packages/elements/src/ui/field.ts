import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';

interface FieldBase {
  /** Unique within the element's shadow root; also names the hint (`<id>-hint`) and error (`<id>-error`). */
  readonly id: string;
  readonly label: string | TemplateResult;
  readonly name?: string;
  readonly hint?: string | TemplateResult;
  /** The message shown under the field; sets `aria-invalid` and joins `aria-describedby`. */
  readonly error?: string;
  readonly required?: boolean;
  readonly disabled?: boolean;
}

export interface InputFieldOptions extends FieldBase {
  /** The current value (kept as the user typed it, also after a failed save). */
  readonly value: string;
  readonly type?: 'text' | 'email' | 'password' | 'search' | 'url' | 'tel' | 'number' | 'date';
  /** Password managers and autofill depend on it: `email`, `current-password`, `new-password`, `one-time-code`, `name`… */
  readonly autocomplete?: string;
  readonly readonly?: boolean;
  readonly placeholder?: string;
  readonly inputmode?: 'text' | 'numeric' | 'email' | 'url' | 'tel' | 'search' | 'decimal';
  readonly minlength?: number;
  readonly maxlength?: number;
  readonly pattern?: string;
  readonly spellcheck?: boolean;
  /** Text direction of the value (e.g. `ltr` for emails and codes in a right-to-left page). */
  readonly dir?: 'ltr' | 'rtl' | 'auto';
  readonly onInput?: (event: InputEvent & { currentTarget: HTMLInputElement }) => void;
  readonly onChange?: (event: Event & { currentTarget: HTMLInputElement }) => void;
}

/** `aria-describedby` for a field: its hint and its error, when present. */
export function describedBy(id: string, options: { hint?: unknown; error?: string }): string | undefined {
  const ids = [options.hint ? `${id}-hint` : '', options.error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function messages(options: FieldBase): TemplateResult {
  return html`
    ${options.hint ? html`<div class="hint" part="hint" id="${options.id}-hint">${options.hint}</div>` : nothing}
    ${options.error ? html`<div class="field-error" part="error" id="${options.id}-error">${options.error}</div>` : nothing}
  `;
}

/** A labelled text-like input with its hint and error wired for assistive technology. */
export function field(options: InputFieldOptions): TemplateResult {
  return html`
    <div class="field" part="field">
      <label class="label" part="label" for=${options.id}>${options.label}</label>
      <input
        class="input"
        part="input"
        id=${options.id}
        name=${ifDefined(options.name)}
        type=${options.type ?? 'text'}
        .value=${live(options.value)}
        autocomplete=${ifDefined(options.autocomplete)}
        placeholder=${ifDefined(options.placeholder)}
        inputmode=${ifDefined(options.inputmode)}
        minlength=${ifDefined(options.minlength)}
        maxlength=${ifDefined(options.maxlength)}
        pattern=${ifDefined(options.pattern)}
        spellcheck=${ifDefined(options.spellcheck === undefined ? undefined : String(options.spellcheck))}
        dir=${ifDefined(options.dir)}
        ?required=${options.required}
        ?readonly=${options.readonly}
        ?disabled=${options.disabled}
        aria-invalid=${options.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(options.id, options))}
        @input=${options.onInput}
        @change=${options.onChange}
      />
      ${messages(options)}
    </div>
  `;
}

export interface SelectFieldOptions extends FieldBase {
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string; readonly disabled?: boolean }[];
  readonly onChange?: (event: Event & { currentTarget: HTMLSelectElement }) => void;
}

/** A labelled `<select>`. */
export function selectField(options: SelectFieldOptions): TemplateResult {
  return html`
    <div class="field" part="field">
      <label class="label" part="label" for=${options.id}>${options.label}</label>
      <select
        class="select"
        part="input"
        id=${options.id}
        name=${ifDefined(options.name)}
        ?required=${options.required}
        ?disabled=${options.disabled}
        aria-invalid=${options.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(options.id, options))}
        @change=${options.onChange}
      >
        ${options.options.map(
          (option) => html`<option value=${option.value} ?disabled=${option.disabled} ?selected=${option.value === options.value}>${option.label}</option>`,
        )}
      </select>
      ${messages(options)}
    </div>
  `;
}

export interface CheckboxFieldOptions extends FieldBase {
  readonly checked: boolean;
  readonly onChange?: (event: Event & { currentTarget: HTMLInputElement }) => void;
}

/** A checkbox with its label beside it. */
export function checkboxField(options: CheckboxFieldOptions): TemplateResult {
  return html`
    <div class="field" part="field">
      <label class="checkbox" part="label">
        <input
          type="checkbox"
          part="input"
          id=${options.id}
          name=${ifDefined(options.name)}
          .checked=${live(options.checked)}
          ?disabled=${options.disabled}
          aria-invalid=${options.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(options.id, options))}
          @change=${options.onChange}
        />
        <span>${options.label}</span>
      </label>
      ${messages(options)}
    </div>
  `;
}

/** The message of a failed form, focusable so it can be announced and reached. */
export function formErrorView(message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<div class="form-error" part="error" role="alert" tabindex="-1">${message}</div>` : nothing;
}

/** A form's `submit` listener: the page stays where it is and `action` runs instead. */
export function onSubmit(action: () => unknown): (event: SubmitEvent) => void {
  return (event) => {
    event.preventDefault();
    void action();
  };
}

export interface SubmitButtonOptions {
  readonly label: string;
  /** The label while the form is being sent (e.g. “Saving…”). */
  readonly busyLabel: string;
  readonly busy: boolean;
}

/** The primary submit button of a form, disabled and marked busy while the form is being sent. */
export function submitButton(options: SubmitButtonOptions): TemplateResult {
  const { busy } = options;
  return html`
    <button type="submit" class="button button-primary" part="button primary-button" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}>
      ${busy ? options.busyLabel : options.label}
    </button>
  `;
}

/**
 * What the last save of a form did (“Your profile was saved.”), beside its button until the next
 * edit: the live region says it once, this keeps it in sight.
 */
export function savedNote(message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<span class="saved-note" part="saved-note">${message}</span>` : nothing;
}
