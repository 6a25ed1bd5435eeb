import type { Endpoint, EndpointResponse } from '../endpoint.js';

type Out<S> = S extends { _zod: { output: infer O } } ? O : undefined;

/** Path parameters of an endpoint as its schema parses them. */
export type ParsedParams<E> = E extends Endpoint<infer P, any, any, any> ? Out<P> : never;
/** Query string of an endpoint as its schema parses (and coerces) it. */
export type ParsedQuery<E> = E extends Endpoint<any, infer Q, any, any> ? Out<Q> : never;
/** JSON body of an endpoint as its schema parses it. */
export type ParsedBody<E> = E extends Endpoint<any, any, infer B, any> ? Out<B> : never;

/** What a handler may answer: its endpoint's response (nothing for a 204), or a ready `Response`. */
export type HandlerResult<E extends Endpoint> = (E['response'] extends undefined ? void : EndpointResponse<E>) | Response;

/**
 * What every implementation of the API gives the handler of an endpoint: the request parsed by the
 * endpoint's schemas, the signed-in member (as the implementation describes them) and the checks
 * a handler calls itself.
 */
export interface HandlerContextBase<E extends Endpoint, Actor> {
  readonly endpoint: E;
  /** Path parameters, parsed by the endpoint's schema. */
  readonly params: ParsedParams<E>;
  /** Query string, parsed (and coerced) by the endpoint's schema. */
  readonly query: ParsedQuery<E>;
  /** JSON body, parsed by the endpoint's schema. */
  readonly body: ParsedBody<E>;
  /** Upload endpoints: the raw body (type and size already checked) and its content type. */
  readonly upload: { bytes: Uint8Array; contentType: string } | null;
  /** The signed-in member (throws on `public` and `api-key` endpoints, where there is none). */
  readonly actor: Actor;
  /** The signed-in member when a `public` endpoint was called with one, else null. */
  readonly optionalActor: Actor | null;
  /** ETag writes: throws 412 unless `If-Match` names `current` (the representation the GET answers). */
  checkIfMatch(current: unknown): void;
  /** Counts an attempt against a named limit; throws 429 (with Retry-After) past it. */
  rateLimit(name: string, key: string, rule: { limit: number; windowSeconds: number }): void;
  /** Forgets a key of a named limit (e.g. after a successful sign-in). */
  resetRateLimit(name: string, key: string): void;
}
