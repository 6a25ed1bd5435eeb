import type { Context } from 'hono';
import type { ActorCache } from './actor-cache.js';
import type { ResolvedDeps } from './deps.js';
import type { RateLimiter } from '../security/rate-limit.js';

/** Per-app state shared by the middleware and the routes. */
export interface AppState {
  deps: ResolvedDeps;
  /** Named rate limiters, created on first use (see `RouteContext.rateLimit`). */
  limiters: Map<string, RateLimiter>;
  /** Signed-in members by credential, dropped on every write. */
  actors: ActorCache;
}

export interface AppEnv {
  Variables: {
    state: AppState;
    /** The CORS origin this request may be answered to (a bearer request from an embedding origin). */
    corsOrigin: string | null;
  };
}

export type AppContext = Context<AppEnv>;

/** Client IP: the first `X-Forwarded-For` hop when the proxy is trusted, else the socket's address. */
export function clientIp(c: AppContext): string | null {
  if (c.var.state.deps.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for');
    if (forwarded) return forwarded.split(',')[0]!.trim() || null;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}

export function userAgentOf(c: AppContext): string | null {
  const value = c.req.header('user-agent');
  return value ? value.slice(0, 512) : null;
}
