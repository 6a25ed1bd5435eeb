import type { FieldError } from '../schemas/common.js';
import { Pax8Credentials, type Integration, type Pax8TestResult } from '../schemas/integrations.js';
import type { FlowError } from './flow-error.js';
import { checkWithSchema, withoutFieldError } from './validation.js';

/** What is stored for Pax8. The secret itself never leaves the server: only its last 4 characters. */
export type Pax8Config =
  | { readonly configured: false }
  | { readonly configured: true; readonly clientId: string; readonly secretLast4: string | null };

/**
 * The form. `replacingSecret` is false while the stored secret is kept (shown masked, with a
 * "Replace" action); it is always true when nothing is stored yet.
 */
export interface Pax8Form {
  readonly clientId: string;
  readonly secret: string;
  readonly replacingSecret: boolean;
}

export type Pax8TestFailure = Extract<Pax8TestResult, { ok: false }>;

/**
 * Configuring Pax8: edit → Test Connection → Save. Saving needs a passed test of exactly the
 * values on screen: any change after a test returns to `editing` and the result is dropped.
 * Field errors use the API's paths (`clientId`, `clientSecret`).
 */
export type Pax8ConfigureState =
  | { readonly kind: 'viewing'; readonly config: Pax8Config }
  | { readonly kind: 'editing'; readonly config: Pax8Config; readonly form: Pax8Form; readonly fieldErrors: FieldError[]; readonly error?: FlowError }
  | { readonly kind: 'testing'; readonly config: Pax8Config; readonly form: Pax8Form }
  | { readonly kind: 'test_passed'; readonly config: Pax8Config; readonly form: Pax8Form; readonly companyCount: number }
  | ({ readonly kind: 'test_failed'; readonly config: Pax8Config; readonly form: Pax8Form } & Omit<Pax8TestFailure, 'ok'>)
  | { readonly kind: 'saving'; readonly config: Pax8Config; readonly form: Pax8Form }
  | { readonly kind: 'saved'; readonly config: Pax8Config; readonly integration: Integration };

/** The states with a form on screen. */
export type Pax8FormState = Extract<Pax8ConfigureState, { form: Pax8Form }>;

export type Pax8ConfigureEvent =
  /** Open the form (from `viewing`, or `saved` to change again). */
  | { readonly type: 'edit' }
  | { readonly type: 'change'; readonly field: 'clientId' | 'secret'; readonly value: string }
  /** Show an empty secret field to type a new secret. */
  | { readonly type: 'replace_secret' }
  /** Keep the stored secret after all. */
  | { readonly type: 'keep_secret' }
  | { readonly type: 'test' }
  | { readonly type: 'test_result'; readonly result: Pax8TestResult }
  /** The test request itself failed (network, validation, permission). */
  | { readonly type: 'test_error'; readonly error: FlowError }
  | { readonly type: 'save' }
  | { readonly type: 'save_succeeded'; readonly integration: Integration }
  | { readonly type: 'save_failed'; readonly error: FlowError }
  /** Close the form without saving. */
  | { readonly type: 'cancel' }
  /** Close the confirmation after saving. */
  | { readonly type: 'dismiss' };

/** The stored configuration as the integrations list reports it. */
export function pax8ConfigFromIntegration(integration: Integration | null | undefined): Pax8Config {
  if (!integration || integration.provider !== 'pax8' || integration.status === 'not_configured' || !integration.accountLabel) {
    return { configured: false };
  }
  return { configured: true, clientId: integration.accountLabel, secretLast4: integration.secretLast4 };
}

/** How a stored secret is shown: `••••1234`. */
export function maskSecret(last4: string | null): string {
  return `••••${last4 ?? ''}`;
}

export function initialPax8ConfigureState(config: Pax8Config): Pax8ConfigureState {
  return { kind: 'viewing', config };
}

/**
 * The body for `integrations.pax8.test` and `integrations.pax8.save`. `clientSecret` is sent only
 * when a new one is typed; without it the API uses the stored secret.
 */
export function pax8SubmitBody(state: Pax8FormState): Pax8Credentials {
  if (!('form' in state)) {
    throw new TypeError(`pax8SubmitBody needs a state with a form (editing, testing, test_passed, test_failed or saving), not "${(state as Pax8ConfigureState).kind}".`);
  }
  const { clientId, secret, replacingSecret } = state.form;
  return replacingSecret ? { clientId: clientId.trim(), clientSecret: secret.trim() } : { clientId: clientId.trim() };
}

function editing(state: Pax8FormState, form: Pax8Form = state.form, fieldErrors: FieldError[] = [], error?: FlowError): Pax8ConfigureState {
  return error ? { kind: 'editing', config: state.config, form, fieldErrors, error } : { kind: 'editing', config: state.config, form, fieldErrors };
}

function fieldErrorsOf(state: Pax8FormState): FieldError[] {
  return state.kind === 'editing' ? state.fieldErrors : [];
}

/** Where a user may change the form: while editing and after a test (which the change invalidates). */
function isChangeable(state: Pax8ConfigureState): state is Extract<Pax8ConfigureState, { kind: 'editing' | 'test_passed' | 'test_failed' }> {
  return state.kind === 'editing' || state.kind === 'test_passed' || state.kind === 'test_failed';
}

export function pax8ConfigureTransition(state: Pax8ConfigureState, event: Pax8ConfigureEvent): Pax8ConfigureState {
  switch (event.type) {
    case 'edit': {
      if (state.kind !== 'viewing' && state.kind !== 'saved') return state;
      const { config } = state;
      const form: Pax8Form = config.configured
        ? { clientId: config.clientId, secret: '', replacingSecret: false }
        : { clientId: '', secret: '', replacingSecret: true };
      return { kind: 'editing', config, form, fieldErrors: [] };
    }
    case 'change': {
      if (!isChangeable(state)) return state;
      const { form } = state;
      if (event.field === 'secret' && !form.replacingSecret) return state;
      if (form[event.field] === event.value) return state;
      const path = event.field === 'secret' ? 'clientSecret' : 'clientId';
      return editing(state, { ...form, [event.field]: event.value }, withoutFieldError(fieldErrorsOf(state), path));
    }
    case 'replace_secret':
      if (!isChangeable(state) || state.form.replacingSecret) return state;
      return editing(state, { ...state.form, secret: '', replacingSecret: true }, fieldErrorsOf(state));
    case 'keep_secret':
      if (!isChangeable(state) || !state.form.replacingSecret || !state.config.configured) return state;
      return editing(state, { ...state.form, secret: '', replacingSecret: false }, withoutFieldError(fieldErrorsOf(state), 'clientSecret'));
    case 'test': {
      if (!isChangeable(state)) return state;
      const checked = checkWithSchema(Pax8Credentials, pax8SubmitBody(state));
      if (!checked.ok) return editing(state, state.form, checked.fieldErrors);
      return { kind: 'testing', config: state.config, form: state.form };
    }
    case 'test_result':
      if (state.kind !== 'testing') return state;
      if (event.result.ok) return { kind: 'test_passed', config: state.config, form: state.form, companyCount: event.result.companyCount };
      return {
        kind: 'test_failed',
        config: state.config,
        form: state.form,
        reason: event.result.reason,
        message: event.result.message,
        ...(event.result.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: event.result.retryAfterSeconds }),
      };
    case 'test_error':
      return state.kind === 'testing' ? editing(state, state.form, [...(event.error.fieldErrors ?? [])], event.error) : state;
    case 'save':
      return state.kind === 'test_passed' ? { kind: 'saving', config: state.config, form: state.form } : state;
    case 'save_succeeded':
      return state.kind === 'saving'
        ? { kind: 'saved', config: pax8ConfigFromIntegration(event.integration), integration: event.integration }
        : state;
    case 'save_failed':
      return state.kind === 'saving' ? editing(state, state.form, [...(event.error.fieldErrors ?? [])], event.error) : state;
    case 'cancel':
      return isChangeable(state) || state.kind === 'testing' ? { kind: 'viewing', config: state.config } : state;
    case 'dismiss':
      return state.kind === 'saved' ? { kind: 'viewing', config: state.config } : state;
  }
}
