import { beforeEach, describe, expect, it } from 'vitest';
import { simulatorFetch } from '../simulators/fetch-adapter.js';
import { XERO_SEED_LATEST } from '../simulators/xero-data.js';
import {
  createXeroSimulator,
  XERO_BAD_CLIENT_SECRET,
  XERO_DEMO_CLIENT_ID,
  XERO_DEMO_CLIENT_SECRET,
  type XeroSimulator,
} from '../simulators/xero.js';
import { ProviderError } from './errors.js';
import type { FetchLike } from './http.js';
import { createOAuthState, createPkcePair } from './pkce.js';
import { createXeroClient, xeroEndpointsAt, type XeroClientOptions } from './xero-client.js';
import type { XeroTokenSet } from './xero-types.js';

const ORIGIN = 'http://xero.test';
const REDIRECT = 'http://127.0.0.1:4000/v1/integrations/xero/callback';

describe('Xero client', () => {
  let clock: number;
  let sim: XeroSimulator;
  let sleeps: number[];
  let uk: string;
  let au: string;
  const client = (options: Partial<XeroClientOptions> = {}) =>
    createXeroClient({
      clientId: XERO_DEMO_CLIENT_ID,
      clientSecret: XERO_DEMO_CLIENT_SECRET,
      endpoints: xeroEndpointsAt(ORIGIN),
      fetch: simulatorFetch(sim.app),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      now: () => clock,
      ...options,
    });
  const invoiceCalls = () =>
    sim.control.requests.filter((r) => r.path.startsWith('/api.xro')).map((r) => `${r.path} ${r.status}`);

  /** The whole code flow as the server runs it: PKCE pair and state, consent, exchange. */
  const connect = async (tenantIds?: string[]) => {
    const xero = client();
    const pkce = createPkcePair();
    const state = createOAuthState();
    const url = xero.buildAuthorizeUrl({ redirectUri: REDIRECT, state, codeChallenge: pkce.codeChallenge });
    const callback = new URL(await sim.control.consent(url, tenantIds ? { tenantIds } : {}));
    expect(callback.searchParams.get('state')).toBe(state);
    const code = callback.searchParams.get('code') ?? '';
    return { xero, pkce, code, tokens: await xero.exchangeCode({ code, redirectUri: REDIRECT, codeVerifier: pkce.codeVerifier }) };
  };

  beforeEach(() => {
    clock = XERO_SEED_LATEST + 3 * 86_400_000;
    sim = createXeroSimulator({ now: () => clock });
    sleeps = [];
    [uk, au] = sim.control.tenants.map((t) => t.tenantId) as [string, string];
  });

  describe('authorization code flow', () => {
    it('builds the authorize URL Xero documents', () => {
      const url = new URL(
        client().buildAuthorizeUrl({ redirectUri: REDIRECT, state: 'abc', codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' }),
      );
      expect(url.origin + url.pathname).toBe(`${ORIGIN}/identity/connect/authorize`);
      expect(Object.fromEntries(url.searchParams)).toEqual({
        response_type: 'code',
        client_id: XERO_DEMO_CLIENT_ID,
        redirect_uri: REDIRECT,
        scope: 'openid profile email accounting.invoices.read offline_access',
        state: 'abc',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      });
      expect(() => client().buildAuthorizeUrl({ redirectUri: REDIRECT, state: 'abc', codeChallenge: 'short' })).toThrow(/S256 code challenge/);
      expect(() => client().buildAuthorizeUrl({ redirectUri: REDIRECT, state: '', codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' })).toThrow(/state/);
    });

    it('exchanges the code with the PKCE verifier and lists the connected organisations', async () => {
      const { xero, tokens } = await connect([uk, au]);
      expect(tokens.refreshToken).toBeTruthy();
      expect(tokens.idToken).toBeTruthy();
      expect(tokens.tokenType).toBe('Bearer');
      expect(tokens.scopes).toContain('accounting.invoices.read');
      expect(tokens.expiresAt).toBe(new Date(clock + 1800_000).toISOString());
      expect(tokens.authEventId).toMatch(/^[0-9a-f-]{36}$/);
      const connections = await xero.connections(tokens.accessToken);
      expect(connections.map((c) => c.tenantName).sort()).toEqual(['Acme MSP (AU)', 'Acme MSP Ltd']);
      expect(connections[0]?.createdAt).toBe(new Date(clock).toISOString());
      expect(connections[0]?.authEventId).toBe(tokens.authEventId);
      expect(await xero.connections(tokens.accessToken, { authEventId: 'other' })).toEqual([]);
    });

    it('refuses a wrong verifier and a reused code with needs_reauth', async () => {
      const xero = client();
      const pkce = createPkcePair();
      const url = xero.buildAuthorizeUrl({ redirectUri: REDIRECT, state: 's', codeChallenge: pkce.codeChallenge });
      const code = new URL(await sim.control.consent(url)).searchParams.get('code') ?? '';
      const wrong = await xero.exchangeCode({ code, redirectUri: REDIRECT, codeVerifier: createPkcePair().codeVerifier }).catch((e: unknown) => e);
      expect(wrong).toBeInstanceOf(ProviderError);
      expect(wrong).toMatchObject({ reason: 'needs_reauth', providerCode: 'invalid_grant', status: 400 });

      const flow = await connect();
      await expect(flow.xero.exchangeCode({ code: flow.code, redirectUri: REDIRECT, codeVerifier: flow.pkce.codeVerifier })).rejects.toMatchObject({
        reason: 'needs_reauth',
        providerCode: 'invalid_grant',
      });
    });

    it('reports invalid_credentials when Xero refuses the app secret', async () => {
      const pkce = createPkcePair();
      const url = client().buildAuthorizeUrl({ redirectUri: REDIRECT, state: 's', codeChallenge: pkce.codeChallenge });
      const code = new URL(await sim.control.consent(url)).searchParams.get('code') ?? '';
      await expect(
        client({ clientSecret: XERO_BAD_CLIENT_SECRET }).exchangeCode({ code, redirectUri: REDIRECT, codeVerifier: pkce.codeVerifier }),
      ).rejects.toMatchObject({ reason: 'invalid_credentials', providerCode: 'invalid_client' });
    });

    it('needs the app credentials', () => {
      expect(() => createXeroClient({ clientId: '', clientSecret: 'x' })).toThrow(/client ID and client secret/);
    });
  });

  describe('refresh and revocation', () => {
    it('rotates the refresh token and refuses the old one', async () => {
      const { xero, tokens } = await connect();
      clock += 31 * 60_000;
      const rotated = await xero.refresh(tokens.refreshToken ?? '');
      expect(rotated.refreshToken).not.toBe(tokens.refreshToken);
      expect(rotated.expiresAt).toBe(new Date(clock + 1800_000).toISOString());
      await expect(xero.refresh(tokens.refreshToken ?? '')).rejects.toMatchObject({ reason: 'needs_reauth', providerCode: 'invalid_grant' });
      await expect(xero.refresh(rotated.refreshToken ?? '')).resolves.toMatchObject({ tokenType: 'Bearer' });
    });

    it('does not send a refresh again after a 5xx: Xero may have spent the token already', async () => {
      const { tokens } = await connect();
      clock += 31 * 60_000;
      // Xero rotates the token, then the answer is lost: the client sees 503.
      const upstream = simulatorFetch(sim.app);
      const grants: string[] = [];
      const lossy: FetchLike = async (input, init) => {
        const response = await upstream(input, init);
        if (!input.endsWith('/connect/token')) return response;
        grants.push(new URLSearchParams(String(init?.body)).get('grant_type') ?? '');
        await response.body?.cancel();
        return new Response('{"error":"temporarily_unavailable"}', { status: 503, headers: { 'content-type': 'application/json' } });
      };
      const error = await client({ fetch: lossy }).refresh(tokens.refreshToken ?? '').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ reason: 'provider_unavailable', status: 503 });
      expect(grants).toEqual(['refresh_token']);
      expect(sleeps).toEqual([]);
    });

    it('still retries a refresh Xero refused with 429 (it did not act on it)', async () => {
      const { tokens } = await connect();
      const upstream = simulatorFetch(sim.app);
      let limited = false;
      const once: FetchLike = async (input, init) => {
        if (input.endsWith('/connect/token') && !limited) {
          limited = true;
          return new Response('', { status: 429, headers: { 'retry-after': '2' } });
        }
        return upstream(input, init);
      };
      await expect(client({ fetch: once }).refresh(tokens.refreshToken ?? '')).resolves.toMatchObject({ tokenType: 'Bearer' });
      expect(sleeps).toEqual([2000]);
    });

    it('still retries revocation after a 5xx (revoking twice is harmless)', async () => {
      const { tokens } = await connect([uk]);
      const upstream = simulatorFetch(sim.app);
      let failures = 1;
      const flaky: FetchLike = async (input, init) => {
        if (input.includes('/revocation') && failures-- > 0) return new Response('', { status: 502 });
        return upstream(input, init);
      };
      await client({ fetch: flaky }).revoke(tokens.refreshToken ?? '');
      expect(sleeps).toEqual([1000]);
      await expect(client().refresh(tokens.refreshToken ?? '')).rejects.toMatchObject({ reason: 'needs_reauth' });
    });

    it('revokes the grant: refresh and invoice reads then need a new consent', async () => {
      const { xero, tokens } = await connect([uk]);
      await xero.revoke(tokens.refreshToken ?? '');
      await expect(xero.refresh(tokens.refreshToken ?? '')).rejects.toMatchObject({ reason: 'needs_reauth' });
      await expect(xero.fetchInvoices({ tenantId: uk, accessToken: tokens.accessToken })).rejects.toMatchObject({
        reason: 'needs_reauth',
        status: 403,
      });
      expect(await xero.connections(tokens.accessToken)).toEqual([]);
    });

    it('reports needs_reauth when the user removed the app in Xero', async () => {
      const { xero, tokens } = await connect([uk]);
      sim.control.setMode({ revokedGrant: true });
      await expect(xero.refresh(tokens.refreshToken ?? '')).rejects.toMatchObject({ reason: 'needs_reauth' });
    });

    it('disconnects one organisation and tolerates a connection already gone', async () => {
      const { xero, tokens } = await connect([uk, au]);
      const [first] = await xero.connections(tokens.accessToken);
      await xero.deleteConnection(tokens.accessToken, first?.id ?? '');
      await xero.deleteConnection(tokens.accessToken, first?.id ?? '');
      expect((await xero.connections(tokens.accessToken)).map((c) => c.id)).not.toContain(first?.id);
    });

    it('reports token_expired for an access token Xero no longer accepts', async () => {
      const { xero, tokens } = await connect();
      clock += 1800_000;
      await expect(xero.connections(tokens.accessToken)).rejects.toMatchObject({ reason: 'token_expired', status: 401 });
    });
  });

  describe('fetchInvoices', () => {
    let tokens: XeroTokenSet;
    let xero: ReturnType<typeof client>;
    beforeEach(async () => {
      ({ xero, tokens } = await connect([uk]));
    });

    it('reads every page and turns /Date()/ values into ISO dates', async () => {
      const invoices = await xero.fetchInvoices({ tenantId: uk, accessToken: tokens.accessToken });
      expect(invoices).toHaveLength(260);
      expect(invoiceCalls()).toEqual([
        '/api.xro/2.0/Invoices?page=1 200',
        '/api.xro/2.0/Invoices?page=2 200',
        '/api.xro/2.0/Invoices?page=3 200',
      ]);
      const raw = sim.control.invoices(uk).find((i) => i.InvoiceNumber === 'INV-0001');
      const parsed = invoices.find((i) => i.number === 'INV-0001');
      expect(parsed).toEqual({
        id: raw?.InvoiceID,
        number: 'INV-0001',
        type: 'ACCREC',
        reference: 'Managed services January 2026',
        contact: { id: raw?.Contact.ContactID, name: 'Northwind Dental Practice' },
        date: '2026-01-01',
        dueDate: '2026-01-15',
        status: raw?.Status,
        subTotal: raw?.SubTotal,
        totalTax: raw?.TotalTax,
        total: raw?.Total,
        amountDue: raw?.AmountDue,
        amountPaid: raw?.AmountPaid,
        currencyCode: 'GBP',
        updatedAt: new Date(Number(/\d+/.exec(raw?.UpdatedDateUTC ?? '')?.[0])).toISOString(),
      });
    });

    it('keeps asking until an empty page when Xero sends no page count', async () => {
      const withoutPagination: FetchLike = async (input, init) => {
        const response = await simulatorFetch(sim.app)(input, init);
        if (!input.includes('/Invoices')) return response;
        const { pagination: _dropped, ...body } = (await response.json()) as Record<string, unknown>;
        return Response.json(body, { status: response.status });
      };
      const invoices = await client({ fetch: withoutPagination }).fetchInvoices({ tenantId: uk, accessToken: tokens.accessToken });
      expect(invoices).toHaveLength(260);
      expect(invoiceCalls().at(-1)).toBe('/api.xro/2.0/Invoices?page=4 200');
    });

    it('waits out a 429 in the middle of paging and carries on', async () => {
      sim.control.setMode({ rateLimitOnce: { atRequest: 2, retryAfterSeconds: 3 } });
      const invoices = await xero.fetchInvoices({ tenantId: uk, accessToken: tokens.accessToken });
      expect(new Set(invoices.map((i) => i.id)).size).toBe(260);
      expect(sleeps).toEqual([3000]);
      expect(invoiceCalls()).toEqual([
        '/api.xro/2.0/Invoices?page=1 200',
        '/api.xro/2.0/Invoices?page=2 429',
        '/api.xro/2.0/Invoices?page=2 200',
        '/api.xro/2.0/Invoices?page=3 200',
      ]);
    });

    it('fails with rate_limited when the minute limit asks for a longer wait than allowed', async () => {
      for (let i = 0; i < 60; i++) await xero.fetchInvoices({ tenantId: uk, accessToken: tokens.accessToken, modifiedSince: new Date(clock) });
      const error = await client({ retry: { maxWaitSeconds: 10 } })
        .fetchInvoices({ tenantId: uk, accessToken: tokens.accessToken })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: 'rate_limited', retryAfterSeconds: 60 });
      expect(sleeps).toEqual([]);
    });

    it('sends If-Modified-Since and gets only what changed', async () => {
      clock += 60_000;
      sim.control.updateInvoice(uk, 'INV-0042', { Status: 'PAID', AmountDue: 0 });
      const since = new Date(clock - 5_000);
      const changed = await xero.fetchInvoices({ tenantId: uk, accessToken: tokens.accessToken, modifiedSince: since });
      expect(changed.map((i) => i.number)).toEqual(['INV-0042']);
      expect(changed[0]).toMatchObject({ status: 'PAID', amountDue: 0, updatedAt: new Date(clock).toISOString() });
      const sent: string[] = [];
      const spy: FetchLike = (input, init) => {
        sent.push(new Headers(init?.headers).get('if-modified-since') ?? '');
        return simulatorFetch(sim.app)(input, init);
      };
      await client({ fetch: spy }).fetchInvoices({ tenantId: uk, accessToken: tokens.accessToken, modifiedSince: '2026-11-24T09:30:15.999Z' });
      expect(sent).toEqual(['2026-11-24T09:30:15']);
    });

    it('refreshes the access token once when it expires part-way through', async () => {
      let refreshes = 0;
      let pages = 0;
      const expiring: FetchLike = async (input, init) => {
        const response = await simulatorFetch(sim.app)(input, init);
        if (input.includes('/Invoices') && response.ok && ++pages === 1) sim.control.expireAccessTokens();
        return response;
      };
      const invoices = await client({ fetch: expiring }).fetchInvoices({
        tenantId: uk,
        accessToken: tokens.accessToken,
        refreshAccessToken: async () => {
          refreshes++;
          const next = await xero.refresh(tokens.refreshToken ?? '');
          return next.accessToken;
        },
      });
      expect(invoices).toHaveLength(260);
      expect(refreshes).toBe(1);
      expect(invoiceCalls()).toContain('/api.xro/2.0/Invoices?page=2 401');
    });

    it('fails with token_expired when the token expired and no refresh is offered', async () => {
      sim.control.expireAccessTokens();
      await expect(xero.fetchInvoices({ tenantId: uk, accessToken: tokens.accessToken })).rejects.toMatchObject({ reason: 'token_expired' });
    });

    it('fails with needs_reauth for an organisation that is not connected', async () => {
      await expect(xero.fetchInvoices({ tenantId: au, accessToken: tokens.accessToken })).rejects.toMatchObject({ reason: 'needs_reauth' });
    });

    it('fails with insufficient_access when the grant does not cover invoices', async () => {
      const pkce = createPkcePair();
      const url = xero.buildAuthorizeUrl({ redirectUri: REDIRECT, state: 's', codeChallenge: pkce.codeChallenge, scopes: ['accounting.contacts.read'] });
      const code = new URL(await sim.control.consent(url)).searchParams.get('code') ?? '';
      const narrow = await xero.exchangeCode({ code, redirectUri: REDIRECT, codeVerifier: pkce.codeVerifier });
      await expect(xero.fetchInvoices({ tenantId: uk, accessToken: narrow.accessToken })).rejects.toMatchObject({ reason: 'insufficient_access' });
    });

    it('fails with provider_unavailable when the outage outlasts the retries', async () => {
      sim.control.setMode({ failWith5xx: true });
      await expect(client({ retry: { maxRetries: 2 } }).fetchInvoices({ tenantId: uk, accessToken: tokens.accessToken })).rejects.toMatchObject({
        reason: 'provider_unavailable',
        status: 503,
      });
      expect(sleeps).toEqual([1000, 2000]);
    });

    it('fails with invalid_response when an answer is not JSON', async () => {
      const xml: FetchLike = async () => new Response('<Response/>', { headers: { 'content-type': 'text/xml' } });
      await expect(client({ fetch: xml }).fetchInvoices({ tenantId: uk, accessToken: tokens.accessToken })).rejects.toMatchObject({
        reason: 'invalid_response',
      });
    });
  });
});
