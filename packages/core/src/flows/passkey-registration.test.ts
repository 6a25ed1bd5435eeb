import { describe, expect, it } from 'vitest';
import { checkEventTable, replay } from './event-table.fixture.test.js';
import {
  classifyAuthenticatorError,
  initialPasskeyRegistrationState,
  passkeyRegistrationTransition as transition,
  runPasskeyRegistration,
  type PasskeyRegistrationDeps,
  type PasskeyRegistrationEvent,
  type PasskeyRegistrationState,
} from './passkey-registration.js';

const options = { challenge: 'c2lnbi1tZS11cA', rp: { name: 'BillingOne', id: 'settings.billingone.example' }, user: { id: 'bWVtXzAx', name: 'ada', displayName: 'Ada' } };
const response = { id: 'cred-1', rawId: 'cred-1', type: 'public-key', response: { clientDataJSON: 'e30', attestationObject: 'o2Nm' } };
const passkey = {
  id: 'pk_01J0PASS', name: 'MacBook Touch ID', createdAt: '2026-11-24T09:00:00.000Z', lastUsedAt: null,
  deviceType: 'multiDevice' as const, backedUp: true,
};
const apiError = { code: 'http_500', message: 'Something went wrong on our side.' };

function domError(name: string, message = `${name} happened`): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const naming = transition(initialPasskeyRegistrationState, { type: 'begin' });
const requesting = transition(naming, { type: 'submit_name', name: '  MacBook Touch ID ' });
const awaiting = transition(requesting, { type: 'options_received', challengeId: 'chl_1', options });
const verifying = transition(awaiting, { type: 'authenticator_succeeded', response });

describe('passkey registration', () => {
  it('goes from naming to registered', () => {
    expect(naming).toEqual({ kind: 'naming', name: '' });
    expect(requesting).toEqual({ kind: 'requesting_options', name: 'MacBook Touch ID' });
    expect(awaiting).toEqual({ kind: 'awaiting_authenticator', name: 'MacBook Touch ID', challengeId: 'chl_1', options });
    expect(verifying).toEqual({ kind: 'verifying', name: 'MacBook Touch ID', challengeId: 'chl_1', response });
    expect(transition(verifying, { type: 'verify_succeeded', passkey })).toEqual({ kind: 'registered', passkey });
  });

  it('refuses an empty or too long name with the schema message', () => {
    expect(transition(naming, { type: 'submit_name', name: '   ' })).toMatchObject({
      kind: 'naming', name: '   ', error: { code: 'invalid_format', message: 'Name the passkey.', fieldErrors: [{ path: 'name', message: 'Name the passkey.' }] },
    });
    expect(transition(naming, { type: 'submit_name', name: 'x'.repeat(65) })).toMatchObject({ kind: 'naming', error: { message: 'Use at most 64 characters.' } });
  });

  it('treats a dismissed prompt or an abort as a calm cancellation', () => {
    for (const name of ['NotAllowedError', 'AbortError']) {
      expect(transition(awaiting, { type: 'authenticator_failed', error: domError(name) })).toEqual({ kind: 'cancelled', name: 'MacBook Touch ID' });
    }
    const simpleWebAuthnAbort = Object.assign(domError('AbortError'), { code: 'ERROR_CEREMONY_ABORTED' });
    expect(transition(awaiting, { type: 'authenticator_failed', error: simpleWebAuthnAbort })).toMatchObject({ kind: 'cancelled' });
  });

  it('reports an authenticator that is already registered', () => {
    expect(transition(awaiting, { type: 'authenticator_failed', error: domError('InvalidStateError') })).toMatchObject({
      kind: 'failed', reason: 'already_registered', error: { code: 'already_registered' },
    });
    const wrapped = Object.assign(new Error('The authenticator was previously registered'), { code: 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' });
    expect(classifyAuthenticatorError(wrapped)).toMatchObject({ outcome: 'failed', reason: 'already_registered' });
  });

  it('fails on any other authenticator error, keeping its message', () => {
    expect(transition(awaiting, { type: 'authenticator_failed', error: domError('SecurityError', 'The RP ID is invalid for this domain') })).toEqual({
      kind: 'failed', name: 'MacBook Touch ID', reason: 'authenticator_error', error: { message: 'The RP ID is invalid for this domain' },
    });
    expect(classifyAuthenticatorError(undefined)).toEqual({
      outcome: 'failed', reason: 'authenticator_error', error: { message: 'Your device could not create a passkey.' },
    });
  });

  it('fails when the options or the verification fail', () => {
    expect(transition(requesting, { type: 'options_failed', error: apiError })).toEqual({ kind: 'failed', name: 'MacBook Touch ID', reason: 'options_failed', error: apiError });
    expect(transition(verifying, { type: 'verify_failed', error: apiError })).toEqual({ kind: 'failed', name: 'MacBook Touch ID', reason: 'verification_failed', error: apiError });
  });

  it('starts again from cancelled or failed with the same name', () => {
    const cancelled = transition(awaiting, { type: 'cancel' });
    expect(transition(cancelled, { type: 'begin' })).toEqual({ kind: 'naming', name: 'MacBook Touch ID' });
    const failed = transition(verifying, { type: 'verify_failed', error: apiError });
    expect(transition(failed, { type: 'begin', name: 'YubiKey' })).toEqual({ kind: 'naming', name: 'YubiKey' });
  });

  it('can be cancelled until the authenticator answered, and ignores late answers', () => {
    for (const state of [naming, requesting, awaiting]) expect(transition(state, { type: 'cancel' })).toMatchObject({ kind: 'cancelled' });
    const cancelled = transition(requesting, { type: 'cancel' });
    expect(transition(cancelled, { type: 'options_received', challengeId: 'chl_1', options })).toBe(cancelled);
    expect(transition(verifying, { type: 'cancel' })).toBe(verifying);
  });

  it('ignores every event that does not apply to the state', () => {
    const states: PasskeyRegistrationState[] = [
      initialPasskeyRegistrationState, naming, requesting, awaiting, verifying,
      { kind: 'registered', passkey },
      { kind: 'cancelled', name: 'Key' },
      { kind: 'failed', name: 'Key', reason: 'options_failed', error: apiError },
    ];
    const events: PasskeyRegistrationEvent[] = [
      { type: 'begin' },
      { type: 'submit_name', name: 'Phone' },
      { type: 'options_received', challengeId: 'chl_2', options },
      { type: 'options_failed', error: apiError },
      { type: 'authenticator_succeeded', response },
      { type: 'authenticator_failed', error: domError('NotAllowedError') },
      { type: 'verify_succeeded', passkey },
      { type: 'verify_failed', error: apiError },
      { type: 'cancel' },
    ];
    checkEventTable(transition, states, events, {
      idle: ['begin'],
      naming: ['submit_name', 'cancel'],
      requesting_options: ['options_received', 'options_failed', 'cancel'],
      awaiting_authenticator: ['authenticator_succeeded', 'authenticator_failed', 'cancel'],
      verifying: ['verify_succeeded', 'verify_failed'],
      registered: [],
      cancelled: ['begin'],
      failed: ['begin'],
    });
  });
});

describe('runPasskeyRegistration', () => {
  function deps(overrides: Partial<PasskeyRegistrationDeps> = {}): PasskeyRegistrationDeps & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      getOptions: async () => {
        calls.push('getOptions');
        return { challengeId: 'chl_1', options };
      },
      startRegistration: async (given) => {
        calls.push(`startRegistration:${String((given as typeof options).challenge)}`);
        return response;
      },
      verify: async (body) => {
        calls.push(`verify:${body.challengeId}:${body.name}:${String(body.response.id)}`);
        return passkey;
      },
      ...overrides,
    };
  }

  it('drives the ceremony and returns the registered passkey', async () => {
    const seen: string[] = [];
    const d = deps();
    const final = await runPasskeyRegistration(d, { name: ' MacBook Touch ID ', onState: (state) => seen.push(state.kind) });
    expect(final).toEqual({ kind: 'registered', passkey });
    expect(d.calls).toEqual(['getOptions', 'startRegistration:c2lnbi1tZS11cA', 'verify:chl_1:MacBook Touch ID:cred-1']);
    expect(seen).toEqual(['naming', 'requesting_options', 'awaiting_authenticator', 'verifying', 'registered']);
  });

  it('stops at naming when the name is not acceptable, calling nothing', async () => {
    const d = deps();
    const final = await runPasskeyRegistration(d, { name: '' });
    expect(final).toMatchObject({ kind: 'naming', error: { message: 'Name the passkey.' } });
    expect(d.calls).toEqual([]);
  });

  it('returns cancelled when the user dismisses the prompt', async () => {
    const d = deps({ startRegistration: () => Promise.reject(domError('NotAllowedError', 'The operation either timed out or was not allowed.')) });
    expect(await runPasskeyRegistration(d, { name: 'Phone' })).toEqual({ kind: 'cancelled', name: 'Phone' });
    expect(d.calls).toEqual(['getOptions']);
  });

  it('returns failed already_registered for InvalidStateError', async () => {
    const d = deps({ startRegistration: () => Promise.reject(domError('InvalidStateError')) });
    expect(await runPasskeyRegistration(d, { name: 'Phone' })).toMatchObject({ kind: 'failed', reason: 'already_registered' });
  });

  it('returns failed when the options or the verification fail', async () => {
    const noOptions = deps({ getOptions: () => Promise.reject(Object.assign(new Error('Forbidden'), { code: 'forbidden' })) });
    expect(await runPasskeyRegistration(noOptions, { name: 'Phone' })).toEqual({
      kind: 'failed', name: 'Phone', reason: 'options_failed', error: { message: 'Forbidden', code: 'forbidden' },
    });
    const refused = deps({ verify: () => Promise.reject(new Error('Attestation could not be verified')) });
    expect(await runPasskeyRegistration(refused, { name: 'Phone' })).toMatchObject({
      kind: 'failed', reason: 'verification_failed', error: { message: 'Attestation could not be verified' },
    });
  });

  it('cancels when aborted before the authenticator answers', async () => {
    const controller = new AbortController();
    const d = deps({
      getOptions: async () => {
        controller.abort();
        return { challengeId: 'chl_1', options };
      },
    });
    expect(await runPasskeyRegistration(d, { name: 'Phone', signal: controller.signal })).toEqual({ kind: 'cancelled', name: 'Phone' });
    expect(d.calls).toEqual([]);
  });

  it('finishes the registration when aborted while the API verifies', async () => {
    const controller = new AbortController();
    const d = deps({
      verify: async () => {
        controller.abort();
        return passkey;
      },
    });
    expect(await runPasskeyRegistration(d, { name: 'Phone', signal: controller.signal })).toEqual({ kind: 'registered', passkey });
  });
});

it('replays a retry after a failed verification to a registration', () => {
  const final = replay(transition, verifying, [
    { type: 'verify_failed', error: apiError },
    { type: 'begin' },
    { type: 'submit_name', name: 'MacBook Touch ID' },
    { type: 'options_received', challengeId: 'chl_2', options },
    { type: 'authenticator_succeeded', response },
    { type: 'verify_succeeded', passkey },
  ]);
  expect(final).toEqual({ kind: 'registered', passkey });
});
