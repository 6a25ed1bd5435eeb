import * as z from 'zod/mini';
import { errorMessage, isSettingsError } from '../client/errors.js';
import { FieldError } from '../schemas/common.js';

/**
 * An error as a flow state holds it: plain data (no `Error` instance), so states stay
 * serialisable and easy to compare. Drivers turn thrown errors into this with {@link toFlowError}.
 */
export interface FlowError {
  /** A short human message (English; elements may localise by `code`). */
  readonly message: string;
  /** The problem code of the API, or a flow's own code such as `invalid_format`. */
  readonly code?: string;
  /** Field errors with dotted paths (`newPassword`, `emails.2`). */
  readonly fieldErrors?: readonly FieldError[];
  /** Seconds to wait before trying again, when the API said so. */
  readonly retryAfterSeconds?: number;
}

/**
 * Problem codes the flows react to. The Settings API answers with these codes; anything else is
 * shown as a plain error.
 */
export const flowErrorCodes = {
  /** A submitted TOTP (or step-up) code is wrong. */
  invalidCode: 'invalid_code',
  /** The TOTP enrolment passed its `expiresAt`; a new one must be started. */
  totpEnrollmentExpired: 'totp_enrollment_expired',
  /** The action needs a re-authentication within the last 10 minutes. */
  recentAuthRequired: 'recent_auth_required',
  /** The OAuth `state` is unknown, used, expired or bound to another session. */
  oauthStateInvalid: 'oauth_state_invalid',
  /** Client-side: the input does not have the expected shape. */
  invalidFormat: 'invalid_format',
} as const;

const FieldErrorList = z.array(FieldError);
const fallbackMessage = 'Something went wrong. Try again.';

/**
 * Turn anything thrown by the client (or a provider SDK) into a {@link FlowError}: the settings
 * errors give their human message (`errorMessage`), `code`, `fieldErrors` and
 * `retryAfterSeconds`; other errors their `message`; anything else `fallback`.
 */
export function toFlowError(error: unknown, fallback: string = fallbackMessage): FlowError {
  if (typeof error === 'string') return { message: error || fallback };
  if (typeof error !== 'object' || error === null) return { message: fallback };
  const source = error as Record<string, unknown>;
  const own = isSettingsError(error) ? errorMessage(error) : source.message;
  const message = typeof own === 'string' && own.trim() !== '' ? own : fallback;
  const result: { -readonly [K in keyof FlowError]: FlowError[K] } = { message };
  if (typeof source.code === 'string' && source.code !== '') result.code = source.code;
  const fieldErrors = FieldErrorList.safeParse(source.fieldErrors);
  if (fieldErrors.success && fieldErrors.data.length > 0) result.fieldErrors = fieldErrors.data;
  if (typeof source.retryAfterSeconds === 'number' && Number.isFinite(source.retryAfterSeconds)) {
    result.retryAfterSeconds = source.retryAfterSeconds;
  }
  return result;
}
