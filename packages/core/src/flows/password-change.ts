import type { FieldError } from '../schemas/common.js';
import { PasswordChange } from '../schemas/profile.js';
import type { FlowError } from './flow-error.js';
import { checkWithSchema, withoutFieldError } from './validation.js';

export interface PasswordFields {
  readonly currentPassword: string;
  readonly newPassword: string;
  readonly confirmPassword: string;
}
export type PasswordField = keyof PasswordFields;

/**
 * Changing the password. `submit` checks the fields on the client first (the API's schema, plus
 * confirmation and "not your email address") and only then goes to `submitting`, where the driver
 * sends {@link passwordChangeBody}. Errors return to `editing` with the input kept. On success the
 * passwords are dropped from the state; the API signs out the member's other sessions.
 */
export type PasswordChangeState =
  | { readonly kind: 'editing'; readonly email: string; readonly fields: PasswordFields; readonly fieldErrors: FieldError[]; readonly error?: FlowError }
  | { readonly kind: 'submitting'; readonly email: string; readonly fields: PasswordFields }
  | { readonly kind: 'succeeded'; readonly email: string; readonly otherSessionsEnded: number };

export type PasswordChangeEvent =
  | { readonly type: 'change'; readonly field: PasswordField; readonly value: string }
  | { readonly type: 'submit' }
  | { readonly type: 'submit_succeeded'; readonly otherSessionsEnded: number }
  | { readonly type: 'submit_failed'; readonly error: FlowError }
  /** Start over after a success. */
  | { readonly type: 'reset' };

const emptyFields: PasswordFields = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** The first state, for the signed-in member's email (a new password may not equal it). */
export function initialPasswordChangeState(email: string): PasswordChangeState {
  return { kind: 'editing', email, fields: emptyFields, fieldErrors: [] };
}

/** Client-side checks; one error per field at most, in the order of the form. */
export function checkPasswordChange(fields: PasswordFields, email: string): FieldError[] {
  const errors: FieldError[] = [];
  const checked = checkWithSchema(PasswordChange, { currentPassword: fields.currentPassword, newPassword: fields.newPassword });
  if (!checked.ok) errors.push(...checked.fieldErrors);
  const normalisedEmail = email.trim().toLowerCase();
  if (normalisedEmail !== '' && fields.newPassword.trim().toLowerCase() === normalisedEmail) {
    errors.push({ path: 'newPassword', message: 'Do not use your email address as your password.' });
  }
  if (fields.confirmPassword === '') errors.push({ path: 'confirmPassword', message: 'Enter the new password again.' });
  else if (fields.confirmPassword !== fields.newPassword) errors.push({ path: 'confirmPassword', message: 'The passwords do not match.' });
  const order: string[] = ['currentPassword', 'newPassword', 'confirmPassword'];
  const seen = new Set<string>();
  return errors
    .filter((error) => (seen.has(error.path) ? false : (seen.add(error.path), true)))
    .sort((a, b) => order.indexOf(a.path) - order.indexOf(b.path));
}

/** The request body for `profile.changePassword`. */
export function passwordChangeBody(state: Extract<PasswordChangeState, { kind: 'submitting' }>): { currentPassword: string; newPassword: string } {
  return { currentPassword: state.fields.currentPassword, newPassword: state.fields.newPassword };
}

export function passwordChangeTransition(state: PasswordChangeState, event: PasswordChangeEvent): PasswordChangeState {
  switch (event.type) {
    case 'change':
      if (state.kind !== 'editing' || state.fields[event.field] === event.value) return state;
      return {
        ...state,
        fields: { ...state.fields, [event.field]: event.value },
        fieldErrors: withoutFieldError(state.fieldErrors, event.field),
      };
    case 'submit': {
      if (state.kind !== 'editing') return state;
      const fieldErrors = checkPasswordChange(state.fields, state.email);
      if (fieldErrors.length > 0) return { kind: 'editing', email: state.email, fields: state.fields, fieldErrors };
      return { kind: 'submitting', email: state.email, fields: state.fields };
    }
    case 'submit_succeeded':
      return state.kind === 'submitting' ? { kind: 'succeeded', email: state.email, otherSessionsEnded: event.otherSessionsEnded } : state;
    case 'submit_failed':
      return state.kind === 'submitting'
        ? { kind: 'editing', email: state.email, fields: state.fields, fieldErrors: [...(event.error.fieldErrors ?? [])], error: event.error }
        : state;
    case 'reset':
      return state.kind === 'succeeded' ? initialPasswordChangeState(state.email) : state;
  }
}
