import { beforeEach, describe, expect, it } from 'vitest';
import { simulatorFetch } from '../simulators/fetch-adapter.js';
import {
  createPax8Simulator,
  PAX8_BAD_CLIENT_SECRET,
  PAX8_DEMO_CLIENT_ID,
  PAX8_DEMO_CLIENT_SECRET,
  PAX8_LIMITED_CLIENT_ID,
  PAX8_LIMITED_CLIENT_SECRET,
  type Pax8Simulator,
} from '../simulators/pax8.js';
import { ProviderError } from './errors.js';
import type { FetchLike } from './http.js';
import { createPax8Client, type Pax8ClientOptions } from './pax8-client.js';

const demo = { clientId: PAX8_DEMO_CLIENT_ID, clientSecret: PAX8_DEMO_CLIENT_SECRET };
const BASE = 'http://pax8.test';

describe('Pax8 client', () => {
  let sim: Pax8Simulator;
  let sleeps: number[];
  const client = (options: Partial<Pax8ClientOptions> = {}) =>
    createPax8Client({
      baseUrl: BASE,
      fetch: simulatorFetch(sim.app),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...options,
    });
  const paths = () => sim.control.requests.map((r) => `${r.method} ${r.path} ${r.status}`);

  beforeEach(() => {
    sim = createPax8Simulator();
    sleeps = [];
  });

  describe('testConnection', () => {
    it('succeeds with the company count after a token and one company', async () => {
      expect(await client().testConnection(demo)).toEqual({ ok: true, companyCount: 25 });
      expect(paths()).toEqual(['POST /v1/token 200', 'GET /v1/companies?page=0&size=1 200']);
    });

    it('reports invalid_credentials for a wrong secret', async () => {
      const result = await client().testConnection({ clientId: PAX8_DEMO_CLIENT_ID, clientSecret: PAX8_BAD_CLIENT_SECRET });
      expect(result).toMatchObject({ ok: false, reason: 'invalid_credentials' });
    });

    it('reports invalid_credentials without calling Pax8 when a field is blank', async () => {
      const result = await client().testConnection({ clientId: PAX8_DEMO_CLIENT_ID, clientSecret: '  ' });
      expect(result).toEqual({ ok: false, reason: 'invalid_credentials', detail: 'Enter both the client ID and the client secret.' });
      expect(sim.control.requests).toHaveLength(0);
    });

    it('reports invalid_credentials when the API client has been revoked', async () => {
      sim.control.setMode({ revoked: true });
      expect(await client().testConnection(demo)).toMatchObject({ ok: false, reason: 'invalid_credentials' });
    });

    it('reports insufficient_access when the credentials cannot read companies', async () => {
      const result = await client().testConnection({ clientId: PAX8_LIMITED_CLIENT_ID, clientSecret: PAX8_LIMITED_CLIENT_SECRET });
      expect(result).toMatchObject({ ok: false, reason: 'insufficient_access' });
    });

    it('reports rate_limited with the wait Pax8 asked for, without waiting', async () => {
      sim.control.setMode({ rateLimit: { afterRequests: 0, retryAfterSeconds: 42 } });
      const result = await client().testConnection(demo);
      expect(result).toMatchObject({ ok: false, reason: 'rate_limited', retryAfterSeconds: 42 });
      expect(sleeps).toEqual([]);
    });

    it('reports provider_unavailable on an outage, a network failure, a timeout and a body that is not JSON', async () => {
      sim.control.setMode({ failWith5xx: true });
      expect(await client().testConnection(demo)).toMatchObject({ ok: false, reason: 'provider_unavailable', detail: 'Pax8 answered HTTP 503.' });
      sim.control.reset();

      const offline: FetchLike = () => Promise.reject(new TypeError('fetch failed'));
      expect(await client({ fetch: offline }).testConnection(demo)).toMatchObject({
        ok: false,
        reason: 'provider_unavailable',
        detail: 'Pax8 could not be reached.',
      });

      sim.control.setMode({ latencyMs: 200 });
      expect(await client({ timeoutMs: 20 }).testConnection(demo)).toMatchObject({
        ok: false,
        reason: 'provider_unavailable',
        detail: 'Pax8 did not answer within 20 ms.',
      });
      sim.control.reset();

      const portal: FetchLike = async () => new Response('<html>Sign in to the hotel Wi-Fi</html>', { status: 200, headers: { 'content-type': 'text/html' } });
      expect(await client({ fetch: portal }).testConnection(demo)).toMatchObject({ ok: false, reason: 'provider_unavailable' });
    });

    it('always asks for a new token, so a cached one cannot hide changed credentials', async () => {
      const pax8 = client();
      await pax8.testConnection(demo);
      await pax8.testConnection(demo);
      expect(paths().filter((p) => p.startsWith('POST /v1/token'))).toHaveLength(2);
    });
  });

  describe('fetchAll', () => {
    it('reads every page of each list', async () => {
      const pax8 = client({ pageSize: 10 });
      const companies = await pax8.fetchAll('companies', demo);
      expect(companies).toHaveLength(25);
      expect(paths().filter((p) => p.startsWith('GET'))).toEqual([
        'GET /v1/companies?page=0&size=10 200',
        'GET /v1/companies?page=1&size=10 200',
        'GET /v1/companies?page=2&size=10 200',
      ]);
      expect(await pax8.fetchAll('products', demo)).toHaveLength(40);
      const subscriptions = await pax8.fetchAll('subscriptions', demo);
      expect(new Set(subscriptions.map((s) => s.id)).size).toBe(120);
      expect(paths().filter((p) => p.startsWith('POST /v1/token'))).toHaveLength(1);
    });

    it('waits out a 429 in the middle of paging and carries on', async () => {
      sim.control.setMode({ rateLimitOnce: { atRequest: 2, retryAfterSeconds: 5 } });
      const subscriptions = await client({ pageSize: 50 }).fetchAll('subscriptions', demo);
      expect(subscriptions).toHaveLength(120);
      expect(subscriptions.map((s) => s.id)).toEqual(sim.control.data.subscriptions.map((s) => s.id));
      expect(sleeps).toEqual([5000]);
      expect(paths()).toEqual([
        'POST /v1/token 200',
        'GET /v1/subscriptions?page=0&size=50 200',
        'GET /v1/subscriptions?page=1&size=50 429',
        'GET /v1/subscriptions?page=1&size=50 200',
        'GET /v1/subscriptions?page=2&size=50 200',
      ]);
    });

    it('gives up with rate_limited when Pax8 asks for a longer wait than allowed', async () => {
      sim.control.setMode({ rateLimitOnce: { atRequest: 1, retryAfterSeconds: 600 } });
      const error = await client({ retry: { maxWaitSeconds: 60 } }).fetchAll('products', demo).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ reason: 'rate_limited', retryAfterSeconds: 600, status: 429 });
      expect(sleeps).toEqual([]);
    });

    it('gives up with rate_limited after the allowed number of retries', async () => {
      sim.control.setMode({ rateLimit: { afterRequests: 0, retryAfterSeconds: 2 } });
      const error = await client({ retry: { maxRetries: 2 } }).fetchAll('products', demo).catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: 'rate_limited', retryAfterSeconds: 2 });
      expect(sleeps).toEqual([2000, 2000]);
    });

    it('retries a passing outage with back-off', async () => {
      sim.control.setMode({ failWith5xx: 502 });
      const pax8 = client({
        sleep: async (ms) => {
          sleeps.push(ms);
          if (sleeps.length === 2) sim.control.setMode({ failWith5xx: false });
        },
      });
      expect(await pax8.fetchAll('products', demo)).toHaveLength(40);
      expect(sleeps).toEqual([1000, 2000]);
    });

    it('fails with provider_unavailable when the outage lasts', async () => {
      sim.control.setMode({ failWith5xx: true });
      await expect(client({ retry: { maxRetries: 1 } }).fetchAll('products', demo)).rejects.toMatchObject({
        reason: 'provider_unavailable',
        status: 503,
      });
    });

    it('gets a new token once when Pax8 stops accepting the cached one', async () => {
      const pax8 = client({ pageSize: 100 });
      await pax8.fetchAll('products', demo);
      sim.control.expireTokens();
      expect(await pax8.fetchAll('subscriptions', demo)).toHaveLength(120);
      expect(paths().filter((p) => p.startsWith('POST /v1/token'))).toHaveLength(2);
      expect(paths()).toContain('GET /v1/subscriptions?page=0&size=100 401');
    });

    it('fails with invalid_credentials when a new token is refused too', async () => {
      const pax8 = client();
      await pax8.fetchAll('products', demo);
      sim.control.setMode({ revoked: true });
      await expect(pax8.fetchAll('products', demo)).rejects.toMatchObject({ reason: 'invalid_credentials' });
    });

    it('fails with insufficient_access for a list the credentials cannot read', async () => {
      await expect(
        client().fetchAll('companies', { clientId: PAX8_LIMITED_CLIENT_ID, clientSecret: PAX8_LIMITED_CLIENT_SECRET }),
      ).rejects.toMatchObject({ reason: 'insufficient_access', status: 403 });
    });

    it('names the field when Pax8 sends a shape it does not document', async () => {
      const broken: FetchLike = async (input, init) => {
        if (input.endsWith('/v1/token')) return simulatorFetch(sim.app)(input, init);
        return Response.json({ content: [{ id: 1 }], page: { size: 1, totalElements: 1, totalPages: 1, number: 0 } });
      };
      await expect(client({ fetch: broken }).fetchAll('companies', demo)).rejects.toMatchObject({
        reason: 'invalid_response',
        message: 'Pax8 sent companies.content[0].id as number, expected a string.',
      });
    });
  });

  it('refuses a page size Pax8 would refuse', () => {
    expect(() => client({ pageSize: 201 })).toThrow(/pageSize must be a whole number from 1 to 200/);
  });
});
