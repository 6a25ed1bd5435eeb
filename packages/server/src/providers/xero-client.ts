import { ProviderError } from './errors.js';
import {
  DEFAULT_RETRY_POLICY,
  DEFAULT_TIMEOUT_MS,
  readErrorBody,
  readJson,
  realSleep,
  sendWithRetry,
  type FetchLike,
  type RetryPolicy,
  type Sleep,
} from './http.js';
import { formatXeroModifiedSince } from './xero-dates.js';
import { parseXeroConnections, parseXeroInvoicePage, parseXeroTokenResponse } from './xero-parse.js';
import type { XeroConnection, XeroInvoice, XeroTokenSet } from './xero-types.js';

export interface XeroEndpoints {
  authorize: string;
  token: string;
  revocation: string;
  /** Origin of `/connections` and `/api.xro/2.0`. */
  api: string;
}

export const XERO_ENDPOINTS: XeroEndpoints = {
  authorize: 'https://login.xero.com/identity/connect/authorize',
  token: 'https://identity.xero.com/connect/token',
  revocation: 'https://identity.xero.com/connect/revocation',
  api: 'https://api.xero.com',
};

/** The endpoints of a Xero simulator, which serves identity and API on one origin. */
export function xeroEndpointsAt(origin: string): XeroEndpoints {
  const base = origin.replace(/\/+$/, '');
  return {
    authorize: `${base}/identity/connect/authorize`,
    token: `${base}/connect/token`,
    revocation: `${base}/connect/revocation`,
    api: base,
  };
}

/**
 * Sign-in, a refresh token, and read-only invoices. `accounting.invoices.read` is the granular
 * scope Xero requires of apps created from March 2026 (it replaces `accounting.transactions.read`).
 */
export const XERO_DEFAULT_SCOPES: readonly string[] = ['openid', 'profile', 'email', 'accounting.invoices.read', 'offline_access'];

export interface XeroClientOptions {
  clientId: string;
  clientSecret: string;
  endpoints?: XeroEndpoints;
  fetch?: FetchLike;
  sleep?: Sleep;
  timeoutMs?: number;
  /** Retries after 429/5xx (default 3 retries, waits of at most 60 s). */
  retry?: Partial<RetryPolicy>;
  now?: () => number;
}

export interface FetchInvoicesOptions {
  tenantId: string;
  accessToken: string;
  /** Only invoices updated after this instant (sent as `If-Modified-Since`). */
  modifiedSince?: Date | string;
  signal?: AbortSignal;
  /**
   * Called when Xero no longer accepts the access token part-way through; returns a fresh one
   * and the page is asked for again. Without it, an expired token fails with `token_expired`.
   */
  refreshAccessToken?: () => Promise<string>;
}

export interface XeroClient {
  buildAuthorizeUrl(params: {
    redirectUri: string;
    state: string;
    codeChallenge: string;
    scopes?: readonly string[];
    clientId?: string;
  }): string;
  exchangeCode(params: { code: string; redirectUri: string; codeVerifier: string }, signal?: AbortSignal): Promise<XeroTokenSet>;
  /** Rotates the refresh token: keep the new one, the old one is spent. */
  refresh(refreshToken: string, signal?: AbortSignal): Promise<XeroTokenSet>;
  connections(accessToken: string, options?: { authEventId?: string; signal?: AbortSignal }): Promise<XeroConnection[]>;
  /** Disconnects one organisation; an already-removed connection is not an error. */
  deleteConnection(accessToken: string, connectionId: string, signal?: AbortSignal): Promise<void>;
  /** Revokes the grant behind a refresh token; Xero removes its connections. */
  revoke(refreshToken: string, signal?: AbortSignal): Promise<void>;
  /** Every invoice of the organisation (sales and bills), page after page. */
  fetchInvoices(options: FetchInvoicesOptions): Promise<XeroInvoice[]>;
}

const MAX_PAGES = 10_000;

export function createXeroClient(options: XeroClientOptions): XeroClient {
  if (!options.clientId || !options.clientSecret) throw new TypeError('createXeroClient needs the app’s client ID and client secret');
  const endpoints = options.endpoints ?? XERO_ENDPOINTS;
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const basic = `Basic ${Buffer.from(
    `${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`,
  ).toString('base64')}`;
  const transport = (signal?: AbortSignal) => ({ provider: 'xero' as const, fetch: fetchFn, timeoutMs, sleep, retry, signal });

  /**
   * A POST to Xero Identity. Token grants spend single-use values (an authorisation code, a refresh
   * token): a 5xx does not say Xero did not act on the request, and a second try with a spent value
   * would fail with `invalid_grant` and falsely read as a lost connection. So those are not retried
   * after a 5xx; the caller sees `provider_unavailable` and the stored token stays as it was.
   */
  async function identityPost(url: string, form: Record<string, string>, signal?: AbortSignal, retryServerErrors = true): Promise<Response> {
    const response = await sendWithRetry(
      url,
      {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
      },
      { ...transport(signal), retryServerErrors },
    );
    if (response.ok) return response;
    const body = await readErrorBody(response);
    const code = typeof body.error === 'string' ? body.error : undefined;
    if (code === 'invalid_grant') {
      throw new ProviderError('Xero no longer accepts this authorisation; connect Xero again.', {
        provider: 'xero',
        reason: 'needs_reauth',
        status: response.status,
        providerCode: code,
      });
    }
    if (code === 'invalid_client' || code === 'unauthorized_client') {
      throw new ProviderError('Xero refused the app’s client ID and secret.', {
        provider: 'xero',
        reason: 'invalid_credentials',
        status: response.status,
        providerCode: code,
      });
    }
    throw new ProviderError(`Xero refused the request with HTTP ${response.status}${code ? ` (${code})` : ''}.`, {
      provider: 'xero',
      reason: 'invalid_request',
      status: response.status,
      providerCode: code,
    });
  }

  async function tokenRequest(form: Record<string, string>, signal?: AbortSignal): Promise<XeroTokenSet> {
    const response = await identityPost(endpoints.token, form, signal, false);
    return parseXeroTokenResponse(await readJson('xero', response), now());
  }

  async function apiRequest(path: string, init: RequestInit, signal?: AbortSignal): Promise<Response> {
    const response = await sendWithRetry(`${endpoints.api}${path}`, init, transport(signal));
    if (response.status === 401) throw await unauthorized(response);
    return response;
  }

  return {
    buildAuthorizeUrl({ redirectUri, state, codeChallenge, scopes = XERO_DEFAULT_SCOPES, clientId = options.clientId }) {
      if (!state) throw new TypeError('buildAuthorizeUrl needs a state value');
      if (!/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) {
        throw new TypeError('buildAuthorizeUrl needs an S256 code challenge (43 base64url characters)');
      }
      const url = new URL(endpoints.authorize);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: redirectUri,
        scope: scopes.join(' '),
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },

    exchangeCode({ code, redirectUri, codeVerifier }, signal) {
      return tokenRequest(
        { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier },
        signal,
      );
    },

    refresh(refreshToken, signal) {
      return tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }, signal);
    },

    async connections(accessToken, opts = {}) {
      const query = opts.authEventId ? `?authEventId=${encodeURIComponent(opts.authEventId)}` : '';
      const response = await apiRequest(
        `/connections${query}`,
        { headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } },
        opts.signal,
      );
      if (!response.ok) throw await refused(response, 'the connections request');
      return parseXeroConnections(await readJson('xero', response));
    },

    async deleteConnection(accessToken, connectionId, signal) {
      const response = await apiRequest(
        `/connections/${encodeURIComponent(connectionId)}`,
        { method: 'DELETE', headers: { authorization: `Bearer ${accessToken}` } },
        signal,
      );
      if (response.ok || response.status === 404) {
        await response.body?.cancel();
        return;
      }
      throw await refused(response, 'the disconnection');
    },

    async revoke(refreshToken, signal) {
      const response = await identityPost(endpoints.revocation, { token: refreshToken }, signal);
      await response.body?.cancel();
    },

    async fetchInvoices({ tenantId, accessToken, modifiedSince, signal, refreshAccessToken }) {
      if (!tenantId) throw new TypeError('fetchInvoices needs a tenantId');
      const since = modifiedSince === undefined ? undefined : formatXeroModifiedSince(modifiedSince);
      const invoices: XeroInvoice[] = [];
      let token = accessToken;
      let justRefreshed = false;
      for (let page = 1; page <= MAX_PAGES; ) {
        const headers: Record<string, string> = {
          authorization: `Bearer ${token}`,
          'xero-tenant-id': tenantId,
          accept: 'application/json',
        };
        if (since) headers['if-modified-since'] = since;
        let response: Response;
        try {
          response = await apiRequest(`/api.xro/2.0/Invoices?page=${page}`, { headers }, signal);
        } catch (error) {
          if (!(error instanceof ProviderError) || error.reason !== 'token_expired' || !refreshAccessToken) throw error;
          if (justRefreshed) {
            throw new ProviderError('Xero refused a freshly refreshed access token; connect Xero again.', {
              provider: 'xero',
              reason: 'needs_reauth',
              status: 401,
              cause: error,
            });
          }
          token = await refreshAccessToken();
          justRefreshed = true;
          continue;
        }
        justRefreshed = false;
        if (response.status === 403) {
          await response.body?.cancel();
          throw new ProviderError('This Xero organisation is no longer connected; connect Xero again.', {
            provider: 'xero',
            reason: 'needs_reauth',
            status: 403,
          });
        }
        if (!response.ok) throw await refused(response, `invoices page ${page}`);
        const body = parseXeroInvoicePage(await readJson('xero', response));
        if (body.invoices.length === 0) return invoices;
        invoices.push(...body.invoices);
        if (body.pageCount !== undefined && page >= body.pageCount) return invoices;
        page++;
      }
      throw new ProviderError(`Xero kept sending invoices past page ${MAX_PAGES}.`, { provider: 'xero', reason: 'invalid_response' });
    },
  };
}

/** A 401 from the API: a missing scope, or an access token Xero no longer accepts. */
async function unauthorized(response: Response): Promise<ProviderError> {
  const body = await readErrorBody(response);
  const detail = typeof body.Detail === 'string' ? body.Detail : '';
  if (detail.startsWith('AuthorizationUnsuccessful')) {
    return new ProviderError('The Xero connection was not granted access to invoices; connect Xero again with that access.', {
      provider: 'xero',
      reason: 'insufficient_access',
      status: 401,
    });
  }
  return new ProviderError('Xero no longer accepts the access token; refresh it and try again.', {
    provider: 'xero',
    reason: 'token_expired',
    status: 401,
  });
}

async function refused(response: Response, what: string): Promise<ProviderError> {
  const body = await readErrorBody(response);
  const detail = typeof body.Detail === 'string' ? body.Detail : typeof body.Message === 'string' ? body.Message : '';
  return new ProviderError(`Xero refused ${what} with HTTP ${response.status}${detail ? `: ${detail}` : ''}.`, {
    provider: 'xero',
    reason: 'invalid_request',
    status: response.status,
  });
}
