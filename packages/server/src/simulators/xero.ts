import { Hono } from 'hono';
import type { XeroConnectionWire, XeroInvoiceWire } from '../providers/xero-types.js';
import { addLatency, checkRateLimitOnce, outageStatus, recordRequests, type RecordedRequest } from './common.js';
import { registerApiRoutes, type XeroSimulatorEnv } from './xero-api.js';
import { createXeroTenants, msDate } from './xero-data.js';
import { registerIdentityRoutes } from './xero-identity.js';
import { createXeroState, type XeroMode } from './xero-state.js';

export type { XeroMode } from './xero-state.js';
export type { XeroSimulatorEnv } from './xero-api.js';
export {
  XERO_ACCESS_TOKEN_SECONDS,
  XERO_CODE_SECONDS,
  XERO_REFRESH_TOKEN_DAYS,
  XERO_USER,
} from './xero-state.js';

/**
 * Xero's identity service and Accounting API on one loopback origin, faithful where BillingOne
 * depends on them:
 *
 * - `GET /identity/connect/authorize` shows a consent page (no script; a checkbox per
 *   organisation when the user has several); its form answers with a 302 to `redirect_uri`
 *   carrying `code` and `state`, or `error=access_denied` on Cancel. Unknown clients and
 *   redirect URIs get an error page, never a redirect.
 * - `POST /connect/token` (form, client authentication by HTTP Basic): `authorization_code` with
 *   PKCE S256 (codes are single-use and live 5 minutes; the redirect URI must match) and
 *   `refresh_token` (single-use rotating refresh tokens; reuse is `invalid_grant`). Access tokens
 *   live 30 minutes. Errors are `{"error": "..."}` with status 400. Real Xero lets a used refresh
 *   token be replayed for a short grace period; the simulator does not, so a client that reuses
 *   one is caught here rather than in production.
 * - `POST /connect/revocation` revokes a refresh token's grant and removes its connections.
 * - `GET /connections` and `DELETE /connections/:id` (bearer).
 * - `GET /api.xro/2.0/Invoices` (bearer + `xero-tenant-id`): `?page=` is 1-based with 100 per page
 *   (`pageSize` up to 1000) and an empty `Invoices` array past the end; `If-Modified-Since` keeps
 *   invoices updated after it; dates are `/Date(ms+0000)/`; JSON only with
 *   `Accept: application/json` (XML otherwise, as Xero does). 60 calls a minute and 5000 a day per
 *   organisation, then 429 with `Retry-After` and `X-Rate-Limit-Problem`.
 */

export const XERO_DEMO_CLIENT_ID = '6E2C0F5A9B3D4E7F8A1B2C3D4E5F6A7B';
export const XERO_DEMO_CLIENT_SECRET = 'xsDemo_K7p2Qm9Vx4Lr8Tn1Wz6Bc3Hj5Fd0Gs7Ya2Ue9Ri4Oq';
/** A secret the demo client never accepts: shows the "invalid credentials" outcome. */
export const XERO_BAD_CLIENT_SECRET = 'xsWrong_00000000000000000000000000000000000000000';
export const XERO_DEMO_APP_NAME = 'BillingOne';

export interface XeroSimulatorOptions {
  /** Seed for the generated data (the default gives the documented demo data). */
  seed?: number;
  /** Clock for token, code and rate-limit windows; defaults to `Date.now`. */
  now?: () => number;
  /** The organisations the simulated user belongs to (default: both). */
  userTenantIds?: string[];
}

export interface XeroSimulatorControl {
  /** Merges switches into the current mode; a key set to `undefined` or `false` is switched off. */
  setMode(mode: XeroMode): void;
  readonly mode: Readonly<XeroMode>;
  /** Clears mode, requests, consents, codes, grants, tokens, connections, rate counters, added clients and invoice edits. */
  reset(): void;
  readonly requests: RecordedRequest[];
  /** Registers another app; without `redirectUris` any loopback redirect URI is accepted. */
  addClient(clientId: string, clientSecret: string, options?: { name?: string; redirectUris?: string[] }): void;
  /** Every access token issued so far stops working (as 30 minutes later). */
  expireAccessTokens(): void;
  /** Every refresh token issued so far stops working (as 60 days later). */
  expireRefreshTokens(): void;
  readonly tenants: readonly { tenantId: string; tenantName: string }[];
  /** A copy of an organisation's invoices. */
  invoices(tenantId: string): XeroInvoiceWire[];
  /** Edits an invoice (found by ID or number) and stamps `UpdatedDateUTC` with the clock's now. */
  updateInvoice(
    tenantId: string,
    invoice: string,
    changes?: Partial<Pick<XeroInvoiceWire, 'Status' | 'AmountDue' | 'AmountPaid' | 'Reference'>>,
  ): XeroInvoiceWire;
  /** Every connection, for any app. */
  connections(): XeroConnectionWire[];
  /**
   * Plays the user on the consent page: opens `authorizeUrl`, ticks `tenantIds` (default: the
   * first organisation) and presses Allow (or Cancel). Returns the redirect `Location`.
   */
  consent(authorizeUrl: string, options?: { tenantIds?: string[]; decision?: 'allow' | 'cancel' }): Promise<string>;
}

export interface XeroSimulator {
  app: Hono<XeroSimulatorEnv>;
  control: XeroSimulatorControl;
}

export function createXeroSimulator(options: XeroSimulatorOptions = {}): XeroSimulator {
  const now = options.now ?? Date.now;
  const tenants = createXeroTenants(options.seed);
  const userTenantIds = options.userTenantIds ?? tenants.map((t) => t.tenantId);
  for (const id of userTenantIds) {
    if (!tenants.some((t) => t.tenantId === id)) throw new RangeError(`userTenantIds: no organisation with ID ${id}`);
  }
  if (userTenantIds.length === 0) throw new RangeError('userTenantIds: the user needs at least one organisation');
  const state = createXeroState({ now, tenants, userTenantIds });
  const seedClients = () => {
    state.clients.clear();
    state.clients.set(XERO_DEMO_CLIENT_ID, { secret: XERO_DEMO_CLIENT_SECRET, name: XERO_DEMO_APP_NAME, redirectUris: undefined });
  };
  seedClients();

  const app = new Hono<XeroSimulatorEnv>();
  app.use('*', recordRequests(state.requests));
  app.use('*', async (c, next) => {
    const status = outageStatus(state.mode.failWith5xx);
    if (status === undefined) return next();
    return c.html('<html><body><h1>Service Unavailable</h1></body></html>', status as 503);
  });
  app.use('*', addLatency(() => state.mode.latencyMs ?? 0));
  registerIdentityRoutes(app, state);
  registerApiRoutes(app, state);

  const request = (path: string, init?: RequestInit) => app.request(`http://xero.simulator${path}`, init);
  const findTenant = (tenantId: string) => {
    const tenant = tenants.find((t) => t.tenantId === tenantId);
    if (!tenant) throw new RangeError(`No organisation with ID ${tenantId}`);
    return tenant;
  };

  const control: XeroSimulatorControl = {
    setMode(mode) {
      checkRateLimitOnce(mode.rateLimitOnce, 'rateLimitOnce');
      outageStatus(mode.failWith5xx);
      if (mode.latencyMs !== undefined && !(mode.latencyMs >= 0 && Number.isFinite(mode.latencyMs))) {
        throw new RangeError(`latencyMs must be a non-negative number, got ${mode.latencyMs}`);
      }
      state.setMode(mode);
    },
    get mode() {
      return { ...state.mode };
    },
    reset() {
      state.reset();
      seedClients();
      const fresh = createXeroTenants(options.seed);
      tenants.forEach((tenant, index) => {
        tenant.invoices = fresh[index]?.invoices ?? [];
      });
    },
    requests: state.requests,
    addClient(clientId, clientSecret, clientOptions = {}) {
      if (!clientId || !clientSecret) throw new TypeError('addClient needs a non-empty client ID and secret');
      for (const uri of clientOptions.redirectUris ?? []) new URL(uri);
      state.clients.set(clientId, {
        secret: clientSecret,
        name: clientOptions.name ?? clientId,
        redirectUris: clientOptions.redirectUris,
      });
    },
    expireAccessTokens: () => state.expireAccessTokens(),
    expireRefreshTokens: () => state.expireRefreshTokens(),
    tenants: tenants.map((t) => ({ tenantId: t.tenantId, tenantName: t.tenantName })),
    invoices: (tenantId) => structuredClone(findTenant(tenantId).invoices),
    updateInvoice(tenantId, key, changes = {}) {
      const invoice = findTenant(tenantId).invoices.find((i) => i.InvoiceID === key || i.InvoiceNumber === key);
      if (!invoice) throw new RangeError(`No invoice ${key} in organisation ${tenantId}`);
      Object.assign(invoice, changes, { UpdatedDateUTC: msDate(now()) });
      return structuredClone(invoice);
    },
    connections: () =>
      state.listConnections().map((c) => ({
        id: c.id,
        authEventId: c.authEventId,
        tenantId: c.tenantId,
        tenantType: 'ORGANISATION',
        tenantName: tenants.find((t) => t.tenantId === c.tenantId)?.tenantName ?? '',
        createdDateUtc: new Date(c.createdAt).toISOString(),
        updatedDateUtc: new Date(c.updatedAt).toISOString(),
      })),
    async consent(authorizeUrl, consentOptions = {}) {
      const url = new URL(authorizeUrl);
      const page = await request(url.pathname + url.search);
      if (page.status === 302) return page.headers.get('location') ?? '';
      const text = await page.text();
      const requestId = /name="request_id" value="([^"]+)"/.exec(text)?.[1];
      if (page.status !== 200 || !requestId) {
        throw new Error(`The consent page refused the request (HTTP ${page.status}): ${text.replace(/<[^>]+>/g, ' ').trim()}`);
      }
      const form = new URLSearchParams({ request_id: requestId, decision: consentOptions.decision ?? 'allow' });
      if (text.includes('name="tenant"')) {
        for (const id of consentOptions.tenantIds ?? [userTenantIds[0] as string]) form.append('tenant', id);
      }
      const answer = await request('/identity/connect/authorize', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      if (answer.status !== 302) {
        throw new Error(`The consent form was refused (HTTP ${answer.status}): ${(await answer.text()).replace(/<[^>]+>/g, ' ').trim()}`);
      }
      return answer.headers.get('location') ?? '';
    },
  };

  return { app, control };
}
