import { randomUUID } from 'node:crypto';
import { fillPath, type Endpoint, type EndpointResponse, type Role } from '@billingone/settings-core';

/** One request of an endpoint, before the caller's credentials are added. */
export interface ApiRequest {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  /** A JSON value, or a string sent as is with `content-type: application/json`. */
  body?: unknown;
  /** A raw file body (avatar, logo). */
  upload?: { bytes: Uint8Array; contentType: string };
  headers?: Record<string, string>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when the answer is JSON (`application/json` or `application/problem+json`). */
  json: any;
}

/** A cookie session: the cookies the target set and the CSRF token that goes with them. */
export class CookieSession {
  private readonly jar = new Map<string, string>();
  csrfToken: string | null = null;

  constructor(
    readonly role: Role,
    readonly email: string,
  ) {}

  get cookie(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get cookieValues(): string[] {
    return [...this.jar.values()];
  }

  absorb(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const separator = pair.indexOf('=');
      if (separator < 1) continue;
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', setting = ''] = attribute.split('=').map((part) => part.trim().toLowerCase());
        return (key === 'max-age' && Number(setting) <= 0) || (key === 'expires' && Date.parse(setting) <= Date.now());
      });
      if (expired || value === '') this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }
}

/** Who sends a request: a cookie session, a bearer token (an organization API key), or nobody. */
export type Caller = CookieSession | { bearer: string } | null;

export interface SendOptions {
  /** `'omit'` sends a cookie write without `X-CSRF-Token`; a string sends that token instead of the session's. */
  csrf?: 'omit' | string;
}

/** One request and its answer, kept for the checks that look at every answer of the run. */
export interface Exchange {
  endpoint: Endpoint;
  role: Role | null;
  status: number;
  contentType: string;
  json: unknown;
}

/** Waits out a 429 when the target asks for at most this long; a longer wait fails the request. */
const MAX_RETRY_AFTER_SECONDS = 65;

/** The API root: `http://host:port` and `http://host:port/v1` both mean `http://host:port/v1`. */
export function apiRoot(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return trimmed.endsWith('/v1') ? trimmed : `${trimmed}/v1`;
}

const safeMethods = new Set(['GET', 'HEAD']);

/** Undefined for an empty or malformed body: the checks then report what the contract expected. */
function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class ApiClient {
  readonly exchanges: Exchange[] = [];
  /** Values the suite sent or received that must never show up in the audit log. */
  readonly secrets = new Set<string>();
  readonly root: string;

  constructor(baseUrl: string) {
    this.root = apiRoot(baseUrl);
  }

  remember(...values: (string | null | undefined)[]): void {
    for (const value of values) if (value && value.length >= 8) this.secrets.add(value);
  }

  async send(endpoint: Endpoint, request: ApiRequest = {}, as: Caller = null, options: SendOptions = {}): Promise<ApiResponse> {
    const url = new URL(`${this.root}${fillPath(endpoint.path, request.params)}`);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { 'user-agent': 'billingone-conformance' };
    if (as instanceof CookieSession) {
      if (as.cookie) headers.cookie = as.cookie;
      const token = options.csrf ?? as.csrfToken;
      if (!safeMethods.has(endpoint.method) && token && token !== 'omit') headers['x-csrf-token'] = token;
    } else if (as) {
      headers.authorization = `Bearer ${as.bearer}`;
    }
    if (endpoint.creates) headers['idempotency-key'] = randomUUID();
    let body: Uint8Array | string | undefined;
    if (request.upload) {
      body = request.upload.bytes;
      headers['content-type'] = request.upload.contentType;
    } else if (request.body !== undefined) {
      body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    Object.assign(headers, request.headers);

    const res = await this.fetchWithRetry(url, { method: endpoint.method, headers, body });
    if (as instanceof CookieSession) as.absorb(res.headers);
    const text = await res.text();
    const contentType = res.headers.get('content-type') ?? '';
    const json = /[/+]json\b/.test(contentType) ? parseJson(text) : undefined;
    this.exchanges.push({ endpoint, role: as instanceof CookieSession ? as.role : null, status: res.status, contentType, json });
    return { status: res.status, headers: res.headers, text, json };
  }

  /** Sends a request that must succeed (preparations and restores) and returns its body. */
  async must<E extends Endpoint>(endpoint: E, request: ApiRequest, as: Caller): Promise<EndpointResponse<E>> {
    const res = await this.send(endpoint, request, as);
    if (res.status < 200 || res.status >= 300) {
      throw new Error(`${endpoint.method} ${endpoint.path} (${endpoint.id}) answered ${res.status}: ${res.text.slice(0, 500)}`);
    }
    return res.json as EndpointResponse<E>;
  }

  /** A URL outside the contract that the API handed out (an avatar or logo file). */
  async download(url: string): Promise<{ bytes: Uint8Array; contentType: string } | null> {
    const res = await fetch(new URL(url, this.root));
    if (!res.ok) return null;
    return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: (res.headers.get('content-type') ?? '').split(';')[0]!.trim() };
  }

  private async fetchWithRetry(url: URL, init: RequestInit): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(url, init);
      const wait = Number(res.headers.get('retry-after'));
      if (res.status !== 429 || attempt >= 2 || !(wait > 0 && wait <= MAX_RETRY_AFTER_SECONDS)) return res;
      await res.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    }
  }
}
