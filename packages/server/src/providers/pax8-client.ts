import { createHash } from 'node:crypto';
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
import { parsePax8Page, parsePax8Token } from './pax8-parse.js';
import {
  PAX8_API_AUDIENCE,
  PAX8_MAX_PAGE_SIZE,
  type Pax8ListKind,
  type Pax8Page,
  type Pax8Records,
} from './pax8-types.js';

export interface Pax8Credentials {
  clientId: string;
  clientSecret: string;
}

export interface Pax8ClientOptions {
  /** Origin of the Pax8 API, e.g. `https://api.pax8.com` or a simulator's URL. */
  baseUrl: string;
  /** Token audience; Pax8's is `https://api.pax8.com`. */
  audience?: string;
  fetch?: FetchLike;
  sleep?: Sleep;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  /** Retries after 429/5xx while paging (default 3 retries, waits of at most 60 s). */
  retry?: Partial<RetryPolicy>;
  /** Page size used by `fetchAll` (default and maximum 200). */
  pageSize?: number;
  now?: () => number;
}

export const PAX8_TEST_FAILURE_REASONS = [
  'invalid_credentials',
  'insufficient_access',
  'rate_limited',
  'provider_unavailable',
] as const;

export type Pax8TestFailureReason = (typeof PAX8_TEST_FAILURE_REASONS)[number];

export type Pax8TestResult =
  | { ok: true; companyCount: number }
  | { ok: false; reason: Pax8TestFailureReason; detail: string; retryAfterSeconds?: number };

export interface Pax8Token {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface Pax8Client {
  /** A bearer token for these credentials (cached until 5 minutes before it expires). */
  getToken(credentials: Pax8Credentials, options?: { signal?: AbortSignal; fresh?: boolean }): Promise<Pax8Token>;
  /** Gets a token, then reads one company; never throws for a provider failure. */
  testConnection(credentials: Pax8Credentials, options?: { signal?: AbortSignal }): Promise<Pax8TestResult>;
  /** Yields every page of a list in order, starting at page 0. */
  pages<K extends Pax8ListKind>(
    kind: K,
    credentials: Pax8Credentials,
    options?: { signal?: AbortSignal },
  ): AsyncGenerator<Pax8Page<Pax8Records[K]>>;
  /** Every record of a list, all pages read. */
  fetchAll<K extends Pax8ListKind>(
    kind: K,
    credentials: Pax8Credentials,
    options?: { signal?: AbortSignal },
  ): Promise<Pax8Records[K][]>;
}

/** Tokens are renewed this long before Pax8 says they expire. */
const TOKEN_MARGIN_MS = 5 * 60_000;
/** A list that claims more pages than this is treated as a broken answer, not paged forever. */
const MAX_PAGES = 10_000;

export function createPax8Client(options: Pax8ClientOptions): Pax8Client {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const pageSize = options.pageSize ?? PAX8_MAX_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > PAX8_MAX_PAGE_SIZE) {
    throw new RangeError(`pageSize must be a whole number from 1 to ${PAX8_MAX_PAGE_SIZE}, got ${pageSize}`);
  }
  const noRetry: RetryPolicy = { maxRetries: 0, maxWaitSeconds: 0 };
  const tokenCache = new Map<string, Pax8Token>();
  const cacheKey = (c: Pax8Credentials) =>
    createHash('sha256').update(`${c.clientId}\u0000${c.clientSecret}`).digest('base64url');

  async function requestToken(credentials: Pax8Credentials, policy: RetryPolicy, signal?: AbortSignal) {
    const response = await sendWithRetry(
      `${baseUrl}/v1/token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
          audience: options.audience ?? PAX8_API_AUDIENCE,
          grant_type: 'client_credentials',
        }),
      },
      { provider: 'pax8', fetch: fetchFn, timeoutMs, sleep, retry: policy, signal },
    );
    if (response.status === 401 || response.status === 403) {
      const body = await readErrorBody(response);
      throw new ProviderError('Pax8 refused the client ID and client secret.', {
        provider: 'pax8',
        reason: 'invalid_credentials',
        status: response.status,
        providerCode: typeof body.error === 'string' ? body.error : undefined,
      });
    }
    if (!response.ok) throw await unexpected(response, 'token request');
    const token = parsePax8Token(await readJson('pax8', response));
    const result: Pax8Token = { accessToken: token.accessToken, expiresAt: now() + token.expiresIn * 1000 };
    tokenCache.set(cacheKey(credentials), result);
    return result;
  }

  async function getToken(
    credentials: Pax8Credentials,
    opts: { signal?: AbortSignal; fresh?: boolean; policy?: RetryPolicy } = {},
  ): Promise<Pax8Token> {
    const cached = opts.fresh ? undefined : tokenCache.get(cacheKey(credentials));
    if (cached && cached.expiresAt - TOKEN_MARGIN_MS > now()) return cached;
    return requestToken(credentials, opts.policy ?? retry, opts.signal);
  }

  /** GET an API path with the bearer token; a 401 gets one new token and one more try. */
  async function authorizedGet(
    path: string,
    credentials: Pax8Credentials,
    policy: RetryPolicy,
    signal?: AbortSignal,
  ): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const token = await getToken(credentials, { signal, policy, fresh: attempt > 0 });
      const response = await sendWithRetry(
        `${baseUrl}${path}`,
        { method: 'GET', headers: { authorization: `Bearer ${token.accessToken}`, accept: 'application/json' } },
        { provider: 'pax8', fetch: fetchFn, timeoutMs, sleep, retry: policy, signal },
      );
      if (response.status !== 401) return response;
      tokenCache.delete(cacheKey(credentials));
      if (attempt > 0) {
        await response.body?.cancel();
        throw new ProviderError('Pax8 issued a token but refused it: the API client may have been revoked.', {
          provider: 'pax8',
          reason: 'invalid_credentials',
          status: 401,
        });
      }
      await response.body?.cancel();
    }
  }

  async function getPage<K extends Pax8ListKind>(
    kind: K,
    credentials: Pax8Credentials,
    page: number,
    size: number,
    policy: RetryPolicy,
    signal?: AbortSignal,
  ): Promise<Pax8Page<Pax8Records[K]>> {
    const response = await authorizedGet(`/v1/${kind}?page=${page}&size=${size}`, credentials, policy, signal);
    if (response.status === 403) {
      await response.body?.cancel();
      throw new ProviderError(`These Pax8 credentials are not allowed to read ${kind}.`, {
        provider: 'pax8',
        reason: 'insufficient_access',
        status: 403,
      });
    }
    if (!response.ok) throw await unexpected(response, `${kind} page ${page}`);
    return parsePax8Page(kind, await readJson('pax8', response));
  }

  async function* pages<K extends Pax8ListKind>(
    kind: K,
    credentials: Pax8Credentials,
    opts: { signal?: AbortSignal } = {},
  ): AsyncGenerator<Pax8Page<Pax8Records[K]>> {
    for (let page = 0; ; page++) {
      const body = await getPage(kind, credentials, page, pageSize, retry, opts.signal);
      if (body.page.number !== page) {
        throw new ProviderError(`Pax8 answered page ${body.page.number} when asked for page ${page} of ${kind}.`, {
          provider: 'pax8',
          reason: 'invalid_response',
        });
      }
      yield body;
      if (body.content.length === 0 || page + 1 >= body.page.totalPages) return;
      if (page + 1 >= MAX_PAGES) {
        throw new ProviderError(`Pax8 reported more than ${MAX_PAGES} pages of ${kind}.`, {
          provider: 'pax8',
          reason: 'invalid_response',
        });
      }
    }
  }

  return {
    getToken: (credentials, opts) => getToken(credentials, opts),

    async testConnection(credentials, opts = {}) {
      if (!credentials.clientId.trim() || !credentials.clientSecret.trim()) {
        return { ok: false, reason: 'invalid_credentials', detail: 'Enter both the client ID and the client secret.' };
      }
      try {
        await getToken(credentials, { signal: opts.signal, fresh: true, policy: noRetry });
        const first = await getPage('companies', credentials, 0, 1, noRetry, opts.signal);
        return { ok: true, companyCount: first.page.totalElements };
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        return testFailure(error);
      }
    },

    pages,

    async fetchAll(kind, credentials, opts = {}) {
      const items: Pax8Records[typeof kind][] = [];
      for await (const page of pages(kind, credentials, opts)) items.push(...page.content);
      return items;
    },
  };
}

function testFailure(error: ProviderError): Pax8TestResult {
  switch (error.reason) {
    case 'invalid_credentials':
      return { ok: false, reason: 'invalid_credentials', detail: error.message };
    case 'insufficient_access':
      return {
        ok: false,
        reason: 'insufficient_access',
        detail: 'The credentials are valid but cannot read companies. Give the Pax8 API client access to companies.',
      };
    case 'rate_limited':
      return {
        ok: false,
        reason: 'rate_limited',
        detail: error.message,
        ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
      };
    default:
      return { ok: false, reason: 'provider_unavailable', detail: error.message };
  }
}

/** Any other non-2xx answer (429 and 5xx never get here: `sendWithRetry` turns them into errors). */
async function unexpected(response: Response, what: string): Promise<ProviderError> {
  const body = await readErrorBody(response);
  const message = typeof body.message === 'string' ? body.message : undefined;
  const code = typeof body.error === 'string' ? body.error : undefined;
  return new ProviderError(
    `Pax8 refused the ${what} with HTTP ${response.status}${message ? `: ${message}` : ''}.`,
    { provider: 'pax8', reason: 'invalid_request', status: response.status, providerCode: code },
  );
}
