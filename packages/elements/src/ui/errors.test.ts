import { SettingsApiError, SettingsNetworkError, SettingsSchemaError, SettingsValidationError } from '@billingone/settings-core';
import { describe, expect, it } from 'vitest';
import { createLocalizer } from '../i18n/localize.js';
import { describeError, fieldErrorsOf, isAbort, problemCode } from './errors.js';

const t = createLocalizer('en').t;
const api = (status: number, extra: Record<string, unknown> = {}) =>
  new SettingsApiError({ type: 'about:blank', title: 'Title from server', status, code: 'some_code', ...extra } as never, {
    retryAfterSeconds: extra.retryAfterSeconds as number | undefined,
  });

describe('describeError', () => {
  it('uses the catalogue for generic failures', () => {
    expect(describeError(new SettingsNetworkError('network', 'x'), t)).toBe('We could not reach the server. Check your connection and try again.');
    expect(describeError(new SettingsNetworkError('timeout', 'x'), t)).toBe('The server took too long to answer. Try again.');
    expect(describeError(api(401, { detail: 'Session expired' }), t)).toBe('Your session has ended. Sign in again to continue.');
    expect(describeError(api(412), t)).toContain('Someone else changed this');
    expect(describeError(api(429, { retryAfterSeconds: 30 }), t)).toBe('Too many requests. Try again in 30 seconds.');
    expect(describeError(api(503), t)).toBe('The server ran into a problem. Try again in a moment.');
    expect(describeError(new SettingsSchemaError('me.get', [{ path: 'x', message: 'y' }]), t)).toContain('did not understand');
    expect(describeError(new SettingsValidationError([{ path: 'a', message: 'b' }]), t)).toBe('Some fields need your attention.');
    expect(describeError(new Error('anything'), t)).toBe('Something went wrong');
  });

  it('shows the server explanation of a refusal', () => {
    expect(describeError(api(403, { detail: 'Admins cannot change an Owner.' }), t)).toBe('Admins cannot change an Owner.');
    expect(describeError(api(403), t)).toBe('Your role does not allow this action.');
    expect(describeError(api(404), t)).toContain('no longer exists');
    expect(describeError(api(422, { fieldErrors: [{ path: 'slug', message: 'Taken' }] }), t)).toBe('Some fields need your attention.');
  });

  it('reads codes, field errors and aborts', () => {
    expect(problemCode(api(409, { code: 'last_owner' }))).toBe('last_owner');
    expect(problemCode(new Error('x'))).toBeUndefined();
    expect(fieldErrorsOf(api(422, { fieldErrors: [{ path: 'slug', message: 'Taken' }] }))).toEqual([{ path: 'slug', message: 'Taken' }]);
    expect(fieldErrorsOf('nope')).toEqual([]);
    expect(isAbort(new SettingsNetworkError('aborted', 'x'))).toBe(true);
    expect(isAbort(new DOMException('x', 'AbortError'))).toBe(true);
    expect(isAbort(new SettingsNetworkError('network', 'x'))).toBe(false);
  });
});
