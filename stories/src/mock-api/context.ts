import type { AuditEntry, Endpoint, EndpointResponse, Role } from '@billingone/settings-core';
import type { MockState } from './state.js';

type Out<S> = S extends { _zod: { output: infer O } } ? O : undefined;
type ParamsOf<E> = E extends Endpoint<infer P, any, any, any> ? Out<P> : never;
type QueryOf<E> = E extends Endpoint<any, infer Q, any, any> ? Out<Q> : never;
type BodyOf<E> = E extends Endpoint<any, any, infer B, any> ? Out<B> : never;

/** The signed-in member as the reference server's `Actor` describes them. */
export interface Actor {
  kind: 'session' | 'embed';
  credentialId: string;
  memberId: string;
  role: Role;
  email: string;
  name: string;
  expiresAt: number;
  reauthenticatedAt: number | null;
  mfa: { totpEnabled: boolean; passkeyCount: number; orgRequiresMfa: boolean; enrollmentRequired: boolean };
}

export interface AuditInput {
  action: string;
  target?: AuditEntry['target'];
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Defaults to the signed-in member. */
  actor?: { id: string; name: string; email: string } | null;
}

/** What a handler receives: the parsed request, the actor and the state, as the server's `RouteContext`. */
export interface HandlerContext<E extends Endpoint = Endpoint> {
  readonly endpoint: E;
  readonly params: ParamsOf<E>;
  readonly query: QueryOf<E>;
  readonly body: BodyOf<E>;
  readonly upload: { bytes: Uint8Array; contentType: string } | null;
  /** The signed-in member (throws on public endpoints, where there is none). */
  readonly actor: Actor;
  readonly optionalActor: Actor | null;
  readonly state: MockState;
  /** The request time in milliseconds. */
  readonly now: number;
  readonly request: Request;
  /** Writes an audit entry as the signed-in member (secrets never go in). */
  audit(entry: AuditInput): void;
  /** ETag writes: throws 412 unless `If-Match` names `current`. */
  checkIfMatch(current: unknown): void;
  /** Counts an attempt against a named limit; throws 429 (with Retry-After) past it. */
  rateLimit(name: string, key: string, rule: { limit: number; windowSeconds: number }): void;
  resetRateLimit(name: string, key: string): void;
}

export type HandlerResult<E extends Endpoint> = (E['response'] extends undefined ? void : EndpointResponse<E>) | Response;

export interface Handler {
  readonly endpoint: Endpoint;
  readonly handle: (ctx: HandlerContext<any>) => Promise<unknown> | unknown;
}

/** Binds a handler to an endpoint of the contract; the router validates input and output with its schemas. */
export function handler<E extends Endpoint>(endpoint: E, handle: (ctx: HandlerContext<E>) => Promise<HandlerResult<E>> | HandlerResult<E>): Handler {
  return { endpoint, handle: handle as Handler['handle'] };
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : iso(ms));
