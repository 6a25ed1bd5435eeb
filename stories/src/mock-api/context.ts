import type { AuditEntry, Endpoint, Role } from '@billingone/settings-core';
import type { HandlerContextBase, HandlerResult } from '@billingone/settings-core/implementation';
import type { MockState } from './state.js';

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
export interface HandlerContext<E extends Endpoint = Endpoint> extends HandlerContextBase<E, Actor> {
  readonly state: MockState;
  /** The request time in milliseconds. */
  readonly now: number;
  readonly request: Request;
  /** Writes an audit entry as the signed-in member (secrets never go in). */
  audit(entry: AuditInput): void;
}

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
