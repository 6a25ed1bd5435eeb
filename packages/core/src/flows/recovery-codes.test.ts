import { describe, expect, it } from 'vitest';
import { checkEventTable, replay } from './event-table.fixture.test.js';
import { flowErrorCodes } from './flow-error.js';
import {
  hasRecentAuth,
  initialRecoveryCodesState as idle,
  recoveryCodesTransition as transition,
  type RecoveryCodesEvent,
  type RecoveryCodesState,
} from './recovery-codes.js';

const now = Date.parse('2026-11-24T09:00:00.000Z');
const recent = { recentAuthUntil: '2026-11-24T09:08:00.000Z', now };
const lapsed = { recentAuthUntil: '2026-11-24T08:59:00.000Z', now };
const never = { recentAuthUntil: null, now };
const codes = { codes: ['abcde-12345', 'fghij-67890'], generatedAt: '2026-11-01T10:00:00.000Z' };
const newCodes = { codes: ['zyxwv-98765', 'utsrq-43210'], generatedAt: '2026-11-24T09:00:30.000Z' };
const wrongPassword = { code: 'invalid_credentials', message: 'That password is not right.' };
const needsAuthAgain = { code: flowErrorCodes.recentAuthRequired, message: 'Confirm it is you first.' };
const serverError = { code: 'http_500', message: 'Something went wrong on our side.' };
const shown = replay(transition, idle, [{ type: 'reveal', ...recent }, { type: 'load_succeeded', recoveryCodes: codes }]);

describe('hasRecentAuth', () => {
  it('needs a re-authentication that still runs for more than a few seconds', () => {
    expect(hasRecentAuth(recent)).toBe(true);
    expect(hasRecentAuth(lapsed)).toBe(false);
    expect(hasRecentAuth(never)).toBe(false);
    expect(hasRecentAuth({ recentAuthUntil: '2026-11-24T09:00:03.000Z', now })).toBe(false);
    expect(hasRecentAuth({ recentAuthUntil: 'not a date', now })).toBe(false);
  });
});

describe('recovery codes', () => {
  it('shows the codes at once after a recent re-authentication', () => {
    expect(transition(idle, { type: 'reveal', ...recent })).toEqual({ kind: 'loading' });
    expect(shown).toEqual({ kind: 'shown', regenerated: false, ...codes });
  });

  it('asks to re-authenticate first otherwise', () => {
    const asking = transition(idle, { type: 'reveal', ...lapsed });
    expect(asking).toEqual({ kind: 'needs_reauth', intent: 'view', previous: null });
    const reauthenticating = transition(asking, { type: 'reauthenticate', credentials: { password: 'correct horse battery' } });
    expect(reauthenticating).toEqual({ kind: 'reauthenticating', intent: 'view', previous: null });
    const loading = transition(reauthenticating, { type: 'reauth_succeeded', recentAuthUntil: '2026-11-24T09:10:00.000Z' });
    expect(loading).toEqual({ kind: 'loading' });
    expect(transition(loading, { type: 'load_succeeded', recoveryCodes: codes })).toMatchObject({ kind: 'shown', codes: codes.codes });
  });

  it('accepts a TOTP code for the step-up and refuses empty or malformed credentials without sending', () => {
    const asking = transition(idle, { type: 'reveal', ...never });
    expect(transition(asking, { type: 'reauthenticate', credentials: { code: ' 123456 ' } })).toMatchObject({ kind: 'reauthenticating' });
    expect(transition(asking, { type: 'reauthenticate', credentials: { password: '' } })).toMatchObject({
      kind: 'needs_reauth', error: { code: flowErrorCodes.invalidFormat },
    });
    expect(transition(asking, { type: 'reauthenticate', credentials: { code: '12' } })).toMatchObject({ kind: 'needs_reauth', error: { code: flowErrorCodes.invalidFormat } });
  });

  it('returns to the step-up with the error when it fails', () => {
    const failed = replay(transition, idle, [
      { type: 'reveal', ...never },
      { type: 'reauthenticate', credentials: { password: 'wrong' } },
      { type: 'reauth_failed', error: wrongPassword },
    ]);
    expect(failed).toEqual({ kind: 'needs_reauth', intent: 'view', previous: null, error: wrongPassword });
    expect(transition(failed, { type: 'reauthenticate', credentials: { password: 'right one' } })).toEqual({ kind: 'reauthenticating', intent: 'view', previous: null });
  });

  it('regenerates after a confirmation and shows the new codes', () => {
    const confirming = transition(shown, { type: 'regenerate' });
    expect(confirming).toEqual({ kind: 'confirm_regenerate', previous: codes });
    const regenerating = transition(confirming, { type: 'confirm', ...recent });
    expect(regenerating).toEqual({ kind: 'regenerating', previous: codes });
    expect(transition(regenerating, { type: 'regenerate_succeeded', recoveryCodes: newCodes })).toEqual({ kind: 'shown', regenerated: true, ...newCodes });
  });

  it('re-authenticates before regenerating when needed, and then regenerates', () => {
    const final = replay(transition, idle, [
      { type: 'regenerate' },
      { type: 'confirm', ...lapsed },
      { type: 'reauthenticate', credentials: { password: 'correct horse battery' } },
      { type: 'reauth_succeeded', recentAuthUntil: '2026-11-24T09:10:00.000Z' },
    ]);
    expect(final).toEqual({ kind: 'regenerating', previous: null });
    expect(transition(idle, { type: 'regenerate' })).toEqual({ kind: 'confirm_regenerate', previous: null });
  });

  it('goes back to the codes shown before when the regeneration is cancelled', () => {
    const confirming = transition(shown, { type: 'regenerate' });
    expect(transition(confirming, { type: 'cancel' })).toEqual(shown);
    const asking = transition(confirming, { type: 'confirm', ...never });
    expect(transition(asking, { type: 'cancel' })).toEqual(shown);
    expect(transition(transition(idle, { type: 'reveal', ...never }), { type: 'cancel' })).toEqual(idle);
  });

  it('asks again when the API says the re-authentication lapsed', () => {
    const loading = transition(idle, { type: 'reveal', ...recent });
    expect(transition(loading, { type: 'load_failed', error: needsAuthAgain })).toEqual({ kind: 'needs_reauth', intent: 'view', previous: null, error: needsAuthAgain });
    const regenerating = replay(transition, shown, [{ type: 'regenerate' }, { type: 'confirm', ...recent }]);
    expect(transition(regenerating, { type: 'regenerate_failed', error: needsAuthAgain })).toEqual({
      kind: 'needs_reauth', intent: 'regenerate', previous: codes, error: needsAuthAgain,
    });
  });

  it('fails on other errors, can retry, and cancelling keeps the old codes', () => {
    const loadFailed = replay(transition, idle, [{ type: 'reveal', ...recent }, { type: 'load_failed', error: serverError }]);
    expect(loadFailed).toEqual({ kind: 'failed', intent: 'view', previous: null, error: serverError });
    expect(transition(loadFailed, { type: 'retry', ...recent })).toEqual({ kind: 'loading' });
    expect(transition(loadFailed, { type: 'retry', ...lapsed })).toEqual({ kind: 'needs_reauth', intent: 'view', previous: null });

    const regenFailed = replay(transition, shown, [{ type: 'regenerate' }, { type: 'confirm', ...recent }, { type: 'regenerate_failed', error: serverError }]);
    expect(regenFailed).toEqual({ kind: 'failed', intent: 'regenerate', previous: codes, error: serverError });
    expect(transition(regenFailed, { type: 'retry', ...recent })).toEqual({ kind: 'regenerating', previous: codes });
    expect(transition(regenFailed, { type: 'cancel' })).toEqual(shown);
  });

  it('hides the codes', () => {
    expect(transition(shown, { type: 'hide' })).toEqual({ kind: 'idle' });
  });

  it('ignores every event that does not apply to the state', () => {
    const states: RecoveryCodesState[] = [
      idle,
      { kind: 'needs_reauth', intent: 'view', previous: null },
      { kind: 'reauthenticating', intent: 'regenerate', previous: codes },
      { kind: 'loading' },
      shown,
      { kind: 'confirm_regenerate', previous: codes },
      { kind: 'regenerating', previous: null },
      { kind: 'failed', intent: 'view', previous: null, error: serverError },
    ];
    const events: RecoveryCodesEvent[] = [
      { type: 'reveal', ...recent },
      { type: 'regenerate' },
      { type: 'confirm', ...recent },
      { type: 'reauthenticate', credentials: { password: 'secret' } },
      { type: 'reauth_succeeded', recentAuthUntil: recent.recentAuthUntil },
      { type: 'reauth_failed', error: wrongPassword },
      { type: 'load_succeeded', recoveryCodes: codes },
      { type: 'load_failed', error: serverError },
      { type: 'regenerate_succeeded', recoveryCodes: newCodes },
      { type: 'regenerate_failed', error: serverError },
      { type: 'retry', ...recent },
      { type: 'cancel' },
      { type: 'hide' },
    ];
    checkEventTable(transition, states, events, {
      idle: ['reveal', 'regenerate'],
      needs_reauth: ['reauthenticate', 'cancel'],
      reauthenticating: ['reauth_succeeded', 'reauth_failed'],
      loading: ['load_succeeded', 'load_failed'],
      shown: ['regenerate', 'hide'],
      confirm_regenerate: ['confirm', 'cancel'],
      regenerating: ['regenerate_succeeded', 'regenerate_failed'],
      failed: ['retry', 'cancel'],
    });
  });
});
