import type * as z from 'zod/mini';
import type { Permission } from './roles/permissions.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call an endpoint:
 * - a permission of the role table,
 * - `'member'`: any signed-in member (also while the MFA enrolment gate is up only if `mfaGate` is `'allowed'`),
 * - `'public'`: no authentication (sign-in, OAuth callbacks, OpenAPI),
 * - `'api-key'`: an organization API key, server to server.
 */
export type Access = Permission | 'member' | 'public' | 'api-key';

type AnySchema = z.ZodMiniType;

/** One operation of the Settings API. The same object drives the client, the server and the OpenAPI document. */
export interface Endpoint<
  Params extends AnySchema | undefined = AnySchema | undefined,
  Query extends AnySchema | undefined = AnySchema | undefined,
  Body extends AnySchema | undefined = AnySchema | undefined,
  Response extends AnySchema | undefined = AnySchema | undefined,
  Id extends string = string,
> {
  /** Stable operation id, e.g. `members.list`. */
  readonly id: Id;
  readonly method: HttpMethod;
  /** Path below `/v1`, with `{name}` parameters, e.g. `/members/{memberId}`. */
  readonly path: string;
  readonly tag: string;
  readonly access: Access;
  /** Path parameters. */
  readonly params?: Params;
  /** Query string (values arrive as strings; schemas coerce). */
  readonly query?: Query;
  /** JSON body (or, for `upload`, the multipart/binary body is described by `upload`). */
  readonly body?: Body;
  /** Response body; `undefined` means 204 No Content. */
  readonly response?: Response;
  /** Mutable singleton: responses carry an ETag and writes send If-Match. */
  readonly etag?: boolean;
  /** Creating POST: the client sends an Idempotency-Key. */
  readonly creates?: boolean;
  /** Binary upload: accepted content types and the size limit in bytes. */
  readonly upload?: { readonly types: readonly string[]; readonly maxBytes: number };
  /** Non-JSON response (e.g. CSV export). */
  readonly produces?: string;
  /** Reachable by a member held at the MFA enrolment gate. */
  readonly mfaGate?: 'allowed';
  /** Needs re-authentication within the last 10 minutes. */
  readonly recentAuth?: boolean;
}

type Out<S> = S extends AnySchema ? z.output<S> : undefined;
type In<S> = S extends AnySchema ? z.input<S> : undefined;

export type EndpointParams<E> = E extends Endpoint<infer P, any, any, any> ? In<P> : never;
export type EndpointQuery<E> = E extends Endpoint<any, infer Q, any, any> ? In<Q> : never;
export type EndpointBody<E> = E extends Endpoint<any, any, infer B, any> ? In<B> : never;
export type EndpointResponse<E> = E extends Endpoint<any, any, any, infer R> ? Out<R> : never;

/** Declares an endpoint, keeping its schema types. */
export function endpoint<
  P extends AnySchema | undefined = undefined,
  Q extends AnySchema | undefined = undefined,
  B extends AnySchema | undefined = undefined,
  R extends AnySchema | undefined = undefined,
  Id extends string = string,
>(definition: Endpoint<P, Q, B, R, Id>): Endpoint<P, Q, B, R, Id> {
  return definition;
}

/** Fills `{name}` placeholders of a path with encoded values. */
export function fillPath(path: string, params: Record<string, string | number> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === '') throw new TypeError(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });
}
