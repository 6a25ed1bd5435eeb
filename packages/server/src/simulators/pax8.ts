import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import {
  PAX8_API_AUDIENCE,
  PAX8_MAX_PAGE_SIZE,
  type Pax8ListKind,
  type Pax8Page,
} from '../providers/pax8-types.js';
import {
  addLatency,
  bearerToken,
  checkRateLimitOnce,
  outageStatus,
  recordRequests,
  type RateLimitOnce,
  type RecordedRequest,
} from './common.js';
import { signJwt } from './jwt.js';
import { createPax8Dataset, type Pax8Dataset } from './pax8-data.js';

/**
 * A Pax8 Partner API on loopback, faithful to the real one where BillingOne depends on it:
 *
 * - `POST /v1/token` takes JSON `{client_id, client_secret, audience, grant_type:"client_credentials"}`
 *   and answers `{access_token, expires_in: 86400, token_type: "Bearer"}`; refused credentials get
 *   401 `{"error":"access_denied","error_description":"Unauthorized"}` (the token service speaks
 *   OAuth's error format; the API itself answers with Spring-style bodies
 *   `{timestamp, status, error, message, path}`).
 * - `GET /v1/companies|products|subscriptions` (and `/:id`) need the bearer token, page 0-based with
 *   `page` and `size` (default 10, at most 200: a larger size is a 400, not a silent clamp) and
 *   answer `{content, page:{size, totalElements, totalPages, number}}`.
 * - A client created with fewer scopes gets 403 on the lists it cannot read.
 * - 1000 requests a minute per client, as Pax8 documents; 429 carries `Retry-After`.
 *
 * Switches (`control.setMode`) add what a demo or a test needs: refused credentials, a revoked API
 * client, rate limiting (persistent or one-shot), outages and latency.
 */

export const PAX8_DEMO_CLIENT_ID = 'p8DemoB1llingOneClient0000000001';
export const PAX8_DEMO_CLIENT_SECRET = 'p8s_demo_3JQmZcW7rX2vLk9TnY4dHf6GbS1aPe8U';
/** A secret the demo client never accepts: shows the "invalid credentials" outcome. */
export const PAX8_BAD_CLIENT_SECRET = 'p8s_wrong_0000000000000000000000000000000';
/** A client that may read products but not companies or subscriptions: shows "insufficient access". */
export const PAX8_LIMITED_CLIENT_ID = 'p8DemoLimitedProductsOnly0000002';
export const PAX8_LIMITED_CLIENT_SECRET = 'p8s_limited_Vb5nQ2xR8cT1wZ7mK4jH9gF3dS6a';

export const PAX8_TOKEN_LIFETIME_SECONDS = 86_400;
export const PAX8_DEFAULT_PAGE_SIZE = 10;
export const PAX8_REQUESTS_PER_MINUTE = 1000;

/** What an API client may read; real Pax8 API clients are granted access per area. */
export type Pax8Scope = Pax8ListKind;
const ALL_SCOPES: readonly Pax8Scope[] = ['companies', 'products', 'subscriptions'];

export interface Pax8Mode {
  /** Every token request is refused with 401 access_denied (tokens already issued keep working). */
  badCredentials?: boolean;
  /** The API client was revoked in Pax8: token requests and every issued token get 401. */
  revoked?: boolean;
  /** After `afterRequests` API requests, every further API request gets 429 until switched off. */
  rateLimit?: { afterRequests: number; retryAfterSeconds: number };
  /** The `atRequest`-th API request after this is set gets 429, once. */
  rateLimitOnce?: RateLimitOnce;
  /** Every request (token included) fails with this 5xx status (`true` = 503). */
  failWith5xx?: boolean | number;
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
}

export interface Pax8SimulatorOptions {
  /** Seed for the generated data (the default gives the documented demo data). */
  seed?: number;
  /** Clock for token expiry and the per-minute limit; defaults to `Date.now`. */
  now?: () => number;
}

export interface Pax8SimulatorControl {
  /** Merges switches into the current mode; a key set to `undefined` or `false` is switched off. */
  setMode(mode: Pax8Mode): void;
  readonly mode: Readonly<Pax8Mode>;
  /** Clears the mode, the request log, issued tokens, rate-limit counters and added clients. */
  reset(): void;
  /** Every request answered, oldest first (cleared by `reset`). */
  readonly requests: RecordedRequest[];
  /** Registers another API client; `scopes` defaults to every list. */
  addClient(clientId: string, clientSecret: string, options?: { scopes?: readonly Pax8Scope[] }): void;
  /** Makes every issued token expired, as if 24 hours had passed. */
  expireTokens(): void;
  /** The seeded data the simulator serves. */
  readonly data: Pax8Dataset;
}

/** Hono environment of the simulator: the API middleware records which client is calling. */
export type Pax8SimulatorEnv = { Variables: { pax8Client: string } };

export interface Pax8Simulator {
  app: Hono<Pax8SimulatorEnv>;
  control: Pax8SimulatorControl;
}

interface ClientRecord {
  secret: string;
  scopes: ReadonlySet<Pax8Scope>;
}

interface TokenRecord {
  clientId: string;
  expiresAt: number;
}

const TOKEN_SIGNING_SECRET = 'pax8-simulator-signing-key';

export function createPax8Simulator(options: Pax8SimulatorOptions = {}): Pax8Simulator {
  const now = options.now ?? Date.now;
  const data = createPax8Dataset(options.seed);
  const requests: RecordedRequest[] = [];
  const clients = new Map<string, ClientRecord>();
  const tokens = new Map<string, TokenRecord>();
  const callsByClient = new Map<string, number[]>();
  let mode: Pax8Mode = {};
  let apiRequestsSinceRateLimit = 0;
  let apiRequestsSinceOnce = 0;
  let onceFired = false;

  const seedClients = () => {
    clients.clear();
    clients.set(PAX8_DEMO_CLIENT_ID, { secret: PAX8_DEMO_CLIENT_SECRET, scopes: new Set(ALL_SCOPES) });
    clients.set(PAX8_LIMITED_CLIENT_ID, {
      secret: PAX8_LIMITED_CLIENT_SECRET,
      scopes: new Set<Pax8Scope>(['products']),
    });
  };
  seedClients();

  const app = new Hono<Pax8SimulatorEnv>();
  app.use('*', recordRequests(requests));
  app.use('*', addLatency(() => mode.latencyMs ?? 0));
  app.use('*', async (c, next) => {
    const status = outageStatus(mode.failWith5xx);
    if (status === undefined) return next();
    // Outages come from the edge, not the application: an HTML page, not the API's JSON.
    return c.html('<html><body><h1>Service Temporarily Unavailable</h1></body></html>', status as 503);
  });

  app.post('/v1/token', async (c) => {
    const body = await readTokenRequest(c);
    if (body === undefined) {
      return c.json({ error: 'invalid_request', error_description: 'The request body must be JSON.' }, 400);
    }
    if (body.grant_type !== 'client_credentials') {
      return c.json(
        { error: 'unsupported_grant_type', error_description: 'Unsupported grant type: ' + String(body.grant_type) },
        400,
      );
    }
    if (body.audience !== PAX8_API_AUDIENCE) {
      return c.json(
        { error: 'access_denied', error_description: `Service not enabled within domain: ${String(body.audience)}` },
        403,
      );
    }
    const clientId = typeof body.client_id === 'string' ? body.client_id : '';
    const client = clients.get(clientId);
    if (mode.badCredentials || mode.revoked || !client || client.secret !== body.client_secret) {
      return c.json({ error: 'access_denied', error_description: 'Unauthorized' }, 401);
    }
    const issuedAt = Math.floor(now() / 1000);
    const accessToken = signJwt(
      {
        iss: 'https://login.pax8.com/',
        sub: `${clientId}@clients`,
        aud: PAX8_API_AUDIENCE,
        iat: issuedAt,
        exp: issuedAt + PAX8_TOKEN_LIFETIME_SECONDS,
        azp: clientId,
        gty: 'client-credentials',
        jti: randomUUID(),
      },
      TOKEN_SIGNING_SECRET,
    );
    tokens.set(accessToken, { clientId, expiresAt: now() + PAX8_TOKEN_LIFETIME_SECONDS * 1000 });
    return c.json({ access_token: accessToken, expires_in: PAX8_TOKEN_LIFETIME_SECONDS, token_type: 'Bearer' });
  });

  // Everything else under /v1 is the API: rate limits first (as at a gateway), then the token.
  app.use('/v1/*', async (c, next) => {
    apiRequestsSinceRateLimit++;
    apiRequestsSinceOnce++;
    if (mode.rateLimit && apiRequestsSinceRateLimit > mode.rateLimit.afterRequests) {
      return tooManyRequests(c, mode.rateLimit.retryAfterSeconds);
    }
    if (mode.rateLimitOnce && !onceFired && apiRequestsSinceOnce === mode.rateLimitOnce.atRequest) {
      onceFired = true;
      return tooManyRequests(c, mode.rateLimitOnce.retryAfterSeconds);
    }
    const token = bearerToken(c.req.header('authorization'));
    const record = token === undefined ? undefined : tokens.get(token);
    if (!record || record.expiresAt <= now() || mode.revoked || !clients.has(record.clientId)) {
      c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
      return apiError(c, 401, record ? 'Jwt is expired or no longer valid' : 'Full authentication is required to access this resource');
    }
    const windowStart = now() - 60_000;
    const calls = (callsByClient.get(record.clientId) ?? []).filter((t) => t > windowStart);
    if (calls.length >= PAX8_REQUESTS_PER_MINUTE) {
      callsByClient.set(record.clientId, calls);
      return tooManyRequests(c, Math.max(1, Math.ceil(((calls[0] ?? now()) + 60_000 - now()) / 1000)));
    }
    calls.push(now());
    callsByClient.set(record.clientId, calls);
    c.set('pax8Client', record.clientId);
    return next();
  });

  const allowed = (c: Context<Pax8SimulatorEnv>, scope: Pax8Scope): boolean =>
    clients.get(c.get('pax8Client'))?.scopes.has(scope) ?? false;

  const filters: { [K in Pax8ListKind]: (item: Pax8Dataset[K][number], query: URLSearchParams) => boolean } = {
    companies: (item, q) => !q.has('status') || item.status === q.get('status'),
    products: (item, q) => !q.has('vendorName') || item.vendorName === q.get('vendorName'),
    subscriptions: (item, q) =>
      (!q.has('companyId') || item.companyId === q.get('companyId')) &&
      (!q.has('productId') || item.productId === q.get('productId')) &&
      (!q.has('status') || item.status === q.get('status')),
  };

  for (const kind of ALL_SCOPES) {
    app.get(`/v1/${kind}`, (c) => {
      if (!allowed(c, kind)) return apiError(c, 403, 'Access is denied');
      const query = new URL(c.req.url).searchParams;
      const paging = parsePaging(query);
      if (typeof paging === 'string') return apiError(c, 400, paging);
      const items = (data[kind] as Pax8Dataset[typeof kind][number][]).filter((item) =>
        (filters[kind] as (i: typeof item, q: URLSearchParams) => boolean)(item, query),
      );
      const start = paging.page * paging.size;
      const body: Pax8Page<(typeof items)[number]> = {
        content: items.slice(start, start + paging.size),
        page: {
          size: paging.size,
          totalElements: items.length,
          totalPages: Math.ceil(items.length / paging.size),
          number: paging.page,
        },
      };
      return c.json(body);
    });
    app.get(`/v1/${kind}/:id`, (c) => {
      if (!allowed(c, kind)) return apiError(c, 403, 'Access is denied');
      const item = (data[kind] as { id: string }[]).find((entry) => entry.id === c.req.param('id'));
      return item ? c.json(item) : apiError(c, 404, `No ${kind.replace(/ies$/, 'y').replace(/s$/, '')} with id ${c.req.param('id')}`);
    });
  }

  app.notFound((c) => apiError(c, 404, 'No static resource ' + new URL(c.req.url).pathname.slice(1)));

  const control: Pax8SimulatorControl = {
    setMode(next) {
      checkRateLimitOnce(next.rateLimitOnce, 'rateLimitOnce');
      if (next.rateLimit) {
        const { afterRequests, retryAfterSeconds } = next.rateLimit;
        if (!Number.isInteger(afterRequests) || afterRequests < 0 || !Number.isInteger(retryAfterSeconds) || retryAfterSeconds < 0) {
          throw new RangeError('rateLimit needs whole numbers: afterRequests ≥ 0 and retryAfterSeconds ≥ 0');
        }
      }
      if (next.latencyMs !== undefined && !(next.latencyMs >= 0 && Number.isFinite(next.latencyMs))) {
        throw new RangeError(`latencyMs must be a non-negative number, got ${next.latencyMs}`);
      }
      outageStatus(next.failWith5xx);
      const merged: Record<string, unknown> = { ...mode };
      for (const [key, value] of Object.entries(next)) {
        if (value === undefined || value === false) delete merged[key];
        else merged[key] = value;
      }
      mode = merged as Pax8Mode;
      if ('rateLimit' in next) apiRequestsSinceRateLimit = 0;
      if ('rateLimitOnce' in next) {
        apiRequestsSinceOnce = 0;
        onceFired = false;
      }
    },
    get mode() {
      return { ...mode };
    },
    reset() {
      mode = {};
      requests.length = 0;
      tokens.clear();
      callsByClient.clear();
      apiRequestsSinceRateLimit = 0;
      apiRequestsSinceOnce = 0;
      onceFired = false;
      seedClients();
    },
    requests,
    addClient(clientId, clientSecret, clientOptions = {}) {
      if (!clientId || !clientSecret) throw new TypeError('addClient needs a non-empty client ID and secret');
      const scopes = clientOptions.scopes ?? ALL_SCOPES;
      for (const scope of scopes) {
        if (!ALL_SCOPES.includes(scope)) throw new RangeError(`Unknown Pax8 scope "${scope}"`);
      }
      clients.set(clientId, { secret: clientSecret, scopes: new Set(scopes) });
    },
    expireTokens() {
      for (const record of tokens.values()) record.expiresAt = 0;
    },
    data,
  };

  return { app, control };
}

async function readTokenRequest(c: Context): Promise<Record<string, unknown> | undefined> {
  const type = c.req.header('content-type') ?? '';
  try {
    if (type.includes('application/x-www-form-urlencoded')) {
      return Object.fromEntries(new URLSearchParams(await c.req.text()));
    }
    const value: unknown = await c.req.json();
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function parsePaging(query: URLSearchParams): { page: number; size: number } | string {
  const pageText = query.get('page') ?? '0';
  const sizeText = query.get('size') ?? String(PAX8_DEFAULT_PAGE_SIZE);
  if (!/^\d+$/.test(pageText)) return `page must be a whole number of at least 0, got "${pageText}"`;
  if (!/^\d+$/.test(sizeText)) return `size must be a whole number, got "${sizeText}"`;
  const size = Number(sizeText);
  if (size < 1) return 'size must be greater than or equal to 1';
  if (size > PAX8_MAX_PAGE_SIZE) return `size must be less than or equal to ${PAX8_MAX_PAGE_SIZE}`;
  return { page: Number(pageText), size };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
};

function apiError(c: Context, status: 400 | 401 | 403 | 404 | 429, message: string) {
  return c.json(
    {
      timestamp: new Date().toISOString(),
      status,
      error: REASONS[status],
      message,
      path: new URL(c.req.url).pathname,
    },
    status,
  );
}

function tooManyRequests(c: Context, retryAfterSeconds: number) {
  c.header('Retry-After', String(retryAfterSeconds));
  return apiError(c, 429, 'Rate limit exceeded');
}
