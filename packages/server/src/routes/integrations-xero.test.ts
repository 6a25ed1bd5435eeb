import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../app/ids.js';
import { createSession } from '../app/sign-in.js';
import { integrationEnv } from '../integrations/env.js';
import { createKeyedMutex } from '../integrations/keyed-mutex.js';
import { sealContext } from '../integrations/store.js';
import { XERO_URL } from '../integrations/testing/providers.js';
import { refreshXeroAccess, xeroAccess } from '../integrations/xero-tokens.js';
import { formatXeroModifiedSince } from '../providers/xero-dates.js';
import { XERO_DEMO_CLIENT_ID, XERO_DEMO_CLIENT_SECRET } from '../simulators/xero.js';
import { SESSION_COOKIE } from '../app/actor.js';
import type { As } from '../testing/harness.js';
import { useRecordedTestServer } from '../testing/recorded-server.js';

const recorded = useRecordedTestServer();
const { sim, seen, logger, call } = recorded;
const [UK, AU] = sim.xero.control.tenants;
const RETURN_TO = 'http://localhost/settings/integrations?tab=xero';

async function authorize(as: As = 'admin', body: object = { returnTo: RETURN_TO }) {
  const res = await call('POST', '/integrations/xero/authorize', { as, body });
  expect(res.status, res.text).toBe(200);
  return res.body as { authorizeUrl: string; state: string; expiresAt: string };
}

/** Xero's consent page answered (Allow, with these organisations), then the API's return page: the host page URL. */
async function consentAndReturn(authorizeUrl: string, options: { tenantIds?: string[]; decision?: 'allow' | 'cancel' } = {}): Promise<URL> {
  const location = await sim.xero.control.consent(authorizeUrl, { tenantIds: options.tenantIds ?? [UK!.tenantId], decision: options.decision });
  const back = await call('GET', location.replace('http://localhost', ''));
  expect(back.status, back.text).toBe(303);
  return new URL(back.headers.get('location')!);
}

async function connect(as: As = 'admin', tenantIds = [UK!.tenantId]) {
  const { authorizeUrl } = await authorize(as);
  const landed = await consentAndReturn(authorizeUrl, { tenantIds });
  const res = await call('POST', '/integrations/xero/callback', {
    as,
    body: { code: landed.searchParams.get('code'), state: landed.searchParams.get('state') },
  });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

async function card() {
  const res = await call('GET', '/integrations', { as: 'viewer' });
  return res.body.items.find((item: { provider: string }) => item.provider === 'xero');
}

async function storedTokens() {
  const { rows } = await recorded.server.db.query<{ access_token_sealed: string; refresh_token_sealed: string; token_version: number }>(
    "SELECT access_token_sealed, refresh_token_sealed, token_version FROM integrations WHERE provider = 'xero'",
  );
  const row = rows[0]!;
  return {
    access: recorded.server.secrets.open(row.access_token_sealed, sealContext.xeroAccessToken('org_acme')),
    refresh: recorded.server.secrets.open(row.refresh_token_sealed, sealContext.xeroRefreshToken('org_acme')),
    version: Number(row.token_version),
  };
}

/** Presents a refresh token to the simulator directly, as a second client would. */
async function tryRefresh(refreshToken: string) {
  const res = await sim.xero.app.request(`${XERO_URL}/connect/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${XERO_DEMO_CLIENT_ID}:${XERO_DEMO_CLIENT_SECRET}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }).toString(),
  });
  return { status: res.status, body: (await res.json()) as { error?: string } };
}

const tokenRequests = () => sim.sent.filter((r) => r.url.endsWith('/connect/token'));
const refreshRequests = () => tokenRequests().filter((r) => r.body?.includes('grant_type=refresh_token'));

async function expectNowhere(values: string[]) {
  const { rows: audit } = await recorded.server.db.query('SELECT * FROM audit_logs');
  const auditText = JSON.stringify(audit);
  for (const value of values) {
    for (const text of seen) expect(text).not.toContain(value);
    expect(auditText).not.toContain(value);
  }
}

describe('Xero OAuth', () => {
  it('connects through the consent page: authorize → consent form → return page → callback, with PKCE S256', async () => {
    const auth = await authorize('finance', { returnTo: `${RETURN_TO}#section`, mode: 'redirect' });
    expect(new Date(auth.expiresAt).getTime() - recorded.server.clock().getTime()).toBe(10 * 60_000);
    const url = new URL(auth.authorizeUrl);
    expect(url.origin + url.pathname).toBe(`${XERO_URL}/identity/connect/authorize`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code', client_id: XERO_DEMO_CLIENT_ID, state: auth.state, code_challenge_method: 'S256',
      redirect_uri: 'http://localhost/v1/integrations/xero/oauth-return',
    });
    expect(url.searchParams.get('scope')).toContain('offline_access');

    // The consent page, answered as a browser would: its form posted back with Allow.
    const page = await sim.xero.app.request(auth.authorizeUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    const requestId = /name="request_id" value="([^"]+)"/.exec(html)![1]!;
    expect(html).toContain(UK!.tenantName);
    const form = new URLSearchParams({ request_id: requestId, decision: 'allow', tenant: UK!.tenantId });
    const allowed = await sim.xero.app.request(`${XERO_URL}/identity/connect/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(allowed.status).toBe(302);
    const toApi = new URL(allowed.headers.get('location')!);
    expect(toApi.pathname).toBe('/v1/integrations/xero/oauth-return');
    expect(toApi.searchParams.get('state')).toBe(auth.state);

    // The API's return page sends the browser on to the host page with code and state.
    const back = await call('GET', toApi.pathname + toApi.search);
    expect(back.status).toBe(303);
    const landed = new URL(back.headers.get('location')!);
    expect(landed.origin + landed.pathname).toBe('http://localhost/settings/integrations');
    expect(landed.searchParams.get('tab')).toBe('xero');
    expect(landed.searchParams.get('state')).toBe(auth.state);
    expect(landed.searchParams.get('scope')).toBeNull();
    expect(landed.hash).toBe('');

    const res = await call('POST', '/integrations/xero/callback', {
      as: 'finance',
      body: { code: landed.searchParams.get('code'), state: landed.searchParams.get('state') },
    });
    expect(res.status, res.text).toBe(200);
    const now = recorded.server.clock().toISOString();
    expect(res.body).toEqual({
      status: 'connected',
      integration: expect.objectContaining({
        provider: 'xero', status: 'connected', accountLabel: UK!.tenantName, tenant: { id: UK!.tenantId, name: UK!.tenantName },
        secretLast4: null, connectedAt: now, nextSyncAt: now, counts: { invoices: 0 }, error: null,
      }),
    });
    expect(await card()).toEqual(res.body.integration);

    // The code went to Xero form-encoded, with HTTP Basic and the verifier whose S256 is the challenge.
    const exchange = tokenRequests()[0]!;
    expect(exchange.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(exchange.headers.get('authorization')).toBe(`Basic ${Buffer.from(`${XERO_DEMO_CLIENT_ID}:${XERO_DEMO_CLIENT_SECRET}`).toString('base64')}`);
    const sent = new URLSearchParams(exchange.body!);
    expect(sent.get('grant_type')).toBe('authorization_code');
    expect(sent.get('redirect_uri')).toBe('http://localhost/v1/integrations/xero/oauth-return');
    const verifier = sent.get('code_verifier')!;
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(url.searchParams.get('code_challenge'));
    const { rows } = await recorded.server.db.query<{ verifier_sealed: string; used_at: Date | null }>('SELECT verifier_sealed, used_at FROM xero_oauth_states');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.verifier_sealed).not.toContain(verifier);
    expect(rows[0]!.used_at).not.toBeNull();

    const tokens = await storedTokens();
    const { rows: raw } = await recorded.server.db.query('SELECT * FROM integrations');
    expect(JSON.stringify(raw)).not.toContain(tokens.refresh);
    expect(JSON.stringify(raw)).not.toContain(tokens.access);
    const { rows: audit } = await recorded.server.db.query<{ action: string; after: Record<string, unknown> }>('SELECT action, after FROM audit_logs');
    expect(audit).toEqual([{ action: 'integration.xero.connected', after: expect.objectContaining({ status: 'connected', tenantsAvailable: 1 }) }]);

    // The first sync reads every page of invoices.
    const sync = await call('POST', '/integrations/xero/sync', { as: 'finance' });
    expect(sync.status, sync.text).toBe(201);
    expect(sync.body).toMatchObject({ provider: 'xero', status: 'succeeded', counts: { invoices: 260, invoicesChanged: 260 } });
    const pages = sim.xero.control.requests.filter((r) => r.path.startsWith('/api.xro/2.0/Invoices')).map((r) => r.path);
    expect(pages).toEqual(['/api.xro/2.0/Invoices?page=1', '/api.xro/2.0/Invoices?page=2', '/api.xro/2.0/Invoices?page=3']);
    const invoices = sim.sent.filter((r) => r.url.includes('/Invoices'));
    expect(invoices.every((r) => r.headers.get('xero-tenant-id') === UK!.tenantId && !r.headers.has('if-modified-since'))).toBe(true);
    expect(await card()).toMatchObject({ status: 'connected', counts: { invoices: 260 }, lastSyncAt: now });
    await expectNowhere([tokens.access, tokens.refresh, verifier, XERO_DEMO_CLIENT_SECRET, landed.searchParams.get('code')!]);
  });

  it('refuses unknown, reused, expired and other sessions’ states with oauth_state_invalid', async () => {
    const unknown = await call('POST', '/integrations/xero/callback', { as: 'admin', body: { state: 'made-up', code: 'x' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'oauth_state_invalid', fieldErrors: [{ path: 'state', code: 'oauth_state_invalid' }] });

    // Another member, then another session of the same member: refused, and the state stays usable.
    const { authorizeUrl, state } = await authorize('admin');
    const landed = await consentAndReturn(authorizeUrl);
    const body = { state, code: landed.searchParams.get('code') };
    expect((await call('POST', '/integrations/xero/callback', { as: 'owner', body })).body.code).toBe('oauth_state_invalid');
    const other = await createSession(recorded.server.db, { memberId: 'mem_admin', method: 'password', ip: null, userAgent: null, now: recorded.server.clock() });
    const otherSession = { headers: { cookie: `${SESSION_COOKIE}=${other.token}`, 'x-csrf-token': other.csrfToken } };
    expect((await call('POST', '/integrations/xero/callback', { as: otherSession, body })).body.code).toBe('oauth_state_invalid');
    expect((await call('POST', '/integrations/xero/callback', { as: 'admin', body })).body.status).toBe('connected');
    // Used once: the same state again is refused.
    const reused = await call('POST', '/integrations/xero/callback', { as: 'admin', body });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('oauth_state_invalid');

    // Expired after 10 minutes.
    const late = await authorize('admin');
    const lateLanded = await consentAndReturn(late.authorizeUrl);
    recorded.server.clock.advance(10 * 60_000 + 1000);
    const expired = await call('POST', '/integrations/xero/callback', { as: 'admin', body: { state: late.state, code: lateLanded.searchParams.get('code') } });
    expect(expired.body.code).toBe('oauth_state_invalid');
    expect(sim.sent.filter((r) => r.url.endsWith('/connect/token'))).toHaveLength(1);
  });

  it('binds an embed token’s state to the member, so a fresh embed token after the redirect can finish', async () => {
    await recorded.server.db.query("UPDATE organizations SET embed_origins = ARRAY['https://portal.example'] WHERE id = 'org_acme'");
    const before = await recorded.server.embedToken('admin');
    const auth = await authorize(before, { returnTo: 'https://portal.example/billing/settings' });
    const landed = await consentAndReturn(auth.authorizeUrl);
    expect(landed.origin).toBe('https://portal.example');
    const after = await recorded.server.embedToken('admin');
    const body = { state: landed.searchParams.get('state'), code: landed.searchParams.get('code') };
    expect((await call('POST', '/integrations/xero/callback', { as: await recorded.server.embedToken('owner'), body })).body.code).toBe('oauth_state_invalid');
    const res = await call('POST', '/integrations/xero/callback', { as: after, body });
    expect(res.body.status).toBe('connected');
  });

  it('answers oauth_cancelled when the member cancels on the consent page', async () => {
    const { authorizeUrl, state } = await authorize('admin');
    const landed = await consentAndReturn(authorizeUrl, { decision: 'cancel' });
    expect(landed.searchParams.get('error')).toBe('access_denied');
    expect(landed.searchParams.get('code')).toBeNull();
    const res = await call('POST', '/integrations/xero/callback', { as: 'admin', body: { state, error: 'access_denied' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('oauth_cancelled');
    expect((await card()).status).toBe('not_configured');
    expect((await call('POST', '/integrations/xero/callback', { as: 'admin', body: { state, error: 'access_denied' } })).body.code).toBe('oauth_state_invalid');
  });

  it('refuses the exchange when the stored PKCE verifier does not match the challenge', async () => {
    const { authorizeUrl, state } = await authorize('admin');
    const landed = await consentAndReturn(authorizeUrl);
    const hash = sha256(state);
    const forged = randomBytes(32).toString('base64url');
    await recorded.server.db.query('UPDATE xero_oauth_states SET verifier_sealed = $2 WHERE state_hash = $1', [hash, recorded.server.secrets.seal(forged, sealContext.pkceVerifier(hash))]);
    const res = await call('POST', '/integrations/xero/callback', { as: 'admin', body: { state, code: landed.searchParams.get('code') } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'oauth_exchange_failed', fieldErrors: [{ path: 'code' }] });
    expect(new URLSearchParams(tokenRequests()[0]!.body!).get('code_verifier')).toBe(forged);
    expect(sim.xero.control.requests.find((r) => r.path === '/connect/token')?.status).toBe(400);
    expect((await card()).status).toBe('not_configured');
  });

  it('validates returnTo against the API origin and the embedding origins', async () => {
    const foreign = await call('POST', '/integrations/xero/authorize', { as: 'admin', body: { returnTo: 'https://evil.example/steal' } });
    expect(foreign.status).toBe(422);
    expect(foreign.body.fieldErrors).toEqual([expect.objectContaining({ path: 'returnTo', code: 'origin_not_allowed' })]);
    const none = await call('POST', '/integrations/xero/authorize', { as: 'admin', body: {} });
    expect(none.status).toBe(422);
    expect(none.body.fieldErrors[0]).toMatchObject({ path: 'returnTo', code: 'required' });
    await recorded.server.db.query("UPDATE organizations SET embed_origins = ARRAY['https://evil.example'] WHERE id = 'org_acme'");
    // Embedding origins are read with the credential: a new sign-in sees the change.
    expect((await call('POST', '/integrations/xero/authorize', { as: await recorded.server.embedToken('admin'), body: { returnTo: 'https://evil.example/steal' } })).status).toBe(200);
  });

  it('hands the result to the opener in popup mode without returnTo, and refuses unknown states on the return page', async () => {
    const auth = await authorize('admin', { mode: 'popup' });
    const location = await sim.xero.control.consent(auth.authorizeUrl, { tenantIds: [UK!.tenantId] });
    const page = await call('GET', location.replace('http://localhost', ''));
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(page.text).toContain(`<script nonce="${nonce}">`);
    expect(page.text).toContain('postMessage');
    expect(page.text).toContain('"http://localhost"');
    expect(page.text).toContain(auth.state);

    const unknown = await call('GET', '/v1/integrations/xero/oauth-return?state=nope&code=abc');
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('location')).toBeNull();
    expect(unknown.text).not.toContain('abc');
  });
});

describe('Xero organisations', () => {
  it('asks to choose when the grant covers two organisations, then syncs the chosen one', async () => {
    const result = await connect('admin', [UK!.tenantId, AU!.tenantId]);
    expect(result).toEqual({
      status: 'choose_tenant',
      tenants: [
        { id: UK!.tenantId, name: UK!.tenantName },
        { id: AU!.tenantId, name: AU!.tenantName },
      ],
    });
    expect(await card()).toMatchObject({ status: 'not_configured', error: { code: 'tenant_required' } });
    expect((await call('POST', '/integrations/xero/sync', { as: 'admin' })).body.code).toBe('tenant_required');

    const unknown = await call('PUT', '/integrations/xero/tenant', { as: 'admin', body: { tenantId: 'not-a-tenant' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.fieldErrors[0]).toMatchObject({ path: 'tenantId', code: 'unknown_tenant' });

    const chosen = await call('PUT', '/integrations/xero/tenant', { as: 'admin', body: { tenantId: AU!.tenantId } });
    expect(chosen.status, chosen.text).toBe(200);
    expect(chosen.body).toMatchObject({ status: 'connected', accountLabel: AU!.tenantName, tenant: { id: AU!.tenantId, name: AU!.tenantName } });
    const sync = await call('POST', '/integrations/xero/sync', { as: 'admin' });
    expect(sync.body).toMatchObject({ status: 'succeeded', counts: { invoices: 24 } });

    // Switching organisation drops the other one's invoices and starts over.
    const switched = await call('PUT', '/integrations/xero/tenant', { as: 'admin', body: { tenantId: UK!.tenantId } });
    expect(switched.body.counts).toEqual({ invoices: 0 });
    expect((await recorded.server.db.query('SELECT 1 FROM xero_invoices')).rows).toHaveLength(0);
    expect((await call('POST', '/integrations/xero/sync', { as: 'admin' })).body.counts.invoices).toBe(260);
    const { rows } = await recorded.server.db.query<{ action: string }>('SELECT action FROM audit_logs');
    expect(rows.map((r) => r.action).sort()).toEqual([
      'integration.synced', 'integration.synced', 'integration.xero.authorized', 'integration.xero.connected', 'integration.xero.connected',
    ]);
  });

  it('refuses choosing before connecting', async () => {
    const res = await call('PUT', '/integrations/xero/tenant', { as: 'admin', body: { tenantId: UK!.tenantId } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('xero_not_connected');
  });
});

describe('Xero tokens and sync', () => {
  it('rotates the refresh token when Xero stops accepting the access token; the old refresh token is spent', async () => {
    await connect();
    await call('POST', '/integrations/xero/sync', { as: 'admin' });
    const before = await storedTokens();
    sim.xero.control.expireAccessTokens();
    sim.sent.length = 0;
    recorded.server.clock.advance(60_000);
    const sync = await call('POST', '/integrations/xero/sync', { as: 'admin' });
    expect(sync.body.status, sync.text).toBe('succeeded');
    expect(refreshRequests()).toHaveLength(1);
    const after = await storedTokens();
    expect(after.refresh).not.toBe(before.refresh);
    expect(after.version).toBe(before.version + 1);
    expect(await tryRefresh(before.refresh)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    await expectNowhere([before.refresh, after.refresh, after.access]);
  });

  it('refreshes ahead of time when the access token has expired by the clock, and sends If-Modified-Since from the last success', async () => {
    await connect();
    const firstStart = recorded.server.clock();
    await call('POST', '/integrations/xero/sync', { as: 'admin' });
    recorded.server.clock.advance(31 * 60_000);
    sim.xero.control.updateInvoice(UK!.tenantId, 'INV-0001', { Status: 'PAID', AmountDue: 0 });
    sim.sent.length = 0;
    const second = await call('POST', '/integrations/xero/sync', { as: 'admin' });
    expect(second.body).toMatchObject({ status: 'succeeded', counts: { invoices: 260, invoicesChanged: 1 } });
    // The refresh came before any invoice request.
    expect(sim.sent[0]!.url).toBe(`${XERO_URL}/connect/token`);
    expect(refreshRequests()).toHaveLength(1);
    const invoiceRequests = sim.sent.filter((r) => r.url.includes('/Invoices'));
    expect(invoiceRequests.length).toBeGreaterThan(0);
    const expected = formatXeroModifiedSince(new Date(firstStart.getTime() - 5 * 60_000));
    expect(invoiceRequests.every((r) => r.headers.get('if-modified-since') === expected)).toBe(true);
    const { rows } = await recorded.server.db.query<{ status: string }>("SELECT status FROM xero_invoices WHERE number = 'INV-0001'");
    expect(rows[0]!.status).toBe('PAID');
  });

  it('refreshes once for concurrent callers in this process and across two processes', async () => {
    await connect();
    const { rows } = await recorded.server.db.query<{ id: string }>("SELECT id FROM integrations WHERE provider = 'xero'");
    const id = rows[0]!.id;
    const deps = { db: recorded.server.db, secrets: recorded.server.secrets, clock: recorded.server.clock, logger, providers: sim.providers };
    /** Lease waits, by process: a short real wait each. */
    const waits: Record<string, number> = { one: 0, a: 0, b: 0 };
    const sleeper = (name: string) => (ms: number) => {
      waits[name]!++;
      return new Promise<void>((resolve) => setTimeout(resolve, Math.min(ms, 5)));
    };

    // One process: three callers after the clock passed the expiry queue on the lock (no lease waits).
    recorded.server.clock.advance(31 * 60_000);
    sim.xero.control.setMode({ latencyMs: 10 });
    const one = integrationEnv(deps, { locks: createKeyedMutex(), sleep: sleeper('one') });
    const tokens = await Promise.all([xeroAccess(one, id), xeroAccess(one, id), xeroAccess(one, id)]);
    expect(new Set(tokens.map((token) => token.accessToken)).size).toBe(1);
    expect(refreshRequests()).toHaveLength(1);
    expect(waits.one).toBe(0);

    // Two processes (own locks, own clients) refreshing the same version at once.
    const version = (await storedTokens()).version;
    const a = integrationEnv(deps, { locks: createKeyedMutex(), sleep: sleeper('a') });
    const b = integrationEnv(deps, { locks: createKeyedMutex(), sleep: sleeper('b') });
    const [fromA, fromB] = await Promise.all([refreshXeroAccess(a, id, version), refreshXeroAccess(b, id, version)]);
    sim.xero.control.setMode({ latencyMs: undefined });
    expect(fromA.accessToken).toBe(fromB.accessToken);
    expect(refreshRequests()).toHaveLength(2);
    // The process without the lease waited for the other one's refresh.
    expect(waits.a + waits.b).toBeGreaterThan(0);
    expect((await storedTokens()).version).toBe(version + 1);

    // Two syncs at once: one runs, the other is refused; the stored tokens still work.
    recorded.server.clock.advance(31 * 60_000);
    const [first, second] = await Promise.all([
      call('POST', '/integrations/xero/sync', { as: 'admin' }),
      call('POST', '/integrations/xero/sync', { as: 'owner' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    expect(refreshRequests()).toHaveLength(3);
    expect((await call('POST', '/integrations/xero/sync', { as: 'admin' })).body.status).toBe('succeeded');
  });

  it('sends a refresh once when Xero answers 5xx: the sync fails as an error (not needs_reauth) and the stored token is kept', async () => {
    await connect();
    await call('POST', '/integrations/xero/sync', { as: 'admin' });
    const before = await storedTokens();
    recorded.server.clock.advance(31 * 60_000);
    sim.xero.control.setMode({ failWith5xx: 502 });
    sim.sent.length = 0;
    const failed = await call('POST', '/integrations/xero/sync', { as: 'admin' });
    expect(failed.body).toMatchObject({ status: 'failed', error: { code: 'provider_unavailable' } });
    expect(refreshRequests()).toHaveLength(1);
    expect(await card()).toMatchObject({ status: 'error' });
    expect(await storedTokens()).toEqual(before);

    sim.xero.control.setMode({ failWith5xx: false });
    const recovered = await call('POST', '/integrations/xero/sync', { as: 'admin' });
    expect(recovered.body.status, recovered.text).toBe('succeeded');
    expect((await storedTokens()).version).toBe(before.version + 1);
  });

  it('turns a revoked grant into needs_reauth (API refusal and invalid_grant), and a new consent fixes it', async () => {
    await connect();
    sim.xero.control.setMode({ revokedGrant: true });
    const refused = await call('POST', '/integrations/xero/sync', { as: 'admin' });
    expect(refused.body).toMatchObject({ status: 'failed', error: { code: 'needs_reauth' } });
    expect(await card()).toMatchObject({ status: 'needs_reauth', nextSyncAt: null, error: { code: 'needs_reauth' } });
    expect((await call('POST', '/integrations/xero/sync', { as: 'admin' })).body.code).toBe('needs_reauth');

    // Reconnect, then lose the grant again on a refresh (invalid_grant).
    expect((await connect()).status).toBe('connected');
    expect((await call('POST', '/integrations/xero/sync', { as: 'admin' })).body.status).toBe('succeeded');
    sim.xero.control.setMode({ revokedGrant: true });
    recorded.server.clock.advance(31 * 60_000);
    const lost = await call('POST', '/integrations/xero/sync', { as: 'admin' });
    expect(lost.body).toMatchObject({ status: 'failed', error: { code: 'needs_reauth' } });
    expect(sim.xero.control.requests.filter((r) => r.path === '/connect/token').at(-1)!.status).toBe(400);
    expect((await card()).status).toBe('needs_reauth');
  });

  it('disconnect revokes the grant at Xero and deletes the stored tokens', async () => {
    await connect();
    await call('POST', '/integrations/xero/sync', { as: 'admin' });
    const { refresh } = await storedTokens();
    expect(sim.xero.control.connections()).toHaveLength(1);
    const res = await call('DELETE', '/integrations/xero', { as: 'admin' });
    expect(res.status, res.text).toBe(204);
    const revocation = sim.sent.find((r) => r.url.endsWith('/connect/revocation'))!;
    expect(revocation.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(revocation.headers.get('authorization')).toMatch(/^Basic /);
    expect(sim.xero.control.connections()).toHaveLength(0);
    expect(await tryRefresh(refresh)).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect((await recorded.server.db.query('SELECT 1 FROM integrations')).rows).toHaveLength(0);
    expect((await recorded.server.db.query('SELECT 1 FROM xero_invoices')).rows).toHaveLength(0);
    expect(await card()).toMatchObject({ status: 'not_configured' });
    const { rows } = await recorded.server.db.query<{ after: Record<string, unknown> }>("SELECT after FROM audit_logs WHERE action = 'integration.disconnected'");
    expect(rows[0]!.after).toEqual({ revokedAtXero: true });
    await expectNowhere([refresh]);
  });

  it('still deletes the tokens when Xero is down, and records that it could not revoke', async () => {
    await connect();
    sim.xero.control.setMode({ failWith5xx: true });
    expect((await call('DELETE', '/integrations/xero', { as: 'owner' })).status).toBe(204);
    expect((await recorded.server.db.query('SELECT 1 FROM integrations')).rows).toHaveLength(0);
    const { rows } = await recorded.server.db.query<{ after: Record<string, unknown> }>("SELECT after FROM audit_logs WHERE action = 'integration.disconnected'");
    expect(rows[0]!.after).toEqual({ revokedAtXero: false });
    expect(seen.some((line) => line.startsWith('warn Xero did not confirm the revocation'))).toBe(true);
  });
});
