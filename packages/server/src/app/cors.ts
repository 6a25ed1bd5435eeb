import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from './env.js';
import { problem, problemResponse } from './problem.js';

const allowedHeaders = 'authorization, content-type, if-match, if-none-match, idempotency-key';
const exposedHeaders = 'etag, retry-after, content-disposition';
const allowedMethods = 'GET, POST, PUT, PATCH, DELETE';

/** Whether `origin` is the API's own origin (the request URL's or the configured public URL's). */
export function isSameOrigin(c: AppContext, origin: string): boolean {
  if (origin === new URL(c.req.url).origin) return true;
  const publicUrl = c.var.state.deps.publicUrl;
  return publicUrl !== undefined && origin === new URL(publicUrl).origin;
}

async function originKnown(c: AppContext, origin: string): Promise<boolean> {
  const { rows } = await c.var.state.deps.db.query('SELECT 1 FROM organizations WHERE $1 = ANY(embed_origins) LIMIT 1', [origin]);
  return rows.length > 0;
}

/**
 * CORS for bearer (embed token) requests only. Preflights are answered for origins that some
 * organization lists in `embedOrigins`; actual requests get `Access-Control-Allow-Origin` when the
 * token's organization lists the origin (checked in dispatch, which sets `corsOrigin`), and error
 * answers to a bearer request from a listed origin stay readable. Cookie requests never get CORS
 * headers: cookie sessions are for same-site hosts. Credentials are never allowed cross-origin.
 */
export function cors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin || isSameOrigin(c, origin)) return next();
    if (c.req.method === 'OPTIONS') {
      if (!(await originKnown(c, origin))) {
        return problemResponse(problem(403, 'origin_not_allowed', `${origin} is not an embedding origin.`));
      }
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': allowedMethods,
          'access-control-allow-headers': allowedHeaders,
          'access-control-max-age': '600',
          vary: 'Origin',
        },
      });
    }
    await next();
    const hasBearer = /^Bearer\s/i.test(c.req.header('authorization') ?? '');
    const allowed = c.var.corsOrigin === origin || (hasBearer && c.res.status >= 400 && (await originKnown(c, origin)));
    if (allowed) {
      c.res.headers.set('access-control-allow-origin', origin);
      c.res.headers.set('access-control-expose-headers', exposedHeaders);
      c.res.headers.append('vary', 'Origin');
    }
  };
}
