import type * as z from 'zod/mini';
import type { Endpoint, EndpointBody, EndpointParams, EndpointQuery, EndpointResponse } from '../endpoint.js';
import type { FieldError } from '../schemas/common.js';

export interface SettingsClientOptions {
  /**
   * Origin of the Settings API, optionally with a path prefix (`https://billing.example.com/settings-api`);
   * the client appends `/v1`. Defaults to `''`: the page's own origin (browsers only).
   */
  baseUrl?: string;
  /** A fetch implementation (defaults to the global `fetch`). */
  fetch?: typeof fetch;
  /**
   * Bearer mode (embed tokens): called before every request; cache the token yourself. After a 401 it is
   * called once more with `{ forceRefresh: true }` and the request is sent again once. `null` sends no token.
   */
  getToken?: (context: { forceRefresh: boolean }) => string | null | Promise<string | null>;
  /**
   * Cookie mode (no `getToken`): which cookies to send, `'include'` by default. Writes then carry
   * `X-CSRF-Token`, fetched from `GET /v1/auth/csrf` on first need. Bearer mode sends no cookies unless set here.
   */
  credentials?: 'include' | 'same-origin';
  /** Extra headers on every request. */
  headers?: Record<string, string>;
  /** Time limit per attempt in milliseconds (default 15000). */
  timeout?: number;
  /**
   * 429 and 503 answers are retried with exponential backoff (300 ms, 600 ms, …) or after the
   * Retry-After the server asks for; GETs are also retried after network errors. A Retry-After longer
   * than `maxDelayMs` is not waited for: the error surfaces with `retryAfterSeconds`.
   * Defaults: `limit` 2, `maxDelayMs` 10000.
   */
  retry?: { limit?: number; maxDelayMs?: number };
}

/** Options every call takes. */
export interface CallOptions {
  /** Cancels the call; it then rejects with a SettingsNetworkError of kind `aborted`. */
  signal?: AbortSignal;
  /** Sends `If-Match` (the ETag read with the resource). */
  ifMatch?: string | null;
}

type Field<K extends string, T> = [T] extends [undefined]
  ? { [P in K]?: undefined }
  : {} extends T ? { [P in K]?: T } : { [P in K]: T };

/** What a call of an endpoint takes: `params`, `query` and `body` exactly as the endpoint declares them. */
export type RequestInput<E extends Endpoint> = Field<'params', EndpointParams<E>> &
  Field<'query', EndpointQuery<E>> &
  ([EndpointBody<E>] extends [undefined] ? { body?: undefined } : unknown extends EndpointBody<E> ? { body?: unknown } : { body: EndpointBody<E> }) &
  CallOptions;

/** The input argument, optional when the endpoint needs nothing. */
export type InputArgs<I> = {} extends I ? [input?: I] : [input: I];

export interface ResponseWithMeta<T> {
  data: T;
  /** The ETag header (mutable singletons), or null. */
  etag: string | null;
  status: number;
}

/** Output type of an endpoint's body schema (after trimming and other transforms). */
export type EndpointBodyOutput<E> = E extends Endpoint<any, any, infer B, any> ? (B extends z.ZodMiniType ? z.output<B> : undefined) : never;

export type ValidationResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldError[] };

export interface SettingsClient {
  /** The API origin (and prefix) as given, without a trailing slash. */
  readonly baseUrl: string;
  /** Calls an endpoint and returns its response parsed by the endpoint's schema (`undefined` for no content). */
  request<E extends Endpoint>(endpoint: E, ...input: InputArgs<RequestInput<E>>): Promise<EndpointResponse<E>>;
  /** Like `request`, with the ETag and status of the response. */
  requestWithMeta<E extends Endpoint>(endpoint: E, ...input: InputArgs<RequestInput<E>>): Promise<ResponseWithMeta<EndpointResponse<E>>>;
  /** Sends a file as the raw body (its own content type) after checking the endpoint's accepted types and size. */
  upload<E extends Endpoint>(endpoint: E, file: Blob, ...input: InputArgs<Pick<RequestInput<E>, 'params'> & CallOptions>): Promise<EndpointResponse<E>>;
  /** Fetches a non-JSON response (e.g. the audit CSV export). */
  download<E extends Endpoint>(endpoint: E, ...input: InputArgs<Omit<RequestInput<E>, 'body'>>): Promise<Blob>;
  /** The absolute (or origin-relative) URL of an endpoint, e.g. for a download link. */
  url<E extends Endpoint>(endpoint: E, ...input: InputArgs<Pick<RequestInput<E>, 'params' | 'query'>>): string;
  /** Validates a body with the endpoint's schema, as forms do before sending. */
  validate<E extends Endpoint>(endpoint: E, body: unknown): ValidationResult<EndpointBodyOutput<E>>;
}
