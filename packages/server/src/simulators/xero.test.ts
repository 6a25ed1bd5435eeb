import { beforeEach, describe, expect, it } from 'vitest';
import type { XeroConnectionWire, XeroInvoiceWire } from '../providers/xero-types.js';
import { msFromDate, XERO_SEED_LATEST } from './xero-data.js';
import {
  createXeroSimulator,
  XERO_BAD_CLIENT_SECRET,
  XERO_DEMO_CLIENT_ID,
  XERO_DEMO_CLIENT_SECRET,
  type XeroSimulator,
} from './xero.js';

const ORIGIN = 'http://xero.test';
const REDIRECT = 'http://127.0.0.1:5173/v1/integrations/xero/callback';
// RFC 7636 appendix B: an independent check of the simulator's S256 computation.
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const SCOPES = 'openid profile email accounting.invoices.read offline_access';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const DEMO_AUTH = basic(XERO_DEMO_CLIENT_ID, XERO_DEMO_CLIENT_SECRET);

interface TokenBody {
  access_token: string;
  refresh_token?: string;
  id_token?: string;
  expires_in: number;
  token_type: string;
  scope: string;
}

describe('Xero simulator', () => {
  let clock: number;
  let sim: XeroSimulator;
  let uk: string;
  let au: string;
  const call = (path: string, init?: RequestInit) => sim.app.request(`${ORIGIN}${path}`, init);
  const authorizeUrl = (overrides: Record<string, string | null> = {}) => {
    const params = new URLSearchParams();
    const all: Record<string, string | null> = {
      response_type: 'code',
      client_id: XERO_DEMO_CLIENT_ID,
      redirect_uri: REDIRECT,
      scope: SCOPES,
      state: 'st-123',
      code_challenge: CHALLENGE,
      code_challenge_method: 'S256',
      ...overrides,
    };
    for (const [key, value] of Object.entries(all)) if (value !== null) params.set(key, value);
    return `${ORIGIN}/identity/connect/authorize?${params.toString()}`;
  };
  const postForm = (path: string, form: Record<string, string>, authorization: string | null = DEMO_AUTH) =>
    call(path, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(authorization ? { authorization } : {}),
      },
      body: new URLSearchParams(form).toString(),
    });
  const codeFrom = (location: string) => new URL(location).searchParams.get('code') ?? '';
  const exchange = (code: string, extra: Record<string, string> = {}) =>
    postForm('/connect/token', { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER, ...extra });
  const connect = async (tenantIds?: string[], scope = SCOPES) => {
    const location = await sim.control.consent(authorizeUrl({ scope }), tenantIds ? { tenantIds } : {});
    const response = await exchange(codeFrom(location));
    expect(response.status).toBe(200);
    return (await response.json()) as TokenBody;
  };
  const refresh = (refreshToken: string) => postForm('/connect/token', { grant_type: 'refresh_token', refresh_token: refreshToken });
  const bearer = (token: string, extra: Record<string, string> = {}) => ({
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...extra },
  });
  const invoicesPage = (token: string, page: number | null, tenantId = uk, extra: Record<string, string> = {}) =>
    call(`/api.xro/2.0/Invoices${page === null ? '' : `?page=${page}`}`, bearer(token, { 'xero-tenant-id': tenantId, ...extra }));

  beforeEach(() => {
    clock = Date.UTC(2026, 10, 24, 9, 0, 0);
    sim = createXeroSimulator({ now: () => clock });
    [uk, au] = sim.control.tenants.map((t) => t.tenantId) as [string, string];
  });

  describe('consent page', () => {
    it('renders a script-free form with a checkbox per organisation and a strict CSP', async () => {
      const response = await call(authorizeUrl().slice(ORIGIN.length));
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toContain('Allow access');
      expect(page).toContain('Cancel');
      expect(page).not.toMatch(/<script|\son[a-z]+=/i);
      expect(page.match(/type="checkbox" name="tenant"/g)).toHaveLength(2);
      expect(page).toContain('Acme MSP Ltd');
      expect(page).toContain('Acme MSP (AU)');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain('form-action \'self\' http://127.0.0.1:5173');
      expect(csp).not.toContain('unsafe-inline');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    });

    it('shows the single organisation without a choice when the user has one', async () => {
      sim = createXeroSimulator({ now: () => clock, userTenantIds: [au] });
      const page = await (await call(authorizeUrl().slice(ORIGIN.length))).text();
      expect(page).not.toContain('type="checkbox"');
      expect(page).toContain(`type="hidden" name="tenant" value="${au}"`);
      expect(page).toContain('Acme MSP (AU)');
    });

    it('shows an error page, never a redirect, for an unknown client or redirect URI', async () => {
      const unknownClient = await call(authorizeUrl({ client_id: 'NOPE' }).slice(ORIGIN.length));
      expect(unknownClient.status).toBe(400);
      expect(unknownClient.headers.get('location')).toBeNull();
      const foreign = await call(authorizeUrl({ redirect_uri: 'https://attacker.example/cb' }).slice(ORIGIN.length));
      expect(foreign.status).toBe(400);
      expect(foreign.headers.get('location')).toBeNull();
    });

    it('redirects request errors back to the app with the state', async () => {
      const scope = await call(authorizeUrl({ scope: 'openid accounting.everything' }).slice(ORIGIN.length));
      expect(scope.status).toBe(302);
      const location = new URL(scope.headers.get('location') ?? '');
      expect(location.origin + location.pathname).toBe(REDIRECT);
      expect(location.searchParams.get('error')).toBe('invalid_scope');
      expect(location.searchParams.get('state')).toBe('st-123');
      const plain = await call(authorizeUrl({ code_challenge_method: 'plain' }).slice(ORIGIN.length));
      expect(new URL(plain.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
      const type = await call(authorizeUrl({ response_type: 'token' }).slice(ORIGIN.length));
      expect(new URL(type.headers.get('location') ?? '').searchParams.get('error')).toBe('unsupported_response_type');
    });

    it('answers Allow with a code and the state, Cancel with access_denied', async () => {
      const allowed = new URL(await sim.control.consent(authorizeUrl()));
      expect(allowed.searchParams.get('code')).toMatch(/^[\w-]{40,}$/);
      expect(allowed.searchParams.get('state')).toBe('st-123');
      expect(allowed.searchParams.get('scope')).toBe(SCOPES);
      const cancelled = new URL(await sim.control.consent(authorizeUrl({ state: 'st-456' }), { decision: 'cancel' }));
      expect(cancelled.searchParams.get('error')).toBe('access_denied');
      expect(cancelled.searchParams.get('state')).toBe('st-456');
      expect(cancelled.searchParams.has('code')).toBe(false);
    });

    it('asks again when no organisation is ticked, and refuses a request answered before', async () => {
      const page = await (await call(authorizeUrl().slice(ORIGIN.length))).text();
      const requestId = /name="request_id" value="([^"]+)"/.exec(page)?.[1] ?? '';
      const none = await postForm('/identity/connect/authorize', { request_id: requestId, decision: 'allow' }, null);
      expect(none.status).toBe(400);
      expect(await none.text()).toContain('Select at least one organisation to connect.');
      const allow = await postForm('/identity/connect/authorize', { request_id: requestId, decision: 'allow', tenant: au }, null);
      expect(allow.status).toBe(302);
      const again = await postForm('/identity/connect/authorize', { request_id: requestId, decision: 'allow', tenant: au }, null);
      expect(again.status).toBe(400);
      const stranger = await postForm('/identity/connect/authorize', { request_id: 'made-up', decision: 'allow' }, null);
      expect(stranger.status).toBe(400);
    });
  });

  describe('token endpoint', () => {
    it('exchanges a code for 30-minute tokens when the PKCE verifier matches', async () => {
      const tokens = await connect();
      expect(tokens.expires_in).toBe(1800);
      expect(tokens.token_type).toBe('Bearer');
      expect(tokens.scope).toBe(SCOPES);
      expect(tokens.access_token.split('.')).toHaveLength(3);
      expect(tokens.id_token?.split('.')).toHaveLength(3);
      expect(tokens.refresh_token).toMatch(/^[\w-]{40,}$/);
    });

    it('refuses a wrong verifier, and the code is spent by the attempt', async () => {
      const code = codeFrom(await sim.control.consent(authorizeUrl()));
      const wrong = await exchange(code, { code_verifier: 'x'.repeat(43) });
      expect(wrong.status).toBe(400);
      expect(await wrong.json()).toEqual({ error: 'invalid_grant' });
      expect((await exchange(code)).status).toBe(400);
    });

    it('refuses a reused code, a missing verifier, another redirect URI and an old code', async () => {
      const code = codeFrom(await sim.control.consent(authorizeUrl()));
      expect((await exchange(code)).status).toBe(200);
      expect(await (await exchange(code)).json()).toEqual({ error: 'invalid_grant' });

      const noVerifier = codeFrom(await sim.control.consent(authorizeUrl()));
      const missing = await postForm('/connect/token', { grant_type: 'authorization_code', code: noVerifier, redirect_uri: REDIRECT });
      expect(await missing.json()).toEqual({ error: 'invalid_grant' });

      const elsewhere = codeFrom(await sim.control.consent(authorizeUrl()));
      expect(await (await exchange(elsewhere, { redirect_uri: 'http://127.0.0.1:5173/other' })).json()).toEqual({ error: 'invalid_grant' });

      const old = codeFrom(await sim.control.consent(authorizeUrl()));
      clock += 5 * 60_000 + 1;
      expect(await (await exchange(old)).json()).toEqual({ error: 'invalid_grant' });
    });

    it('authenticates the app with HTTP Basic', async () => {
      const code = codeFrom(await sim.control.consent(authorizeUrl()));
      const wrong = await postForm('/connect/token', { grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER }, basic(XERO_DEMO_CLIENT_ID, XERO_BAD_CLIENT_SECRET));
      expect(wrong.status).toBe(400);
      expect(await wrong.json()).toEqual({ error: 'invalid_client' });
      const none = await postForm('/connect/token', { grant_type: 'refresh_token', refresh_token: 'x' }, null);
      expect(await none.json()).toEqual({ error: 'invalid_client' });
      sim.control.setMode({ badCredentials: true });
      expect(await (await exchange(code)).json()).toEqual({ error: 'invalid_client' });
    });

    it('refuses other grant types and bodies that are not forms', async () => {
      expect(await (await postForm('/connect/token', { grant_type: 'password' })).json()).toEqual({ error: 'unsupported_grant_type' });
      const json = await call('/connect/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: DEMO_AUTH },
        body: '{"grant_type":"refresh_token"}',
      });
      expect(await json.json()).toEqual({ error: 'invalid_request' });
    });

    it('rotates refresh tokens: the new one works, the old one is refused', async () => {
      const first = await connect();
      const second = await refresh(first.refresh_token ?? '');
      expect(second.status).toBe(200);
      const rotated = (await second.json()) as TokenBody;
      expect(rotated.refresh_token).not.toBe(first.refresh_token);
      expect(rotated.access_token).not.toBe(first.access_token);
      const reused = await refresh(first.refresh_token ?? '');
      expect(reused.status).toBe(400);
      expect(await reused.json()).toEqual({ error: 'invalid_grant' });
      expect((await refresh(rotated.refresh_token ?? '')).status).toBe(200);
    });

    it('issues no refresh token without offline_access', async () => {
      const tokens = await connect(undefined, 'accounting.invoices.read');
      expect(tokens.refresh_token).toBeUndefined();
      expect(tokens.id_token).toBeUndefined();
    });

    it('expires access tokens after 30 minutes and refresh tokens on request', async () => {
      const tokens = await connect();
      clock += 1799_000;
      expect((await call('/connections', bearer(tokens.access_token))).status).toBe(200);
      clock += 1_000;
      const expired = await call('/connections', bearer(tokens.access_token));
      expect(expired.status).toBe(401);
      expect(((await expired.json()) as { Detail: string }).Detail).toMatch(/^TokenExpired: /);
      const fresh = (await (await refresh(tokens.refresh_token ?? '')).json()) as TokenBody;
      expect((await call('/connections', bearer(fresh.access_token))).status).toBe(200);
      sim.control.expireAccessTokens();
      expect((await call('/connections', bearer(fresh.access_token))).status).toBe(401);
      sim.control.expireRefreshTokens();
      expect(await (await refresh(fresh.refresh_token ?? '')).json()).toEqual({ error: 'invalid_grant' });
    });
  });

  describe('connections and revocation', () => {
    it('lists the organisations the user connected', async () => {
      const tokens = await connect([uk, au]);
      const list = (await (await call('/connections', bearer(tokens.access_token))).json()) as XeroConnectionWire[];
      expect(list.map((c) => c.tenantName).sort()).toEqual(['Acme MSP (AU)', 'Acme MSP Ltd']);
      for (const connection of list) {
        expect(connection.tenantType).toBe('ORGANISATION');
        expect(connection.createdDateUtc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$/);
        expect(connection.id).not.toBe(connection.tenantId);
      }
      const byEvent = await call(`/connections?authEventId=${list[0]?.authEventId}`, bearer(tokens.access_token));
      expect(((await byEvent.json()) as unknown[]).length).toBe(2);
      expect((await call('/connections')).status).toBe(401);
    });

    it('keeps one connection per organisation when the user connects again', async () => {
      await connect([uk]);
      clock += 60_000;
      const again = await connect([uk]);
      const list = (await (await call('/connections', bearer(again.access_token))).json()) as XeroConnectionWire[];
      expect(list).toHaveLength(1);
      expect(list[0]?.updatedDateUtc).not.toBe(list[0]?.createdDateUtc);
    });

    it('deletes a connection, after which the organisation refuses API calls', async () => {
      const tokens = await connect([uk]);
      const [connection] = (await (await call('/connections', bearer(tokens.access_token))).json()) as XeroConnectionWire[];
      const deleted = await call(`/connections/${connection?.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(deleted.status).toBe(204);
      expect(await (await call('/connections', bearer(tokens.access_token))).json()).toEqual([]);
      expect((await invoicesPage(tokens.access_token, 1)).status).toBe(403);
      const missing = await call(`/connections/${connection?.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(missing.status).toBe(404);
    });

    it('revokes a refresh token: the grant and its connections are gone', async () => {
      const tokens = await connect([uk]);
      const revoked = await postForm('/connect/revocation', { token: tokens.refresh_token ?? '' });
      expect(revoked.status).toBe(200);
      expect(await (await refresh(tokens.refresh_token ?? '')).json()).toEqual({ error: 'invalid_grant' });
      expect(await (await call('/connections', bearer(tokens.access_token))).json()).toEqual([]);
      expect((await invoicesPage(tokens.access_token, 1)).status).toBe(403);
      expect(sim.control.connections()).toEqual([]);
      expect((await postForm('/connect/revocation', { token: 'never-issued' })).status).toBe(200);
      const badClient = await postForm('/connect/revocation', { token: 'x' }, basic(XERO_DEMO_CLIENT_ID, XERO_BAD_CLIENT_SECRET));
      expect(await badClient.json()).toEqual({ error: 'invalid_client' });
    });

    it('revokedGrant switch: refresh fails, connections vanish, a new consent works again', async () => {
      const tokens = await connect([uk]);
      sim.control.setMode({ revokedGrant: true });
      expect(await (await refresh(tokens.refresh_token ?? '')).json()).toEqual({ error: 'invalid_grant' });
      expect(await (await call('/connections', bearer(tokens.access_token))).json()).toEqual([]);
      expect((await invoicesPage(tokens.access_token, 1)).status).toBe(403);
      const renewed = await connect([uk]);
      expect((await invoicesPage(renewed.access_token, 1)).status).toBe(200);
    });
  });

  describe('Invoices', () => {
    it('needs the organisation header of a connected organisation', async () => {
      const tokens = await connect([uk]);
      const missing = await call('/api.xro/2.0/Invoices?page=1', bearer(tokens.access_token));
      expect(missing.status).toBe(403);
      expect(((await missing.json()) as { Detail: string }).Detail).toBe('AuthenticationUnsuccessful');
      expect((await invoicesPage(tokens.access_token, 1, au)).status).toBe(403);
      expect((await invoicesPage('not-a-token', 1)).status).toBe(401);
    });

    it('needs a scope that covers invoices', async () => {
      const tokens = await connect([uk], 'offline_access accounting.contacts.read');
      const response = await invoicesPage(tokens.access_token, 1);
      expect(response.status).toBe(401);
      expect(((await response.json()) as { Detail: string }).Detail).toBe('AuthorizationUnsuccessful');
    });

    it('pages 1-based, 100 a page, with an empty array past the end', async () => {
      const tokens = await connect([uk]);
      const seen: XeroInvoiceWire[] = [];
      for (let page = 1; page <= 4; page++) {
        const body = (await (await invoicesPage(tokens.access_token, page)).json()) as {
          Invoices: XeroInvoiceWire[];
          pagination: { page: number; pageSize: number; pageCount: number; itemCount: number };
        };
        expect(body.pagination).toEqual({ page, pageSize: 100, pageCount: 3, itemCount: 260 });
        expect(body.Invoices).toHaveLength([100, 100, 60, 0][page - 1] as number);
        seen.push(...body.Invoices);
      }
      expect(new Set(seen.map((i) => i.InvoiceID)).size).toBe(260);
      expect(seen.filter((i) => i.Type === 'ACCREC')).toHaveLength(250);
      const first = seen[0] as XeroInvoiceWire;
      expect(first.Date).toMatch(/^\/Date\(\d+\+0000\)\/$/);
      expect(first.UpdatedDateUTC).toMatch(/^\/Date\(\d+\+0000\)\/$/);
      expect(first.LineItems?.length).toBeGreaterThan(0);
      expect(first.Total).toBeCloseTo(first.SubTotal + first.TotalTax, 2);
      const updated = seen.map((i) => msFromDate(i.UpdatedDateUTC));
      expect(updated).toEqual([...updated].sort((a, b) => a - b));
      expect(Math.max(...updated)).toBeLessThanOrEqual(XERO_SEED_LATEST);
    });

    it('sends every invoice without line items when not paged', async () => {
      const tokens = await connect([uk]);
      const body = (await (await invoicesPage(tokens.access_token, null)).json()) as Record<string, unknown>;
      expect(body.pagination).toBeUndefined();
      const invoices = body.Invoices as XeroInvoiceWire[];
      expect(invoices).toHaveLength(260);
      expect(invoices.every((i) => i.LineItems === undefined)).toBe(true);
    });

    it('honours If-Modified-Since', async () => {
      const tokens = await connect([uk]);
      const all = sim.control.invoices(uk);
      const cutoff = msFromDate((all[130] as XeroInvoiceWire).UpdatedDateUTC);
      const expected = all.filter((i) => msFromDate(i.UpdatedDateUTC) > cutoff).length;
      const since = new Date(cutoff).toISOString().slice(0, 23);
      const body = (await (await invoicesPage(tokens.access_token, null, uk, { 'if-modified-since': since })).json()) as { Invoices: XeroInvoiceWire[] };
      expect(expected).toBeGreaterThan(0);
      expect(expected).toBeLessThan(260);
      expect(body.Invoices).toHaveLength(expected);

      clock = XERO_SEED_LATEST + 86_400_000;
      const touched = sim.control.updateInvoice(uk, 'INV-0007', { Status: 'PAID', AmountDue: 0 });
      const recent = new Date(clock - 1000).toISOString().slice(0, 19);
      const changed = (await (await invoicesPage(tokens.access_token, 1, uk, { 'if-modified-since': recent })).json()) as { Invoices: XeroInvoiceWire[] };
      expect(changed.Invoices.map((i) => i.InvoiceNumber)).toEqual(['INV-0007']);
      expect(touched.UpdatedDateUTC).toBe(`/Date(${clock}+0000)/`);
      const ignored = (await (await invoicesPage(tokens.access_token, null, uk, { 'if-modified-since': 'yesterday' })).json()) as { Invoices: unknown[] };
      expect(ignored.Invoices).toHaveLength(260);
    });

    it('answers XML unless JSON is asked for', async () => {
      const tokens = await connect([uk]);
      const xml = await call('/api.xro/2.0/Invoices?page=1', { headers: { authorization: `Bearer ${tokens.access_token}`, 'xero-tenant-id': uk } });
      expect(xml.headers.get('content-type')).toContain('text/xml');
      expect(await xml.text()).toMatch(/^<\?xml[^>]*\?><Response>.*<Invoices><Invoice><Type>/);
    });

    it('refuses a page that is not a positive whole number', async () => {
      const tokens = await connect([uk]);
      expect((await invoicesPage(tokens.access_token, 0)).status).toBe(400);
      const size = await call('/api.xro/2.0/Invoices?page=1&pageSize=1001', bearer(tokens.access_token, { 'xero-tenant-id': uk }));
      expect(size.status).toBe(400);
    });

    it('limits each organisation to 60 calls a minute', async () => {
      const tokens = await connect([uk, au]);
      for (let i = 0; i < 60; i++) {
        const response = await invoicesPage(tokens.access_token, 9);
        expect(response.status).toBe(200);
        expect(response.headers.get('x-minlimit-remaining')).toBe(String(59 - i));
        clock += 500;
      }
      const limited = await invoicesPage(tokens.access_token, 9);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('x-rate-limit-problem')).toBe('minute');
      expect(limited.headers.get('retry-after')).toBe('30');
      expect((await invoicesPage(tokens.access_token, 9, au)).status).toBe(200);
      clock += 30_000;
      expect((await invoicesPage(tokens.access_token, 9)).status).toBe(200);
    });

    it('rateLimitOnce refuses only the Nth organisation call', async () => {
      const tokens = await connect([uk]);
      sim.control.setMode({ rateLimitOnce: { atRequest: 2, retryAfterSeconds: 4 } });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await invoicesPage(tokens.access_token, 1);
        statuses.push(response.status);
        if (response.status === 429) {
          expect(response.headers.get('retry-after')).toBe('4');
          expect(response.headers.get('x-rate-limit-problem')).toBe('minute');
        }
      }
      expect(statuses).toEqual([200, 429, 200]);
    });

    it('fails every request while failWith5xx is on', async () => {
      const tokens = await connect([uk]);
      sim.control.setMode({ failWith5xx: true });
      expect((await invoicesPage(tokens.access_token, 1)).status).toBe(503);
      expect((await refresh(tokens.refresh_token ?? '')).status).toBe(503);
      sim.control.setMode({ failWith5xx: false });
      expect((await invoicesPage(tokens.access_token, 1)).status).toBe(200);
    });
  });

  it('reset clears connections, edits and switches', async () => {
    const tokens = await connect([uk]);
    const before = sim.control.invoices(uk)[0] as XeroInvoiceWire;
    sim.control.updateInvoice(uk, before.InvoiceID, { Reference: 'changed' });
    sim.control.setMode({ latencyMs: 5 });
    sim.control.reset();
    expect(sim.control.invoices(uk)[0]).toEqual(before);
    expect(sim.control.connections()).toEqual([]);
    expect(sim.control.mode).toEqual({});
    expect(sim.control.requests).toEqual([]);
    expect((await call('/connections', bearer(tokens.access_token))).status).toBe(401);
  });

  it('seeds the same organisations and invoices every time', () => {
    const other = createXeroSimulator();
    expect(other.control.tenants).toEqual(sim.control.tenants);
    expect(other.control.invoices(uk)).toEqual(sim.control.invoices(uk));
    expect(sim.control.tenants.map((t) => t.tenantName)).toEqual(['Acme MSP Ltd', 'Acme MSP (AU)']);
    expect(() => createXeroSimulator({ userTenantIds: ['nope'] })).toThrow(/no organisation/);
    expect(() => sim.control.updateInvoice(uk, 'INV-9999')).toThrow(/No invoice INV-9999/);
  });
});
