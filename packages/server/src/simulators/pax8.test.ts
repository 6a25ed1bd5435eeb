import { beforeEach, describe, expect, it } from 'vitest';
import type { Pax8Page, Pax8Subscription } from '../providers/pax8-types.js';
import {
  createPax8Simulator,
  PAX8_BAD_CLIENT_SECRET,
  PAX8_DEMO_CLIENT_ID,
  PAX8_DEMO_CLIENT_SECRET,
  PAX8_LIMITED_CLIENT_ID,
  PAX8_LIMITED_CLIENT_SECRET,
  type Pax8Simulator,
} from './pax8.js';

const ORIGIN = 'http://pax8.test';

function tokenRequest(clientId: string, clientSecret: string, extra: Record<string, unknown> = {}) {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_id: clientId,
      client_secret: clientSecret,
      audience: 'https://api.pax8.com',
      grant_type: 'client_credentials',
      ...extra,
    }),
  };
}

describe('Pax8 simulator', () => {
  let clock: number;
  let sim: Pax8Simulator;
  const call = (path: string, init?: RequestInit) => sim.app.request(`${ORIGIN}${path}`, init);
  const token = async (id = PAX8_DEMO_CLIENT_ID, secret = PAX8_DEMO_CLIENT_SECRET) => {
    const response = await call('/v1/token', tokenRequest(id, secret));
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  };
  const get = async (path: string, accessToken: string) =>
    call(path, { headers: { authorization: `Bearer ${accessToken}` } });

  beforeEach(() => {
    clock = Date.UTC(2026, 10, 24, 9, 0, 0);
    sim = createPax8Simulator({ now: () => clock });
  });

  describe('token endpoint', () => {
    it('issues a 24-hour bearer token for the demo credentials', async () => {
      const response = await call('/v1/token', tokenRequest(PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET));
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body.expires_in).toBe(86400);
      expect(body.token_type).toBe('Bearer');
      expect(String(body.access_token).split('.')).toHaveLength(3);
    });

    it('refuses a wrong secret with 401 access_denied', async () => {
      const response = await call('/v1/token', tokenRequest(PAX8_DEMO_CLIENT_ID, PAX8_BAD_CLIENT_SECRET));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: 'access_denied', error_description: 'Unauthorized' });
    });

    it('refuses an unknown client, a wrong audience, a wrong grant type and a body that is not JSON', async () => {
      expect((await call('/v1/token', tokenRequest('nobody', 'x'))).status).toBe(401);
      const audience = await call('/v1/token', tokenRequest(PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET, { audience: 'https://elsewhere' }));
      expect(audience.status).toBe(403);
      expect(((await audience.json()) as { error: string }).error).toBe('access_denied');
      const grant = await call('/v1/token', tokenRequest(PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET, { grant_type: 'password' }));
      expect(grant.status).toBe(400);
      expect(((await grant.json()) as { error: string }).error).toBe('unsupported_grant_type');
      const garbled = await call('/v1/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
      expect(garbled.status).toBe(400);
    });
  });

  describe('API', () => {
    it('requires a bearer token', async () => {
      const missing = await call('/v1/companies');
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toContain('invalid_token');
      expect((await get('/v1/companies', 'not-a-token')).status).toBe(401);
    });

    it('pages 0-based with a default size of 10 and the documented envelope', async () => {
      const accessToken = await token();
      const first = (await (await get('/v1/companies', accessToken)).json()) as Pax8Page<{ name: string }>;
      expect(first.page).toEqual({ size: 10, totalElements: 25, totalPages: 3, number: 0 });
      expect(first.content).toHaveLength(10);
      const last = (await (await get('/v1/companies?page=2', accessToken)).json()) as Pax8Page<unknown>;
      expect(last.content).toHaveLength(5);
      expect(last.page.number).toBe(2);
      const beyond = (await (await get('/v1/companies?page=3', accessToken)).json()) as Pax8Page<unknown>;
      expect(beyond.content).toEqual([]);
    });

    it('allows size 200 and refuses 201 with a 400 that says why', async () => {
      const accessToken = await token();
      expect((await get('/v1/subscriptions?size=200', accessToken)).status).toBe(200);
      const tooBig = await get('/v1/subscriptions?size=201', accessToken);
      expect(tooBig.status).toBe(400);
      const body = (await tooBig.json()) as { status: number; message: string; path: string };
      expect(body.status).toBe(400);
      expect(body.message).toBe('size must be less than or equal to 200');
      expect(body.path).toBe('/v1/subscriptions');
      expect((await get('/v1/subscriptions?page=-1', accessToken)).status).toBe(400);
      expect((await get('/v1/subscriptions?size=0', accessToken)).status).toBe(400);
    });

    it('serves seeded companies, products and subscriptions that refer to each other', async () => {
      const accessToken = await token();
      const all = async <T>(kind: string) =>
        ((await (await get(`/v1/${kind}?size=200`, accessToken)).json()) as Pax8Page<T>).content;
      const companies = await all<{ id: string; name: string }>('companies');
      const products = await all<{ id: string; name: string }>('products');
      const subscriptions = await all<Pax8Subscription>('subscriptions');
      expect(companies).toHaveLength(25);
      expect(products).toHaveLength(40);
      expect(subscriptions).toHaveLength(120);
      expect(companies.map((c) => c.name)).toEqual(expect.arrayContaining(['Northwind Dental', 'Contoso Legal LLP']));
      expect(products.map((p) => p.name)).toContain('Microsoft 365 Business Premium');
      const companyIds = new Set(companies.map((c) => c.id));
      const productIds = new Set(products.map((p) => p.id));
      for (const s of subscriptions) {
        expect(companyIds.has(s.companyId)).toBe(true);
        expect(productIds.has(s.productId)).toBe(true);
        expect(new Date(s.startDate).toISOString()).toBe(s.startDate);
        expect(s.quantity).toBeGreaterThan(0);
        expect(['Monthly', 'Annual', 'Trial']).toContain(s.billingTerm);
      }
      expect(new Set(subscriptions.map((s) => s.id)).size).toBe(120);
    });

    it('filters subscriptions by company and reads one company by id', async () => {
      const accessToken = await token();
      const company = sim.control.data.companies[0]!;
      const page = (await (await get(`/v1/subscriptions?size=200&companyId=${company.id}`, accessToken)).json()) as Pax8Page<Pax8Subscription>;
      expect(page.content.length).toBeGreaterThan(0);
      expect(page.content.every((s) => s.companyId === company.id)).toBe(true);
      const one = await get(`/v1/companies/${company.id}`, accessToken);
      expect(((await one.json()) as { name: string }).name).toBe(company.name);
      expect((await get('/v1/companies/00000000-0000-4000-8000-000000000000', accessToken)).status).toBe(404);
    });

    it('gives 403 on the lists a limited client may not read', async () => {
      const accessToken = await token(PAX8_LIMITED_CLIENT_ID, PAX8_LIMITED_CLIENT_SECRET);
      expect((await get('/v1/companies', accessToken)).status).toBe(403);
      expect((await get('/v1/subscriptions', accessToken)).status).toBe(403);
      expect((await get('/v1/products', accessToken)).status).toBe(200);
      sim.control.addClient('subs-only', 'subs-secret', { scopes: ['subscriptions'] });
      const other = await token('subs-only', 'subs-secret');
      expect((await get('/v1/companies', other)).status).toBe(403);
      expect((await get('/v1/subscriptions', other)).status).toBe(200);
    });

    it('expires tokens after 24 hours', async () => {
      const accessToken = await token();
      clock += 86_399_000;
      expect((await get('/v1/products', accessToken)).status).toBe(200);
      clock += 1_000;
      expect((await get('/v1/products', accessToken)).status).toBe(401);
    });

    it('limits a client to 1000 requests a minute', async () => {
      const accessToken = await token();
      for (let i = 0; i < 1000; i++) {
        const response = await get('/v1/products?size=1', accessToken);
        if (response.status !== 200) throw new Error(`request ${i} got ${response.status}`);
      }
      const limited = await get('/v1/products?size=1', accessToken);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      clock += 60_001;
      expect((await get('/v1/products?size=1', accessToken)).status).toBe(200);
    });
  });

  describe('control', () => {
    it('badCredentials refuses new tokens while issued tokens keep working', async () => {
      const accessToken = await token();
      sim.control.setMode({ badCredentials: true });
      expect((await call('/v1/token', tokenRequest(PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET))).status).toBe(401);
      expect((await get('/v1/companies', accessToken)).status).toBe(200);
      sim.control.setMode({ badCredentials: false });
      await token();
    });

    it('revoked refuses new tokens and every issued token', async () => {
      const accessToken = await token();
      sim.control.setMode({ revoked: true });
      expect((await call('/v1/token', tokenRequest(PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET))).status).toBe(401);
      expect((await get('/v1/companies', accessToken)).status).toBe(401);
    });

    it('rateLimit answers 429 with Retry-After after the given number of API requests', async () => {
      const accessToken = await token();
      sim.control.setMode({ rateLimit: { afterRequests: 2, retryAfterSeconds: 7 } });
      expect((await get('/v1/products', accessToken)).status).toBe(200);
      expect((await get('/v1/products', accessToken)).status).toBe(200);
      const limited = await get('/v1/products', accessToken);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('7');
      expect((await get('/v1/products', accessToken)).status).toBe(429);
      sim.control.setMode({ rateLimit: undefined });
      expect((await get('/v1/products', accessToken)).status).toBe(200);
    });

    it('rateLimitOnce refuses only the Nth API request', async () => {
      const accessToken = await token();
      sim.control.setMode({ rateLimitOnce: { atRequest: 2, retryAfterSeconds: 3 } });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await get('/v1/products', accessToken)).status);
      expect(statuses).toEqual([200, 429, 200, 200]);
    });

    it('failWith5xx answers every request, token included, with an HTML 5xx', async () => {
      sim.control.setMode({ failWith5xx: true });
      const response = await call('/v1/token', tokenRequest(PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET));
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toContain('text/html');
      sim.control.setMode({ failWith5xx: 502 });
      expect((await call('/v1/companies')).status).toBe(502);
      expect(() => sim.control.setMode({ failWith5xx: 404 })).toThrow(/500 to 599/);
    });

    it('latencyMs delays answers', async () => {
      sim.control.setMode({ latencyMs: 60 });
      const started = performance.now();
      await call('/v1/companies');
      expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    });

    it('logs requests and reset clears the log, the mode, tokens and added clients', async () => {
      const accessToken = await token();
      await get('/v1/companies?page=0&size=1', accessToken);
      expect(sim.control.requests).toEqual([
        { method: 'POST', path: '/v1/token', status: 200 },
        { method: 'GET', path: '/v1/companies?page=0&size=1', status: 200 },
      ]);
      sim.control.addClient('extra', 'extra-secret');
      sim.control.setMode({ latencyMs: 5, badCredentials: true });
      sim.control.reset();
      expect(sim.control.requests).toEqual([]);
      expect(sim.control.mode).toEqual({});
      expect((await get('/v1/companies', accessToken)).status).toBe(401);
      expect((await call('/v1/token', tokenRequest('extra', 'extra-secret'))).status).toBe(401);
    });

    it('expireTokens makes issued tokens fail with 401', async () => {
      const accessToken = await token();
      sim.control.expireTokens();
      expect((await get('/v1/companies', accessToken)).status).toBe(401);
    });

    it('rejects switches that make no sense', () => {
      expect(() => sim.control.setMode({ rateLimitOnce: { atRequest: 0, retryAfterSeconds: 1 } })).toThrow(/atRequest/);
      expect(() => sim.control.setMode({ rateLimit: { afterRequests: -1, retryAfterSeconds: 1 } })).toThrow(/rateLimit/);
      expect(() => sim.control.setMode({ latencyMs: -5 })).toThrow(/latencyMs/);
      // @ts-expect-error scopes are the three lists only
      expect(() => sim.control.addClient('x', 'y', { scopes: ['invoices'] })).toThrow(/Unknown Pax8 scope/);
    });
  });

  it('generates the same data from the same seed and other data from another seed', () => {
    const again = createPax8Simulator();
    const other = createPax8Simulator({ seed: 7 });
    expect(again.control.data).toEqual(createPax8Simulator().control.data);
    expect(other.control.data.companies[0]!.id).not.toBe(again.control.data.companies[0]!.id);
    expect(other.control.data.companies.map((c) => c.name)).toEqual(again.control.data.companies.map((c) => c.name));
  });
});
