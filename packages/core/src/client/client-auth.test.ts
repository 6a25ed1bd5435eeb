import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authEndpoints } from '../schemas/auth.js';
import { meEndpoints } from '../schemas/me.js';
import { profileEndpoints } from '../schemas/profile.js';
import { sessionEndpoints } from '../schemas/sessions.js';
import { createSettingsClient } from './client.js';
import { SettingsApiError } from './errors.js';
import { me, profile } from './samples.fixture.test.js';
import { startScriptedServer, type ScriptedServer } from './scripted-server.fixture.test.js';

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});

const expired = { problem: { status: 401, code: 'token_expired', title: 'Unauthorized', detail: 'The embed token has expired.' } };
const csrfInvalid = { problem: { status: 403, code: 'csrf_invalid', title: 'Forbidden', detail: 'The CSRF token is missing or stale.' } };

describe('bearer mode', () => {
  it('asks getToken again once after a 401 and retries with the fresh token', async () => {
    const calls: boolean[] = [];
    const tokens = ['stale-token', 'fresh-token'];
    const client = createSettingsClient({
      baseUrl: server.url,
      getToken: ({ forceRefresh }) => {
        calls.push(forceRefresh);
        return Promise.resolve(tokens[calls.length - 1] ?? null);
      },
    });
    server.route('GET', '/v1/me', (req) => (req.headers.authorization === 'Bearer fresh-token' ? { json: me } : expired));
    await expect(client.request(meEndpoints.get)).resolves.toMatchObject({ role: 'owner' });
    expect(calls).toEqual([false, true]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer stale-token', 'Bearer fresh-token']);
    expect(server.requests.every((r) => r.headers['x-csrf-token'] === undefined && r.headers.cookie === undefined)).toBe(true);
  });

  it('surfaces a second 401 as SettingsApiError without asking again', async () => {
    let calls = 0;
    const client = createSettingsClient({ baseUrl: server.url, getToken: () => `token-${++calls}` });
    server.route('GET', '/v1/me', expired);
    const error = await client.request(meEndpoints.get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsApiError);
    expect(error).toMatchObject({ status: 401, code: 'token_expired', message: 'The embed token has expired.' });
    expect(calls).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('sends no Authorization header when getToken returns null', async () => {
    const client = createSettingsClient({ baseUrl: server.url, getToken: () => null });
    server.route('GET', '/v1/me', { json: me });
    await client.request(meEndpoints.get);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });
});

describe('cookie mode', () => {
  const cookieClient = () => createSettingsClient({ baseUrl: server.url });

  it('fetches the CSRF token once, lazily, and sends it on writes only', async () => {
    server.route('GET', '/v1/auth/csrf', { json: { csrfToken: 'csrf-1' } });
    server.route('GET', '/v1/me', { json: me });
    server.route('PATCH', '/v1/profile', { json: profile });
    server.route('POST', '/v1/sessions/terminate-others', { json: { ended: 2 } });
    const client = cookieClient();
    await client.request(meEndpoints.get);
    expect(server.requestsTo('GET', '/v1/auth/csrf')).toHaveLength(0);
    expect(server.requestsTo('GET', '/v1/me')[0]!.headers['x-csrf-token']).toBeUndefined();

    await Promise.all([
      client.request(profileEndpoints.update, { body: { locale: 'en-US' } }),
      client.request(sessionEndpoints.terminateOthers),
    ]);
    expect(server.requestsTo('GET', '/v1/auth/csrf')).toHaveLength(1);
    expect(server.requestsTo('PATCH', '/v1/profile')[0]!.headers['x-csrf-token']).toBe('csrf-1');
    expect(server.requestsTo('POST', '/v1/sessions/terminate-others')[0]!.headers['x-csrf-token']).toBe('csrf-1');
    expect(server.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it('refetches the CSRF token once after csrf_invalid and sends the write again', async () => {
    server.route('GET', '/v1/auth/csrf', { json: { csrfToken: 'csrf-old' } }, { json: { csrfToken: 'csrf-new' } });
    server.route('PATCH', '/v1/profile', (req) => (req.headers['x-csrf-token'] === 'csrf-new' ? { json: profile } : csrfInvalid));
    await expect(cookieClient().request(profileEndpoints.update, { body: { name: 'Ada Lovelace' } })).resolves.toMatchObject({ name: 'Ada Lovelace' });
    expect(server.requestsTo('GET', '/v1/auth/csrf')).toHaveLength(2);
    expect(server.requestsTo('PATCH', '/v1/profile').map((r) => r.headers['x-csrf-token'])).toEqual(['csrf-old', 'csrf-new']);
  });

  it('surfaces csrf_invalid when the fresh token is refused too', async () => {
    server.route('GET', '/v1/auth/csrf', { json: { csrfToken: 'csrf-a' } }, { json: { csrfToken: 'csrf-b' } });
    server.route('PATCH', '/v1/profile', csrfInvalid);
    const error = await cookieClient().request(profileEndpoints.update, { body: { name: 'Ada' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 403, code: 'csrf_invalid' });
    expect(server.requestsTo('PATCH', '/v1/profile')).toHaveLength(2);
  });

  it('keeps the CSRF token a sign-in answers with and sends none on public endpoints', async () => {
    server.route('POST', '/v1/auth/sign-in', { json: { status: 'signed_in', csrfToken: 'csrf-from-sign-in' } });
    server.route('PATCH', '/v1/profile', { json: profile });
    const client = cookieClient();
    const result = await client.request(authEndpoints.signIn, { body: { email: 'ada.lovelace@northwind-msp.example', password: 'correct horse battery staple' } });
    expect(result.status).toBe('signed_in');
    expect(server.requestsTo('POST', '/v1/auth/sign-in')[0]!.headers['x-csrf-token']).toBeUndefined();
    await client.request(profileEndpoints.update, { body: { timeZone: 'America/New_York' } });
    expect(server.requestsTo('GET', '/v1/auth/csrf')).toHaveLength(0);
    expect(server.requestsTo('PATCH', '/v1/profile')[0]!.headers['x-csrf-token']).toBe('csrf-from-sign-in');
  });

  it('does not retry a 401 in cookie mode', async () => {
    server.route('GET', '/v1/me', { problem: { status: 401, code: 'unauthenticated', title: 'Unauthorized' } });
    const error = await cookieClient().request(meEndpoints.get).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(server.requests).toHaveLength(1);
  });
});
