import { describe, expect, it } from 'vitest';
import { checkEventTable, replay } from './event-table.fixture.test.js';
import { flowErrorCodes } from './flow-error.js';
import {
  initialTotpEnrollmentState,
  totpEnrollmentTransition as transition,
  type TotpEnrollmentEvent,
  type TotpEnrollmentState,
} from './totp-enrollment.js';

const enrollment = {
  enrollmentId: 'enr_01J0TOTP',
  secret: 'JBSWY3DPEHPK3PXP',
  otpauthUri: 'otpauth://totp/BillingOne:ada%40northwind-msp.example?secret=JBSWY3DPEHPK3PXP&issuer=BillingOne',
  expiresAt: '2026-11-24T09:10:00.000Z',
};
const recoveryCodes = { codes: ['abcde-12345', 'fghij-67890', 'klmno-13579'], generatedAt: '2026-11-24T09:01:00.000Z' };
const wrongCode = { code: flowErrorCodes.invalidCode, message: 'That code is not right. Check the time on your device.' };
const networkError = { message: 'The server could not be reached.' };

const showing = replay(transition, initialTotpEnrollmentState, [{ type: 'start' }, { type: 'start_succeeded', enrollment }]);
const verifying = transition(showing, { type: 'submit_code', code: '123456' });

describe('TOTP enrolment', () => {
  it('goes from start to recovery codes to done', () => {
    const starting = transition(initialTotpEnrollmentState, { type: 'start' });
    expect(starting).toEqual({ kind: 'starting' });
    expect(showing).toEqual({ kind: 'showing_secret', ...enrollment, attempts: 0 });
    expect(verifying).toEqual({ kind: 'verifying', ...enrollment, attempts: 0, code: '123456' });
    const codes = transition(verifying, { type: 'verify_succeeded', recoveryCodes });
    expect(codes).toEqual({ kind: 'showing_recovery_codes', codes: recoveryCodes.codes, generatedAt: recoveryCodes.generatedAt });
    expect(transition(codes, { type: 'acknowledged' })).toEqual({ kind: 'done' });
  });

  it('keeps the recovery codes on screen until they are acknowledged', () => {
    const codes = transition(verifying, { type: 'verify_succeeded', recoveryCodes });
    expect(transition(codes, { type: 'cancel' })).toBe(codes);
    expect(transition(codes, { type: 'start' })).toBe(codes);
    expect(transition(codes, { type: 'expire' })).toBe(codes);
  });

  it('trims the code and refuses anything but six digits without verifying', () => {
    expect(transition(showing, { type: 'submit_code', code: ' 654321 ' })).toMatchObject({ kind: 'verifying', code: '654321' });
    for (const code of ['', '12345', '1234567', '12a456']) {
      const next = transition(showing, { type: 'submit_code', code });
      expect(next).toMatchObject({
        kind: 'showing_secret',
        attempts: 0,
        error: { code: flowErrorCodes.invalidFormat, message: 'Enter the 6-digit code from your authenticator app.' },
      });
    }
  });

  it('returns to the secret with the error and counts wrong codes', () => {
    const once = transition(verifying, { type: 'verify_failed', error: wrongCode });
    expect(once).toEqual({ kind: 'showing_secret', ...enrollment, attempts: 1, error: wrongCode });
    const twice = replay(transition, once, [{ type: 'submit_code', code: '000000' }, { type: 'verify_failed', error: wrongCode }]);
    expect(twice).toMatchObject({ kind: 'showing_secret', attempts: 2, secret: enrollment.secret });
  });

  it('does not count a failed request as an attempt', () => {
    expect(transition(verifying, { type: 'verify_failed', error: networkError })).toMatchObject({ kind: 'showing_secret', attempts: 0, error: networkError });
  });

  it('clears the error once a new code is being verified', () => {
    const failed = transition(verifying, { type: 'verify_failed', error: wrongCode });
    const again = transition(failed, { type: 'submit_code', code: '222222' });
    expect(again).toEqual({ kind: 'verifying', ...enrollment, attempts: 1, code: '222222' });
  });

  it('ends in expired when the API says the enrolment expired, and can start again', () => {
    const error = { code: flowErrorCodes.totpEnrollmentExpired, message: 'This setup expired.' };
    const expired = transition(verifying, { type: 'verify_failed', error });
    expect(expired).toEqual({ kind: 'expired', error });
    expect(transition(expired, { type: 'start' })).toEqual({ kind: 'starting' });
  });

  it('expires on the timer while the secret is shown, not while a code is being verified', () => {
    expect(transition(showing, { type: 'expire' })).toMatchObject({ kind: 'expired', error: { code: flowErrorCodes.totpEnrollmentExpired } });
    expect(transition(verifying, { type: 'expire' })).toBe(verifying);
  });

  it('fails when the enrolment cannot start, and can be retried', () => {
    const error = { code: 'http_503', message: 'The service is busy. Try again shortly.' };
    const failed = replay(transition, initialTotpEnrollmentState, [{ type: 'start' }, { type: 'start_failed', error }]);
    expect(failed).toEqual({ kind: 'failed', error });
    expect(transition(failed, { type: 'start' })).toEqual({ kind: 'starting' });
  });

  it('can be cancelled before the code is verified, and ignores answers that arrive afterwards', () => {
    const starting = transition(initialTotpEnrollmentState, { type: 'start' });
    for (const state of [initialTotpEnrollmentState, starting, showing, transition(showing, { type: 'expire' })]) {
      expect(transition(state, { type: 'cancel' })).toEqual({ kind: 'cancelled' });
    }
    const cancelled = transition(starting, { type: 'cancel' });
    expect(transition(cancelled, { type: 'start_succeeded', enrollment })).toBe(cancelled);
    expect(transition(verifying, { type: 'cancel' })).toBe(verifying);
  });

  it('ignores every event that does not apply to the state', () => {
    const states: TotpEnrollmentState[] = [
      initialTotpEnrollmentState,
      { kind: 'starting' },
      showing,
      verifying,
      { kind: 'expired' },
      { kind: 'showing_recovery_codes', codes: recoveryCodes.codes, generatedAt: recoveryCodes.generatedAt },
      { kind: 'done' },
      { kind: 'cancelled' },
      { kind: 'failed', error: networkError },
    ];
    const events: TotpEnrollmentEvent[] = [
      { type: 'start' },
      { type: 'start_succeeded', enrollment },
      { type: 'start_failed', error: networkError },
      { type: 'submit_code', code: '123456' },
      { type: 'verify_succeeded', recoveryCodes },
      { type: 'verify_failed', error: wrongCode },
      { type: 'expire' },
      { type: 'acknowledged' },
      { type: 'cancel' },
    ];
    checkEventTable(transition, states, events, {
      idle: ['start', 'cancel'],
      starting: ['start_succeeded', 'start_failed', 'cancel'],
      showing_secret: ['submit_code', 'expire', 'cancel'],
      verifying: ['verify_succeeded', 'verify_failed'],
      expired: ['start', 'cancel'],
      showing_recovery_codes: ['acknowledged'],
      done: [],
      cancelled: [],
      failed: ['start', 'cancel'],
    });
  });
});
