import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meEndpoints } from '../schemas/me.js';
import { profileEndpoints } from '../schemas/profile.js';
import { securityEndpoints } from '../schemas/security.js';
import { teamEndpoints } from '../schemas/team.js';
import { createSettingsClient } from './client.js';
import { SettingsApiError, SettingsNetworkError } from './errors.js';
import { me, profile } from './samples.fixture.test.js';
import { startScriptedServer, type ScriptedServer } from './scripted-server.fixture.test.js';

let server: ScriptedServer;
beforeEach(async () => {
  server = await startScriptedServer();
});
afterEach(async () => {
  await server.close();
});

const client = (options: Parameters<typeof createSettingsClient>[0] = {}) =>
  createSettingsClient({ baseUrl: server.url, getToken: () => 'embed-token-1', ...options });

const rateLimited = (retryAfter: string) => ({
  headers: { 'retry-after': retryAfter },
  problem: { status: 429, code: 'rate_limited', title: 'Too Many Requests', detail: 'Slow down.' },
});
const unavailable = { problem: { status: 503, code: 'overloaded', title: 'Service Unavailable' } };
const gaps = (requests: { at: number }[]) => requests.slice(1).map((r, i) => r.at - requests[i]!.at);

const invitations = {
  items: [{
    id: 'inv_01', email: 'grace.hopper@northwind-msp.example', role: 'engineer', invitedBy: { id: 'mem_01HZX4Q8', name: 'Ada Lovelace' },
    createdAt: '2026-11-24T09:00:00.000Z', expiresAt: '2026-12-01T09:00:00.000Z', status: 'pending',
  }],
};

describe('retries', () => {
  it('retries a 429 after the Retry-After delay (seconds)', async () => {
    server.route('GET', '/v1/me', rateLimited('1'), { json: me });
    const data = await client().request(meEndpoints.get);
    expect(data.role).toBe('owner');
    const requests = server.requestsTo('GET', '/v1/me');
    expect(requests).toHaveLength(2);
    expect(gaps(requests)[0]).toBeGreaterThanOrEqual(950);
    expect(gaps(requests)[0]).toBeLessThan(1600);
  });

  it('honours a Retry-After HTTP date', async () => {
    const at = new Date(Math.ceil((Date.now() + 1000) / 1000) * 1000); // a whole second, 1–2 s ahead
    server.route('GET', '/v1/profile', rateLimited(at.toUTCString()), { json: profile });
    await client().request(profileEndpoints.get);
    const requests = server.requestsTo('GET', '/v1/profile');
    expect(requests).toHaveLength(2);
    expect(gaps(requests)[0]).toBeGreaterThanOrEqual(400);
  });

  it('backs off exponentially on 503 without Retry-After', async () => {
    server.route('GET', '/v1/me', unavailable, unavailable, { json: me });
    await client().request(meEndpoints.get);
    const [first, second] = gaps(server.requestsTo('GET', '/v1/me'));
    expect(first).toBeGreaterThanOrEqual(230); // 300 ms ± 20 %
    expect(first).toBeLessThan(700); // timers fire late under load, never early
    expect(second).toBeGreaterThanOrEqual(470); // 600 ms ± 20 %
    expect(second).toBeGreaterThan(first!);
  });

  it('gives up after the retry limit with the last error', async () => {
    server.route('GET', '/v1/me', unavailable);
    const error = await client({ retry: { limit: 1 } }).request(meEndpoints.get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsApiError);
    expect((error as SettingsApiError).code).toBe('overloaded');
    expect(server.requests).toHaveLength(2);
  });

  it('does not wait for a Retry-After beyond maxDelayMs and reports it', async () => {
    server.route('GET', '/v1/me', rateLimited('120'));
    const started = performance.now();
    const error = await client({ retry: { maxDelayMs: 5000 } }).request(meEndpoints.get).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toBeInstanceOf(SettingsApiError);
    expect((error as SettingsApiError).retryAfterSeconds).toBe(120);
    expect(server.requests).toHaveLength(1);
  });

  it('sends one Idempotency-Key per creating POST and keeps it across a retry', async () => {
    server.route('POST', '/v1/invitations', rateLimited('0'), { status: 201, json: invitations });
    const api = client();
    const created = await api.request(teamEndpoints.invite, { body: { emails: ['grace.hopper@northwind-msp.example'], role: 'engineer' } });
    expect(created.items[0]!.status).toBe('pending');
    const [first, retried] = server.requestsTo('POST', '/v1/invitations');
    const key = first!.headers['idempotency-key'];
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(retried!.headers['idempotency-key']).toBe(key);
    expect(retried!.body).toBe(first!.body);

    await api.request(teamEndpoints.invite, { body: { emails: ['alan.turing@northwind-msp.example'], role: 'viewer' } });
    expect(server.requestsTo('POST', '/v1/invitations')[2]!.headers['idempotency-key']).not.toBe(key);

    server.route('POST', '/v1/security/reauthenticate', { json: { recentAuthUntil: '2026-11-24T10:10:00.000Z' } });
    await api.request(securityEndpoints.reauthenticate, { body: { password: 'correct horse battery staple' } });
    expect(server.requestsTo('POST', '/v1/security/reauthenticate')[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('retries a GET after a dropped connection but not a write', async () => {
    server.route('GET', '/v1/me', { destroy: true }, { json: me });
    await expect(client().request(meEndpoints.get)).resolves.toMatchObject({ role: 'owner' });
    expect(server.requestsTo('GET', '/v1/me')).toHaveLength(2);

    server.route('PATCH', '/v1/profile', { destroy: true }, { json: profile });
    const error = await client().request(profileEndpoints.update, { body: { name: 'Ada King' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsNetworkError);
    expect((error as SettingsNetworkError).kind).toBe('network');
    expect(server.requestsTo('PATCH', '/v1/profile')).toHaveLength(1);
  });
});

describe('timeouts, aborts and network errors', () => {
  it('rejects with kind timeout when the server does not answer in time', async () => {
    server.route('GET', '/v1/me', { hang: true });
    const started = performance.now();
    const error = await client({ timeout: 150 }).request(meEndpoints.get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsNetworkError);
    expect((error as SettingsNetworkError).kind).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1); // timeouts are not retried
  });

  it('rejects with kind aborted when the caller aborts, and the server sees the request go away', async () => {
    server.route('GET', '/v1/me', { hang: true });
    const controller = new AbortController();
    const pending = client().request(meEndpoints.get, { signal: controller.signal });
    await waitFor(() => server.requests.length === 1);
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsNetworkError);
    expect((error as SettingsNetworkError).kind).toBe('aborted');
    await waitFor(() => server.requests[0]!.aborted);
  });

  it('stops waiting for a retry when aborted', async () => {
    server.route('GET', '/v1/me', rateLimited('5'), { json: me });
    const controller = new AbortController();
    const pending = client().request(meEndpoints.get, { signal: controller.signal });
    await waitFor(() => server.requests.length === 1);
    const started = performance.now();
    setTimeout(() => controller.abort(), 50);
    const error = (await pending.catch((e: unknown) => e)) as SettingsNetworkError;
    expect(error.kind).toBe('aborted');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const error = (await client().request(meEndpoints.get, { signal: AbortSignal.abort() }).catch((e: unknown) => e)) as SettingsNetworkError;
    expect(error).toBeInstanceOf(SettingsNetworkError);
    expect(error.kind).toBe('aborted');
    expect(server.requests).toHaveLength(0);
  });

  it('rejects with kind network when nothing listens', async () => {
    const url = server.url;
    await server.close();
    const error = (await createSettingsClient({ baseUrl: url, getToken: () => 't', retry: { limit: 0 } }).request(meEndpoints.get).catch((e: unknown) => e)) as SettingsNetworkError;
    expect(error).toBeInstanceOf(SettingsNetworkError);
    expect(error.kind).toBe('network');
    expect(error.message).toContain('me.get');
    server = await startScriptedServer();
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
