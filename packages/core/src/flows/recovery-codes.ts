import type * as z from 'zod/mini';
import { ReAuthenticate, type RecoveryCodes } from '../schemas/security.js';
import { flowErrorCodes, type FlowError } from './flow-error.js';
import { checkWithSchema } from './validation.js';

/** Credentials for the step-up: the password or a current TOTP code. */
export type ReAuthCredentials = z.input<typeof ReAuthenticate>;

/** What the step-up is for. */
export type RecoveryCodesIntent = 'view' | 'regenerate';

/** Codes on screen (kept while confirming a regeneration, so cancelling goes back to them). */
export interface ShownRecoveryCodes {
  readonly codes: readonly string[];
  readonly generatedAt: string;
}

/**
 * Viewing and regenerating recovery codes. Both need a re-authentication within the last ten
 * minutes (`SecurityOverview.recentAuthUntil`); without one the flow asks for the password or a
 * TOTP code first. The driver loads (`loading`), regenerates (`regenerating`) or re-authenticates
 * (`reauthenticating`, with the credentials of the `reauthenticate` event, which the state does
 * not keep).
 */
export type RecoveryCodesState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'needs_reauth'; readonly intent: RecoveryCodesIntent; readonly previous: ShownRecoveryCodes | null; readonly error?: FlowError }
  | { readonly kind: 'reauthenticating'; readonly intent: RecoveryCodesIntent; readonly previous: ShownRecoveryCodes | null }
  | { readonly kind: 'loading' }
  | ({ readonly kind: 'shown'; readonly regenerated: boolean } & ShownRecoveryCodes)
  | { readonly kind: 'confirm_regenerate'; readonly previous: ShownRecoveryCodes | null }
  | { readonly kind: 'regenerating'; readonly previous: ShownRecoveryCodes | null }
  | { readonly kind: 'failed'; readonly intent: RecoveryCodesIntent; readonly previous: ShownRecoveryCodes | null; readonly error: FlowError };

/** When the last re-authentication stops counting, and the time now (ms since the epoch). */
export interface RecentAuthCheck {
  readonly recentAuthUntil: string | null;
  readonly now: number;
}

export type RecoveryCodesEvent =
  /** Show the codes (from `idle`). */
  | ({ readonly type: 'reveal' } & RecentAuthCheck)
  /** Ask to replace the codes (from `idle` or `shown`); a confirmation follows. */
  | { readonly type: 'regenerate' }
  | ({ readonly type: 'confirm' } & RecentAuthCheck)
  | { readonly type: 'reauthenticate'; readonly credentials: ReAuthCredentials }
  | { readonly type: 'reauth_succeeded'; readonly recentAuthUntil: string }
  | { readonly type: 'reauth_failed'; readonly error: FlowError }
  | { readonly type: 'load_succeeded'; readonly recoveryCodes: RecoveryCodes }
  | { readonly type: 'load_failed'; readonly error: FlowError }
  | { readonly type: 'regenerate_succeeded'; readonly recoveryCodes: RecoveryCodes }
  | { readonly type: 'regenerate_failed'; readonly error: FlowError }
  /** Try the failed step again. */
  | ({ readonly type: 'retry' } & RecentAuthCheck)
  /** Leave a confirmation, a step-up or an error: back to the codes shown before, or `idle`. */
  | { readonly type: 'cancel' }
  /** Hide the codes on screen. */
  | { readonly type: 'hide' };

export const initialRecoveryCodesState: RecoveryCodesState = { kind: 'idle' };

/** A re-authentication about to lapse is not relied on: a request could arrive after it ended. */
export const recentAuthMarginMs = 5_000;

/** Whether a re-authentication valid until `recentAuthUntil` still allows a sensitive action at `now`. */
export function hasRecentAuth({ recentAuthUntil, now }: RecentAuthCheck): boolean {
  if (recentAuthUntil === null) return false;
  const until = Date.parse(recentAuthUntil);
  return Number.isFinite(until) && until - recentAuthMarginMs > now;
}

function shownOf(state: RecoveryCodesState): ShownRecoveryCodes | null {
  return state.kind === 'shown' ? { codes: state.codes, generatedAt: state.generatedAt } : null;
}

function goBack(previous: ShownRecoveryCodes | null): RecoveryCodesState {
  return previous ? { kind: 'shown', regenerated: false, ...previous } : { kind: 'idle' };
}

function proceed(intent: RecoveryCodesIntent, previous: ShownRecoveryCodes | null, check: RecentAuthCheck): RecoveryCodesState {
  if (!hasRecentAuth(check)) return { kind: 'needs_reauth', intent, previous };
  return intent === 'view' ? { kind: 'loading' } : { kind: 'regenerating', previous };
}

function afterFailure(intent: RecoveryCodesIntent, previous: ShownRecoveryCodes | null, error: FlowError): RecoveryCodesState {
  // The re-authentication lapsed between the check and the request: ask again.
  if (error.code === flowErrorCodes.recentAuthRequired) return { kind: 'needs_reauth', intent, previous, error };
  return { kind: 'failed', intent, previous, error };
}

export function recoveryCodesTransition(state: RecoveryCodesState, event: RecoveryCodesEvent): RecoveryCodesState {
  switch (event.type) {
    case 'reveal':
      return state.kind === 'idle' ? proceed('view', null, event) : state;
    case 'regenerate':
      return state.kind === 'idle' || state.kind === 'shown' ? { kind: 'confirm_regenerate', previous: shownOf(state) } : state;
    case 'confirm':
      return state.kind === 'confirm_regenerate' ? proceed('regenerate', state.previous, event) : state;
    case 'reauthenticate': {
      if (state.kind !== 'needs_reauth') return state;
      const checked = checkWithSchema(ReAuthenticate, event.credentials);
      if (!checked.ok) {
        const message = checked.fieldErrors[0]?.message ?? 'Enter your password or a code from your authenticator app.';
        return { ...state, error: { code: flowErrorCodes.invalidFormat, message, fieldErrors: checked.fieldErrors } };
      }
      return { kind: 'reauthenticating', intent: state.intent, previous: state.previous };
    }
    case 'reauth_succeeded':
      if (state.kind !== 'reauthenticating') return state;
      return state.intent === 'view' ? { kind: 'loading' } : { kind: 'regenerating', previous: state.previous };
    case 'reauth_failed':
      return state.kind === 'reauthenticating' ? { kind: 'needs_reauth', intent: state.intent, previous: state.previous, error: event.error } : state;
    case 'load_succeeded':
      return state.kind === 'loading'
        ? { kind: 'shown', regenerated: false, codes: [...event.recoveryCodes.codes], generatedAt: event.recoveryCodes.generatedAt }
        : state;
    case 'load_failed':
      return state.kind === 'loading' ? afterFailure('view', null, event.error) : state;
    case 'regenerate_succeeded':
      return state.kind === 'regenerating'
        ? { kind: 'shown', regenerated: true, codes: [...event.recoveryCodes.codes], generatedAt: event.recoveryCodes.generatedAt }
        : state;
    case 'regenerate_failed':
      return state.kind === 'regenerating' ? afterFailure('regenerate', state.previous, event.error) : state;
    case 'retry':
      return state.kind === 'failed' ? proceed(state.intent, state.previous, event) : state;
    case 'cancel':
      return state.kind === 'needs_reauth' || state.kind === 'confirm_regenerate' || state.kind === 'failed' ? goBack(state.previous) : state;
    case 'hide':
      return state.kind === 'shown' ? { kind: 'idle' } : state;
  }
}
