import type { TemplateResult } from 'lit';
import { field, type InputFieldOptions } from '../ui/field.js';

type CodeFieldOptions = Omit<InputFieldOptions, 'type' | 'autocomplete' | 'inputmode' | 'maxlength' | 'spellcheck' | 'dir' | 'required'>;

/** A required field for a 6-digit code from an authenticator app, as password managers and phone keyboards expect it. */
export function codeField(options: CodeFieldOptions): TemplateResult {
  return field({ ...options, autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 7, spellcheck: false, dir: 'ltr', required: true });
}
