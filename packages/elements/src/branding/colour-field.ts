import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Localizer } from '../i18n/localize.js';
import { AA_TEXT, accessibleForeground, contrastRatio } from '../theme/contrast.js';
import { badge } from '../ui/badge.js';
import { describedBy } from '../ui/field.js';

const hex6 = /^#[0-9a-f]{6}$/;

/**
 * What a typed colour means: `#RGB`, `RRGGBB` and upper case are accepted and written as `#rrggbb`;
 * anything else is kept as typed (and refused by core's `HexColor` when saving).
 */
export function normaliseHex(value: string): string {
  let text = value.trim().toLowerCase();
  if (/^[0-9a-f]{3}$|^[0-9a-f]{6}$/.test(text)) text = `#${text}`;
  if (/^#[0-9a-f]{3}$/.test(text)) text = `#${[...text.slice(1)].map((digit) => digit + digit).join('')}`;
  return text;
}

/** Whether a typed colour is a complete `#rrggbb` colour (after normalising). */
export function isCompleteHex(value: string): boolean {
  return hex6.test(normaliseHex(value));
}

export interface ColourFieldOptions {
  /** `primary` or `accent`: ids are `<name>-hex` and `<name>-picker`. */
  readonly name: string;
  readonly label: string;
  readonly pickerLabel: string;
  /** The text as typed. */
  readonly value: string;
  /** The last valid colour (what the picker and the preview show). */
  readonly colour: string;
  readonly error?: string;
  readonly disabled?: boolean;
  readonly onText: (value: string) => void;
  readonly onCommit: (value: string) => void;
  readonly onPick: (value: string) => void;
}

/**
 * A colour as a picker and a hex text box kept in step, with the text colour that will be used on it
 * (`accessibleForeground`) and its contrast ratio.
 */
export function colourField(l: Localizer, options: ColourFieldOptions): TemplateResult {
  const id = `${options.name}-hex`;
  const foreground = accessibleForeground(options.colour);
  const ratio = contrastRatio(options.colour, foreground);
  const hint = html`
    <span data-foreground=${foreground} data-ratio=${ratio.toFixed(2)}>
      ${l.t('branding.colour.foreground', {
        colour: foreground,
        ratio: l.number(ratio, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      })}
    </span>
    ${ratio >= AA_TEXT ? badge(l.t('branding.colour.passesAA'), 'success') : nothing}
  `;
  return html`
    <div class="field colour-field" part="field">
      <label class="label" part="label" for=${id}>${options.label}</label>
      <div class="colour-inputs">
        <input
          id="${options.name}-picker"
          class="picker"
          part="input"
          type="color"
          aria-label=${options.pickerLabel}
          .value=${live(options.colour)}
          ?disabled=${options.disabled}
          @input=${(event: InputEvent & { currentTarget: HTMLInputElement }) => options.onPick(event.currentTarget.value)}
        />
        <input
          id=${id}
          class="input mono hex"
          part="input"
          type="text"
          inputmode="text"
          dir="ltr"
          maxlength="7"
          autocomplete="off"
          spellcheck="false"
          placeholder="#1d4ed8"
          .value=${live(options.value)}
          ?disabled=${options.disabled}
          aria-invalid=${options.error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy(id, { hint: true, error: options.error }))}
          @input=${(event: InputEvent & { currentTarget: HTMLInputElement }) => options.onText(event.currentTarget.value)}
          @change=${(event: Event & { currentTarget: HTMLInputElement }) => options.onCommit(event.currentTarget.value)}
        />
      </div>
      <div class="hint row" part="hint" id="${id}-hint">${hint}</div>
      ${options.error ? html`<div class="field-error" part="error" id="${id}-error">${options.error}</div>` : nothing}
    </div>
  `;
}
