import type { Endpoint, Role } from '@billingone/settings-core';
import type { Context } from './context.js';
import { placeholderRequest } from './endpoints.js';
import type { ApiRequest, ApiResponse, CookieSession, SendOptions } from './http.js';
import { scenarios } from './scenarios/index.js';

/** A request of an endpoint built for one role, with what it takes to undo it. */
export interface Prepared {
  request: ApiRequest;
  /** False when no valid request can be built over HTTP: then only the access side is checked. */
  valid: boolean;
  /** Who sends it, when not the role's long-lived session (e.g. a session about to sign out). */
  as?: CookieSession;
  /** Puts back what the preparation or the request changed; given the answer when the request was sent. */
  restore?: (answer: ApiResponse | undefined) => Promise<void>;
  /** Why nothing is sent: every request the role could make would change something the suite cannot put back. */
  skip?: string;
}

/**
 * Builds a request of an endpoint for a role. Preparations that need more rights than the role has
 * use the Owner's session, so every role sends the same valid request.
 */
export type Scenario = (ctx: Context, role: Role) => Promise<Prepared>;

export function prepare(ctx: Context, endpoint: Endpoint, role: Role): Promise<Prepared> {
  const scenario = scenarios[endpoint.id];
  return scenario ? scenario(ctx, role) : Promise.resolve({ request: placeholderRequest(endpoint), valid: false });
}

export type Exercise = { prepared: Prepared; res: ApiResponse; skipped?: undefined } | { prepared: Prepared; res?: undefined; skipped: string };

/** Prepares, sends (optionally altered) and restores, whatever the answer. */
export async function exercise(
  ctx: Context,
  endpoint: Endpoint,
  role: Role,
  options: { alter?: (request: ApiRequest) => ApiRequest; send?: SendOptions } = {},
): Promise<Exercise> {
  const prepared = await prepare(ctx, endpoint, role);
  if (prepared.skip) return { prepared, skipped: prepared.skip };
  const request = options.alter ? options.alter(prepared.request) : prepared.request;
  let res: ApiResponse | undefined;
  try {
    res = await ctx.client.send(endpoint, request, prepared.as ?? (await ctx.sessions.of(role)), options.send);
    return { prepared, res };
  } finally {
    await prepared.restore?.(res);
  }
}
