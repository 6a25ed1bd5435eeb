import ky, { isHTTPError, isNetworkError, isTimeoutError, type KyResponse, type ResponsePromise, type RetryOptions } from 'ky';
import type * as z from 'zod/mini';
import { fillPath, type Endpoint } from '../endpoint.js';
import { csrfEndpoint } from '../schemas/csrf.js';
import { SettingsApiError, SettingsError, SettingsNetworkError, SettingsSchemaError, SettingsValidationError } from './errors.js';
import { parseRetryAfter, problemFrom, serializeQuery } from './http.js';
import type { CallOptions, SettingsClient, SettingsClientOptions } from './types.js';
import { checkUpload, fieldErrorsFrom, schemaIssuesFrom } from './validation.js';

interface CallInput extends CallOptions {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

interface Payload {
  json?: unknown;
  file?: Blob;
  accept: string;
}

const jsonAccept = 'application/json, application/problem+json';

/**
 * Creates the typed client of the Settings API: every call is checked against its endpoint's schemas
 * before sending and its response parsed by the endpoint's response schema.
 */
export function createSettingsClient(options: SettingsClientOptions = {}): SettingsClient {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const getToken = options.getToken;
  const timeout = options.timeout ?? 15_000;
  const retryLimit = options.retry?.limit ?? 2;
  const maxDelayMs = options.retry?.maxDelayMs ?? 10_000;
  const http = ky.create({
    prefix: `${baseUrl}/v1`,
    fetch: options.fetch,
    timeout,
    credentials: options.credentials ?? (getToken ? 'omit' : 'include'),
    headers: options.headers,
    retry: 0,
  });
  let csrf: Promise<string> | undefined;

  function retryFor(method: string): RetryOptions {
    return {
      limit: retryLimit,
      methods: [method.toLowerCase()],
      statusCodes: [429, 503],
      afterStatusCodes: [429, 503],
      backoffLimit: maxDelayMs,
      maxRetryAfter: maxDelayMs,
      jitter: (delay) => delay * (0.8 + Math.random() * 0.4),
      shouldRetry: ({ error }) => {
        if (isHTTPError(error)) {
          // A longer wait than we are willing to hold the caller for: surface it (with retryAfterSeconds).
          const wait = parseRetryAfter(error.response.headers.get('retry-after'));
          return wait !== undefined && wait * 1000 > maxDelayMs ? false : undefined;
        }
        // Only reads are repeated after a network error: a write may have reached the server.
        if (isNetworkError(error)) return method === 'GET' ? undefined : false;
        return undefined;
      },
    };
  }

  function csrfToken(): Promise<string> {
    if (!csrf) {
      const pending = request(csrfEndpoint, {}).then((data) => data.csrfToken);
      csrf = pending;
      pending.catch(() => {
        if (csrf === pending) csrf = undefined;
      });
    }
    return csrf;
  }

  function mapError(error: unknown, endpoint: Endpoint, signal: AbortSignal | undefined): unknown {
    if (error instanceof SettingsError) return error;
    if (signal?.aborted) {
      return new SettingsNetworkError('aborted', `${endpoint.id} was cancelled.`, { cause: signal.reason ?? error });
    }
    if (isHTTPError(error)) {
      const { response } = error;
      return new SettingsApiError(problemFrom(response.status, response.statusText, error.data), {
        retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
        endpointId: endpoint.id,
        cause: error,
      });
    }
    if (isTimeoutError(error)) {
      return new SettingsNetworkError('timeout', `${endpoint.id} got no answer within ${timeout} ms.`, { cause: error });
    }
    if (isNetworkError(error)) {
      return new SettingsNetworkError('network', `${endpoint.id} could not reach the server.`, { cause: error });
    }
    if (error instanceof Error && error.name === 'AbortError') {
      return new SettingsNetworkError('aborted', `${endpoint.id} was cancelled.`, { cause: error });
    }
    return error;
  }

  /** Sends a call, asking for a fresh token once after a 401 and a fresh CSRF token once after `csrf_invalid`. */
  async function send(endpoint: Endpoint, input: CallInput, payload: Payload): Promise<{ promise: ResponsePromise; response: KyResponse }> {
    const path = fillPath(endpoint.path, input.params as Record<string, string> | undefined);
    const searchParams = serializeQuery(input.query);
    const idempotencyKey = endpoint.creates ? randomId() : undefined;
    const write = endpoint.method !== 'GET';
    let tokenRefreshed = false;
    let csrfRefreshed = false;
    for (;;) {
      try {
        const headers: Record<string, string> = { accept: payload.accept };
        if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
        if (input.ifMatch) headers['if-match'] = input.ifMatch;
        if (payload.file) headers['content-type'] = payload.file.type;
        if (getToken) {
          const token = await getToken({ forceRefresh: tokenRefreshed });
          if (token) headers.authorization = `Bearer ${token}`;
        } else if (write && endpoint.access !== 'public') {
          headers['x-csrf-token'] = await csrfToken();
        }
        const promise = http(path, {
          method: endpoint.method,
          headers,
          searchParams,
          json: payload.json,
          body: payload.file,
          signal: input.signal,
          retry: retryFor(endpoint.method),
        });
        return { promise, response: await promise };
      } catch (error) {
        const mapped = mapError(error, endpoint, input.signal);
        if (mapped instanceof SettingsApiError) {
          if (mapped.status === 401 && getToken && !tokenRefreshed) {
            tokenRefreshed = true;
            continue;
          }
          if (mapped.status === 403 && mapped.code === 'csrf_invalid' && !getToken && !csrfRefreshed) {
            csrfRefreshed = true;
            csrf = undefined;
            continue;
          }
        }
        throw mapped;
      }
    }
  }

  function parseInput(endpoint: Endpoint, input: CallInput): CallInput {
    if (input.body !== undefined && !endpoint.body) throw new TypeError(`${endpoint.id} takes no request body.`);
    const parsed: CallInput = { ...input };
    for (const key of ['params', 'query', 'body'] as const) {
      const schema = endpoint[key];
      if (!schema) continue;
      const value = key === 'body' ? input.body : (input[key] ?? {});
      const result = schema.safeParse(value);
      if (!result.success) throw new SettingsValidationError(fieldErrorsFrom(result.error.issues, value));
      parsed[key] = result.data as never;
    }
    return parsed;
  }

  async function readJson(endpoint: Endpoint, promise: ResponsePromise, response: KyResponse): Promise<unknown> {
    if (!endpoint.response) {
      void response.body?.cancel().catch(() => undefined);
      return undefined;
    }
    const text = await promise.text();
    let value: unknown;
    if (text !== '') {
      try {
        value = JSON.parse(text);
      } catch {
        throw new SettingsSchemaError(endpoint.id, [{ path: '', message: `expected JSON, got ${response.headers.get('content-type') ?? 'no content type'}` }]);
      }
    }
    const result = (endpoint.response as z.ZodMiniType).safeParse(value);
    if (!result.success) throw new SettingsSchemaError(endpoint.id, schemaIssuesFrom(result.error.issues));
    const data = result.data;
    // Signing in (cookie mode) answers with the new session's CSRF token: keep it.
    if (!getToken && data && typeof data === 'object' && typeof (data as { csrfToken?: unknown }).csrfToken === 'string') {
      csrf = Promise.resolve((data as { csrfToken: string }).csrfToken);
    }
    return data;
  }

  async function call<T>(endpoint: Endpoint, rawInput: CallInput | undefined, payload: (input: CallInput) => Payload,
    read: (promise: ResponsePromise, response: KyResponse) => Promise<T>): Promise<T> {
    const input = parseInput(endpoint, rawInput ?? {});
    try {
      const { promise, response } = await send(endpoint, input, payload(input));
      return await read(promise, response);
    } catch (error) {
      throw mapError(error, endpoint, input.signal);
    }
  }

  const jsonPayload = (input: CallInput): Payload => ({ json: input.body, accept: jsonAccept });

  function requestWithMeta(endpoint: Endpoint, input?: CallInput) {
    return call(endpoint, input, jsonPayload, async (promise, response) => ({
      data: await readJson(endpoint, promise, response),
      etag: response.headers.get('etag'),
      status: response.status,
    }));
  }

  function request(endpoint: Endpoint, input?: CallInput): Promise<any> {
    return call(endpoint, input, jsonPayload, (promise, response) => readJson(endpoint, promise, response));
  }

  const client: SettingsClient = {
    baseUrl,
    request,
    requestWithMeta,
    async upload(endpoint: Endpoint, file: Blob, input?: CallInput) {
      if (!endpoint.upload) throw new TypeError(`${endpoint.id} does not take a file upload.`);
      const fieldErrors = checkUpload(endpoint.upload, file);
      if (fieldErrors.length) throw new SettingsValidationError(fieldErrors, fieldErrors[0]!.message);
      return call(endpoint, input, () => ({ file, accept: jsonAccept }), (promise, response) => readJson(endpoint, promise, response));
    },
    download(endpoint: Endpoint, input?: CallInput) {
      return call(endpoint, input, () => ({ accept: endpoint.produces ?? '*/*' }), (promise) => promise.blob());
    },
    url(endpoint: Endpoint, rawInput?: CallInput) {
      const input = parseInput(endpoint, { params: rawInput?.params, query: rawInput?.query });
      const search = serializeQuery(input.query).toString();
      return `${baseUrl}/v1${fillPath(endpoint.path, input.params as Record<string, string> | undefined)}${search ? `?${search}` : ''}`;
    },
    validate(endpoint: Endpoint, body: unknown) {
      if (!endpoint.body) throw new TypeError(`${endpoint.id} takes no request body.`);
      const result = endpoint.body.safeParse(body);
      return result.success ? { ok: true, data: result.data } : { ok: false, fieldErrors: fieldErrorsFrom(result.error.issues, body) };
    },
  } as SettingsClient;
  return client;
}

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts, `getRandomValues` everywhere. */
function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
