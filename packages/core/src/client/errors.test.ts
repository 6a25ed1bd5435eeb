import { describe, expect, it } from 'vitest';
import { profileEndpoints } from '../schemas/profile.js';
import { teamEndpoints } from '../schemas/team.js';
import { createSettingsClient } from './client.js';
import {
  SettingsApiError, SettingsError, SettingsNetworkError, SettingsSchemaError, SettingsValidationError,
  errorMessage, isSettingsError, toSettingsError,
} from './errors.js';
import { parseRetryAfter, problemFrom, serializeQuery } from './http.js';
import { checkUpload } from './validation.js';

describe('error hierarchy', () => {
  it('gives every error the base class and its own name', () => {
    const errors = [
      new SettingsApiError({ type: 'about:blank', title: 'Forbidden', status: 403, code: 'forbidden' }),
      new SettingsNetworkError('timeout', 'slow'),
      new SettingsSchemaError('me.get', [{ path: 'role', message: 'expected one of "owner"' }]),
      new SettingsValidationError([{ path: 'name', message: 'Enter your full name.' }]),
    ];
    expect(errors.map((e) => e.name)).toEqual(['SettingsApiError', 'SettingsNetworkError', 'SettingsSchemaError', 'SettingsValidationError']);
    expect(errors.every((e) => e instanceof SettingsError && isSettingsError(e))).toBe(true);
    expect(isSettingsError(new Error('x'))).toBe(false);
  });

  it('takes retryAfterSeconds from the problem before the header', () => {
    const problem = { type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'rate_limited', retryAfterSeconds: 30 };
    expect(new SettingsApiError(problem, { retryAfterSeconds: 5 }).retryAfterSeconds).toBe(30);
    expect(new SettingsApiError({ ...problem, retryAfterSeconds: undefined }, { retryAfterSeconds: 5 }).retryAfterSeconds).toBe(5);
  });

  it('wraps foreign errors, turning aborts into kind aborted', () => {
    const abort = toSettingsError(new DOMException('The operation was aborted.', 'AbortError'));
    expect(abort).toBeInstanceOf(SettingsNetworkError);
    expect((abort as SettingsNetworkError).kind).toBe('aborted');
    const other = toSettingsError(new TypeError('boom'));
    expect(other).toBeInstanceOf(SettingsError);
    expect(other.message).toBe('boom');
    expect(other.cause).toBeInstanceOf(TypeError);
    const same = new SettingsNetworkError('network', 'x');
    expect(toSettingsError(same)).toBe(same);
  });
});

describe('errorMessage', () => {
  const api = (status: number, extra: Record<string, unknown> = {}) =>
    new SettingsApiError({ type: 'about:blank', title: `Status ${status}`, status, code: `http_${status}`, ...extra });

  it('prefers the server detail, then a message for the status, then the title', () => {
    expect(errorMessage(api(403, { detail: 'Only Owners can transfer ownership.' }))).toBe('Only Owners can transfer ownership.');
    expect(errorMessage(api(412))).toMatch(/Someone else changed this/);
    expect(errorMessage(api(418))).toBe('Status 418');
  });

  it('says when to try again after 429 and 503', () => {
    expect(errorMessage(api(429, { retryAfterSeconds: 1 }))).toBe('Too many requests. Try again in 1 second.');
    expect(errorMessage(api(429, { retryAfterSeconds: 125 }))).toBe('Too many requests. Try again in 3 minutes.');
    expect(errorMessage(api(503))).toBe('The service is busy. Try again shortly.');
  });

  it('covers network, schema, validation and unknown errors', () => {
    expect(errorMessage(new SettingsNetworkError('timeout', 'x'))).toMatch(/took too long/);
    expect(errorMessage(new SettingsNetworkError('network', 'x'))).toMatch(/Cannot reach the server/);
    expect(errorMessage(new SettingsNetworkError('aborted', 'x'))).toBe('The request was cancelled.');
    expect(errorMessage(new SettingsSchemaError('me.get', []))).toMatch(/does not understand/);
    expect(errorMessage(new SettingsValidationError([{ path: 'name', message: 'Enter your full name.' }]))).toBe('Enter your full name.');
    expect(errorMessage(new SettingsValidationError([{ path: 'a', message: 'A' }, { path: 'b', message: 'B' }]))).toBe('Check the highlighted fields.');
    expect(errorMessage('nope')).toBe('Something went wrong.');
  });
});

describe('HTTP helpers', () => {
  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-24T10:00:00.000Z');
    expect(parseRetryAfter('7', now)).toBe(7);
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('serialises queries skipping undefined and null, repeating arrays', () => {
    const search = serializeQuery({ q: 'ada', role: undefined, cursor: null, limit: 50, ids: ['a', 'b'], active: false, from: new Date('2026-11-01T00:00:00.000Z') });
    expect(search.toString()).toBe('q=ada&limit=50&ids=a&ids=b&active=false&from=2026-11-01T00%3A00%3A00.000Z');
  });

  it('builds a problem from any error body', () => {
    expect(problemFrom(429, 'Too Many Requests', { type: 'about:blank', title: 'Too Many Requests', status: 429, code: 'rate_limited' }).code).toBe('rate_limited');
    expect(problemFrom(500, '', 'Internal failure in billing core')).toMatchObject({ code: 'http_500', title: 'Request failed with status 500', detail: 'Internal failure in billing core' });
    expect(problemFrom(502, 'Bad Gateway', '<html>nginx</html>').detail).toBeUndefined();
    expect(problemFrom(400, 'Bad Request', { message: 'Unknown tenant' }).detail).toBe('Unknown tenant');
  });

  it('checks uploads against the endpoint rules', () => {
    const rules = profileEndpoints.uploadAvatar.upload!;
    expect(checkUpload(rules, new Blob(['x'], { type: 'image/webp' }))).toEqual([]);
    expect(checkUpload(rules, new Blob(['x'], { type: 'IMAGE/PNG; charset=binary' }))).toEqual([]);
    expect(checkUpload(rules, new Blob([], { type: 'image/png' }))[0]!.message).toBe('The file is empty.');
    expect(checkUpload(rules, new Blob(['x'], { type: '' }))[0]!.code).toBe('invalid_type');
  });
});

describe('compile-time contract', () => {
  const client = createSettingsClient({ baseUrl: 'http://127.0.0.1:9', getToken: () => 't' });

  it('requires the body and params an endpoint declares', async () => {
    // @ts-expect-error the body is required
    await expect(client.request(profileEndpoints.update)).rejects.toBeInstanceOf(SettingsValidationError);
    // @ts-expect-error params are required
    await expect(client.request(teamEndpoints.getMember, {})).rejects.toBeInstanceOf(SettingsValidationError);
    // @ts-expect-error an unknown role
    await expect(client.request(teamEndpoints.changeRole, { params: { id: 'mem_1' }, body: { role: 'superuser' } })).rejects.toBeInstanceOf(SettingsValidationError);
    // @ts-expect-error roles.list takes no body
    await expect(client.request(teamEndpoints.listRoles, { body: {} })).rejects.toThrow(/takes no request body/);
  });
});
