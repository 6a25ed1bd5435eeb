import type * as z from 'zod/mini';
import type { WebAuthnJson } from '../schemas/auth.js';
import { PasskeyName, type Passkey } from '../schemas/security.js';
import { flowErrorCodes, toFlowError, type FlowError } from './flow-error.js';
import { checkWithSchema } from './validation.js';

/** WebAuthn JSON as the API sends and receives it (opaque here; @simplewebauthn validates it). */
export type WebAuthnJsonObject = z.output<typeof WebAuthnJson>;

/**
 * Why a passkey registration failed:
 * - `already_registered`: this authenticator already holds a passkey for the account (`InvalidStateError`),
 * - `authenticator_error`: any other authenticator or browser error,
 * - `options_failed`: the API did not give registration options,
 * - `verification_failed`: the API refused the attestation.
 */
export type PasskeyFailureReason = 'already_registered' | 'authenticator_error' | 'options_failed' | 'verification_failed';

/**
 * Passkey registration: name it → get options from the API → the authenticator creates the
 * credential → the API verifies it → registered. The user dismissing the browser prompt is a calm
 * `cancelled`, not an error.
 */
export type PasskeyRegistrationState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'naming'; readonly name: string; readonly error?: FlowError }
  | { readonly kind: 'requesting_options'; readonly name: string }
  | { readonly kind: 'awaiting_authenticator'; readonly name: string; readonly challengeId: string; readonly options: WebAuthnJsonObject }
  | { readonly kind: 'verifying'; readonly name: string; readonly challengeId: string; readonly response: WebAuthnJsonObject }
  | { readonly kind: 'registered'; readonly passkey: Passkey }
  | { readonly kind: 'cancelled'; readonly name: string }
  | { readonly kind: 'failed'; readonly name: string; readonly reason: PasskeyFailureReason; readonly error: FlowError };

export type PasskeyRegistrationEvent =
  /** Open the naming step (from `idle`, or again after `cancelled`/`failed`, keeping the name). */
  | { readonly type: 'begin'; readonly name?: string }
  | { readonly type: 'submit_name'; readonly name: string }
  | { readonly type: 'options_received'; readonly challengeId: string; readonly options: WebAuthnJsonObject }
  | { readonly type: 'options_failed'; readonly error: FlowError }
  | { readonly type: 'authenticator_succeeded'; readonly response: WebAuthnJsonObject }
  /** What the WebAuthn call threw (a DOMException or a @simplewebauthn `WebAuthnError`). */
  | { readonly type: 'authenticator_failed'; readonly error: unknown }
  | { readonly type: 'verify_succeeded'; readonly passkey: Passkey }
  | { readonly type: 'verify_failed'; readonly error: FlowError }
  | { readonly type: 'cancel' };

export const initialPasskeyRegistrationState: PasskeyRegistrationState = { kind: 'idle' };

export type AuthenticatorOutcome =
  | { readonly outcome: 'cancelled' }
  | { readonly outcome: 'failed'; readonly reason: 'already_registered' | 'authenticator_error'; readonly error: FlowError };

const cancelledNames = new Set(['NotAllowedError', 'AbortError']);
const cancelledCodes = new Set(['ERROR_CEREMONY_ABORTED']);
const registeredCodes = new Set(['ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED']);

/**
 * Classify an authenticator error. `NotAllowedError` (the user dismissed the prompt or it timed
 * out) and `AbortError` are cancellations; `InvalidStateError` means this authenticator is already
 * registered. Reads `name` and the `code` that @simplewebauthn/browser adds.
 */
export function classifyAuthenticatorError(error: unknown): AuthenticatorOutcome {
  const source = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const name = typeof source.name === 'string' ? source.name : '';
  const code = typeof source.code === 'string' ? source.code : '';
  if (cancelledNames.has(name) || cancelledCodes.has(code)) return { outcome: 'cancelled' };
  if (name === 'InvalidStateError' || registeredCodes.has(code)) {
    return {
      outcome: 'failed',
      reason: 'already_registered',
      error: { code: 'already_registered', message: 'This device already has a passkey for your account.' },
    };
  }
  return {
    outcome: 'failed',
    reason: 'authenticator_error',
    error: toFlowError(error, 'Your device could not create a passkey.'),
  };
}

export function passkeyRegistrationTransition(state: PasskeyRegistrationState, event: PasskeyRegistrationEvent): PasskeyRegistrationState {
  switch (event.type) {
    case 'begin':
      if (state.kind === 'idle') return { kind: 'naming', name: event.name ?? '' };
      if (state.kind === 'cancelled' || state.kind === 'failed') return { kind: 'naming', name: event.name ?? state.name };
      return state;
    case 'submit_name': {
      if (state.kind !== 'naming') return state;
      const checked = checkWithSchema(PasskeyName, event.name);
      if (!checked.ok) {
        const message = checked.fieldErrors[0]?.message ?? 'Name the passkey.';
        return { kind: 'naming', name: event.name, error: { code: flowErrorCodes.invalidFormat, message, fieldErrors: [{ path: 'name', message }] } };
      }
      return { kind: 'requesting_options', name: checked.data };
    }
    case 'options_received':
      return state.kind === 'requesting_options'
        ? { kind: 'awaiting_authenticator', name: state.name, challengeId: event.challengeId, options: event.options }
        : state;
    case 'options_failed':
      return state.kind === 'requesting_options' ? { kind: 'failed', name: state.name, reason: 'options_failed', error: event.error } : state;
    case 'authenticator_succeeded':
      return state.kind === 'awaiting_authenticator'
        ? { kind: 'verifying', name: state.name, challengeId: state.challengeId, response: event.response }
        : state;
    case 'authenticator_failed': {
      if (state.kind !== 'awaiting_authenticator') return state;
      const classified = classifyAuthenticatorError(event.error);
      return classified.outcome === 'cancelled'
        ? { kind: 'cancelled', name: state.name }
        : { kind: 'failed', name: state.name, reason: classified.reason, error: classified.error };
    }
    case 'verify_succeeded':
      return state.kind === 'verifying' ? { kind: 'registered', passkey: event.passkey } : state;
    case 'verify_failed':
      return state.kind === 'verifying' ? { kind: 'failed', name: state.name, reason: 'verification_failed', error: event.error } : state;
    case 'cancel':
      return state.kind === 'naming' || state.kind === 'requesting_options' || state.kind === 'awaiting_authenticator'
        ? { kind: 'cancelled', name: state.name }
        : state;
  }
}

/** The effects of a registration, injected so the flow runs anywhere (and in tests). */
export interface PasskeyRegistrationDeps {
  /** `POST /v1/security/passkeys/options`. */
  getOptions(signal?: AbortSignal): Promise<{ challengeId: string; options: WebAuthnJsonObject }>;
  /** The WebAuthn ceremony, e.g. `(optionsJSON) => startRegistration({ optionsJSON })` of @simplewebauthn/browser. */
  startRegistration(options: WebAuthnJsonObject): Promise<WebAuthnJsonObject>;
  /** `POST /v1/security/passkeys`. Not given the run's signal: once the credential exists, its registration is finished. */
  verify(body: { challengeId: string; name: string; response: WebAuthnJsonObject }): Promise<Passkey>;
}

export interface PasskeyRegistrationRun {
  /** The name the user gave the passkey. */
  name: string;
  /** Aborting cancels the run unless the API is already verifying the new credential. */
  signal?: AbortSignal;
  /** Called with every state the run passes through (for progress UI). */
  onState?: (state: PasskeyRegistrationState) => void;
}

/**
 * Drive a registration from naming to its end and return the final state: `registered`,
 * `cancelled`, `failed`, or `naming` with an error when the name is not acceptable.
 */
export async function runPasskeyRegistration(deps: PasskeyRegistrationDeps, run: PasskeyRegistrationRun): Promise<PasskeyRegistrationState> {
  let state: PasskeyRegistrationState = initialPasskeyRegistrationState;
  const send = (event: PasskeyRegistrationEvent): PasskeyRegistrationState => {
    const next = passkeyRegistrationTransition(state, event);
    if (next !== state) {
      state = next;
      run.onState?.(state);
    }
    return state;
  };
  const aborted = () => run.signal?.aborted === true;
  // Read through a function: `send` changes `state` behind the compiler's narrowing.
  const current = (): PasskeyRegistrationState => state;

  send({ type: 'begin', name: run.name });
  const named = send({ type: 'submit_name', name: run.name });
  if (named.kind !== 'requesting_options') return named;
  if (aborted()) return send({ type: 'cancel' });

  try {
    const { challengeId, options } = await deps.getOptions(run.signal);
    if (aborted()) return send({ type: 'cancel' });
    send({ type: 'options_received', challengeId, options });
  } catch (error) {
    if (aborted()) return send({ type: 'cancel' });
    return send({ type: 'options_failed', error: toFlowError(error, 'Could not start passkey registration.') });
  }

  const awaiting = current();
  if (awaiting.kind !== 'awaiting_authenticator') return awaiting;
  try {
    const response = await deps.startRegistration(awaiting.options);
    if (aborted()) return send({ type: 'cancel' });
    send({ type: 'authenticator_succeeded', response });
  } catch (error) {
    return send({ type: 'authenticator_failed', error });
  }

  const verifying = current();
  if (verifying.kind !== 'verifying') return verifying;
  try {
    const passkey = await deps.verify({ challengeId: verifying.challengeId, name: verifying.name, response: verifying.response });
    return send({ type: 'verify_succeeded', passkey });
  } catch (error) {
    return send({ type: 'verify_failed', error: toFlowError(error, 'The passkey could not be verified.') });
  }
}
