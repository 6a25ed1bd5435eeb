import { MfaCode } from '../schemas/auth.js';
import type { RecoveryCodes, TotpEnrollment } from '../schemas/security.js';
import { flowErrorCodes, type FlowError } from './flow-error.js';
import { checkWithSchema } from './validation.js';

/**
 * TOTP enrolment: start → show the secret (QR + manual entry) → verify a 6-digit code → show the
 * recovery codes once → done.
 *
 * The driver calls `security.totp.start` on `starting`, `security.totp.verify` on `verifying`
 * (with `enrollmentId` and `code` from the state) and feeds the outcome back. A wrong code returns
 * to the secret with an error and one more attempt counted; an expired enrolment (the API's
 * `totp_enrollment_expired`, or the driver's timer at `expiresAt`) ends in `expired`, from where
 * a new one can be started. Cancelling is possible until the code is being verified: from then on
 * TOTP may be enabled on the server and the recovery codes must be shown.
 */
export type TotpEnrollmentState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting' }
  | ({ readonly kind: 'showing_secret'; readonly attempts: number; readonly error?: FlowError } & TotpEnrollment)
  | ({ readonly kind: 'verifying'; readonly attempts: number; readonly code: string } & TotpEnrollment)
  | { readonly kind: 'expired'; readonly error?: FlowError }
  /** Shown once: the codes are dropped from the state on `acknowledged`. */
  | { readonly kind: 'showing_recovery_codes'; readonly codes: readonly string[]; readonly generatedAt: string }
  | { readonly kind: 'done' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly error: FlowError };

export type TotpEnrollmentEvent =
  /** From `idle`, or to try again from `failed` or `expired`. */
  | { readonly type: 'start' }
  | { readonly type: 'start_succeeded'; readonly enrollment: TotpEnrollment }
  | { readonly type: 'start_failed'; readonly error: FlowError }
  /** The code the user typed; checked for six digits before anything is sent. */
  | { readonly type: 'submit_code'; readonly code: string }
  | { readonly type: 'verify_succeeded'; readonly recoveryCodes: RecoveryCodes }
  | { readonly type: 'verify_failed'; readonly error: FlowError }
  /** The driver's timer reached `expiresAt` while the secret was shown. */
  | { readonly type: 'expire' }
  /** The user confirmed they saved the recovery codes. */
  | { readonly type: 'acknowledged' }
  | { readonly type: 'cancel' };

export const initialTotpEnrollmentState: TotpEnrollmentState = { kind: 'idle' };

const expiredError: FlowError = {
  code: flowErrorCodes.totpEnrollmentExpired,
  message: 'This setup expired. Start again to get a new code.',
};

function enrollmentOf(state: TotpEnrollment): TotpEnrollment {
  return { enrollmentId: state.enrollmentId, secret: state.secret, otpauthUri: state.otpauthUri, expiresAt: state.expiresAt };
}

export function totpEnrollmentTransition(state: TotpEnrollmentState, event: TotpEnrollmentEvent): TotpEnrollmentState {
  switch (event.type) {
    case 'start':
      return state.kind === 'idle' || state.kind === 'failed' || state.kind === 'expired' ? { kind: 'starting' } : state;
    case 'start_succeeded':
      return state.kind === 'starting' ? { kind: 'showing_secret', ...enrollmentOf(event.enrollment), attempts: 0 } : state;
    case 'start_failed':
      return state.kind === 'starting' ? { kind: 'failed', error: event.error } : state;
    case 'submit_code': {
      if (state.kind !== 'showing_secret') return state;
      const checked = checkWithSchema(MfaCode, event.code);
      if (!checked.ok) {
        const message = checked.fieldErrors[0]?.message ?? 'Enter the 6-digit code from your authenticator app.';
        return { ...state, error: { code: flowErrorCodes.invalidFormat, message } };
      }
      return { kind: 'verifying', ...enrollmentOf(state), attempts: state.attempts, code: checked.data };
    }
    case 'verify_succeeded':
      return state.kind === 'verifying'
        ? { kind: 'showing_recovery_codes', codes: [...event.recoveryCodes.codes], generatedAt: event.recoveryCodes.generatedAt }
        : state;
    case 'verify_failed':
      if (state.kind !== 'verifying') return state;
      if (event.error.code === flowErrorCodes.totpEnrollmentExpired) return { kind: 'expired', error: event.error };
      return {
        kind: 'showing_secret',
        ...enrollmentOf(state),
        // Only a rejected code counts as an attempt; a network failure does not.
        attempts: event.error.code === flowErrorCodes.invalidCode ? state.attempts + 1 : state.attempts,
        error: event.error,
      };
    case 'expire':
      return state.kind === 'showing_secret' ? { kind: 'expired', error: expiredError } : state;
    case 'acknowledged':
      return state.kind === 'showing_recovery_codes' ? { kind: 'done' } : state;
    case 'cancel':
      switch (state.kind) {
        case 'idle':
        case 'starting':
        case 'showing_secret':
        case 'expired':
        case 'failed':
          return { kind: 'cancelled' };
        default:
          return state;
      }
  }
}
