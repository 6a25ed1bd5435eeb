import type { Endpoint } from '@billingone/settings-core';
import type { HandlerContextBase, HandlerResult } from '@billingone/settings-core/implementation';
import type { Db, Queryable } from '../db/types.js';
import { writeAudit, type AuditInput } from '../audit/write.js';
import type { Actor, ApiKeyActor } from './actor.js';
import type { AppContext, AppState } from './env.js';
import { clientIp, userAgentOf } from './env.js';
import { assertIfMatch } from './etag.js';
import { problem } from './problem.js';
import type { ResolvedDeps } from './deps.js';
import { createRateLimiter } from '../security/rate-limit.js';

/** What a handler receives. */
export interface RouteContext<E extends Endpoint = Endpoint> extends HandlerContextBase<E, Actor> {
  /** The organization API key (only on `api-key` endpoints). */
  readonly apiKey: ApiKeyActor;
  readonly db: Db;
  /** The transaction of this request (writes run in one unless `transaction: false`), or the database. */
  readonly tx: Queryable;
  /** The request time (from the app clock). */
  readonly now: Date;
  readonly deps: ResolvedDeps;
  readonly meta: { ip: string | null; userAgent: string | null };
  /** The Hono context (headers, cookies). */
  readonly c: AppContext;
  /**
   * Writes an audit entry in this request's transaction, as the signed-in member. Public
   * endpoints pass `orgId` and `actor` themselves.
   */
  audit(entry: AuditInput & { orgId?: string; actor?: { id: string; name: string; email: string } | null }, via?: Queryable): Promise<void>;
}

export interface RouteOptions {
  /** Writes run in a transaction by default; pass false to manage transactions in the handler (e.g. around provider calls). */
  transaction?: boolean;
}

/** A handler bound to its endpoint. Build it with `defineRoute`. */
export interface Route {
  readonly endpoint: Endpoint;
  readonly handler: (ctx: RouteContext<any>) => Promise<unknown>;
  readonly options: RouteOptions;
}

/**
 * Binds a handler to an endpoint of the contract. The app validates params, query and body with
 * the endpoint's schemas, checks access, the MFA gate, CSRF and If-Match, opens the transaction,
 * and serialises the result (200, 201 for `creates`, 204 when the endpoint has no response).
 */
export function defineRoute<E extends Endpoint>(
  endpoint: E,
  handler: (ctx: RouteContext<E>) => Promise<HandlerResult<E>>,
  options: RouteOptions = {},
): Route {
  return { endpoint, handler: handler as Route['handler'], options };
}

export interface ContextInput {
  endpoint: Endpoint;
  state: AppState;
  c: AppContext;
  actor: Actor | null;
  apiKey: ApiKeyActor | null;
  params: unknown;
  query: unknown;
  body: unknown;
  upload: RouteContext['upload'];
  tx: Queryable;
  now: Date;
  ifMatch: string | undefined;
  onIfMatchChecked: () => void;
}

/** Builds the handler context (used by the app; exported for tests of helpers that take a context). */
export function createRouteContext(input: ContextInput): RouteContext {
  const { state, c, actor, apiKey, tx, now } = input;
  const deps = state.deps;
  const meta = { ip: clientIp(c), userAgent: userAgentOf(c) };
  return {
    endpoint: input.endpoint,
    params: input.params as never,
    query: input.query as never,
    body: input.body as never,
    upload: input.upload,
    get actor(): Actor {
      if (!actor) throw new Error(`${input.endpoint.id} has no signed-in member (access ${input.endpoint.access}).`);
      return actor;
    },
    optionalActor: actor,
    get apiKey(): ApiKeyActor {
      if (!apiKey) throw new Error(`${input.endpoint.id} is not an API-key endpoint.`);
      return apiKey;
    },
    db: deps.db,
    tx,
    now,
    deps,
    meta,
    c,
    async audit(entry, via) {
      const orgId = entry.orgId ?? actor?.orgId ?? apiKey?.orgId;
      if (!orgId) throw new Error(`Audit entry ${entry.action} has no organization.`);
      const who = entry.actor !== undefined ? entry.actor : actor ? { id: actor.memberId, name: actor.name, email: actor.email } : null;
      await writeAudit(via ?? tx, {
        action: entry.action,
        target: entry.target ?? null,
        before: entry.before ?? null,
        after: entry.after ?? null,
        orgId,
        actor: who,
        at: now,
        ip: meta.ip,
        userAgent: meta.userAgent,
      });
    },
    checkIfMatch(current) {
      assertIfMatch(input.ifMatch, current);
      input.onIfMatchChecked();
    },
    rateLimit(name, key, rule) {
      let limiter = state.limiters.get(name);
      if (!limiter) {
        limiter = createRateLimiter({ ...rule, clock: deps.clock });
        state.limiters.set(name, limiter);
      }
      const decision = limiter.consume(key);
      if (!decision.allowed) {
        throw problem(429, 'rate_limited', 'Too many attempts. Wait a moment and try again.', {
          headers: { 'retry-after': String(decision.retryAfterSeconds) },
          extra: { retryAfterSeconds: decision.retryAfterSeconds },
        });
      }
    },
    resetRateLimit(name, key) {
      state.limiters.get(name)?.reset(key);
    },
  };
}
