import type { FormController, SubmitResult, ValidationResult } from '../controllers/form-controller.js';
import { fieldErrorsOf, isAbort } from '../ui/errors.js';
import { localiseFieldErrors, securityErrorMessage } from './flow-errors.js';
import type { SecurityHost } from './host.js';

/** The validated body, or `undefined` after showing the (localised) field errors of a failed check. */
export function checkForm<T>(host: SecurityHost, form: FormController, result: ValidationResult<T>): T | undefined {
  if (result.ok) {
    form.clear();
    return result.data;
  }
  form.setErrors(localiseFieldErrors(host.t.bind(host), result.fieldErrors, 'client'));
  return undefined;
}

/**
 * Runs a save through the form controller, then words its failure in the security screens' terms:
 * field errors next to their fields, or one form message when the refusal concerns no field.
 */
export async function submitForm<T>(host: SecurityHost, form: FormController, action: () => Promise<T>): Promise<SubmitResult<T>> {
  const result = await form.submit(action);
  if (!result.ok && !isAbort(result.error)) {
    const t = host.t.bind(host);
    const fieldErrors = localiseFieldErrors(t, fieldErrorsOf(result.error), 'server');
    form.setErrors(fieldErrors, fieldErrors.length > 0 ? undefined : securityErrorMessage(t, result.error));
  }
  return result;
}
