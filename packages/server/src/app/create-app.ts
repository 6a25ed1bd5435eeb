import { Hono } from 'hono';
import { ActorCache, DEFAULT_ACTOR_CACHE_MS } from './actor-cache.js';
import { cors } from './cors.js';
import { DatabaseBusyError } from '../db/errors.js';
import { consoleLogger, logMailer, type AppDeps, type ResolvedDeps } from './deps.js';
import { dispatch } from './dispatch.js';
import type { AppEnv, AppState } from './env.js';
import { problem, problemResponse, ProblemError } from './problem.js';
import type { Route } from './route.js';
import { routeModules, type RouteModule } from './routes.js';

/** `/members/{id}` → `/members/:id`. */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

/** Every route of the given modules (defaults to all), in registration order. */
export function collectRoutes(modules: readonly RouteModule[] = routeModules): Route[] {
  const routes = modules.flatMap((module) => module.routes ?? []);
  const seen = new Map<string, string>();
  for (const route of routes) {
    const key = `${route.endpoint.method} ${route.endpoint.path}`;
    const other = seen.get(key);
    if (other) throw new Error(`${route.endpoint.id} and ${other} are both registered for ${key}`);
    seen.set(key, route.endpoint.id);
  }
  return routes;
}

/** Per-app state by app, for tests that reset it between cases (see `appState`). */
const states = new WeakMap<object, AppState>();

/** The state of an app made by `createSettingsApi` (its rate limiters, …). */
export function appState(app: SettingsApi): AppState {
  const state = states.get(app);
  if (!state) throw new Error('Not an app made by createSettingsApi.');
  return state;
}

/**
 * The Settings API as a Hono app, mounted at `/v1`. Serve it with `@hono/node-server` or call
 * `app.request()` in tests.
 */
export function createSettingsApi(input: AppDeps, modules: readonly RouteModule[] = routeModules) {
  const logger = input.logger ?? consoleLogger;
  const deps: ResolvedDeps = { ...input, clock: input.clock ?? (() => new Date()), logger, mailer: input.mailer ?? logMailer(logger) };
  const state: AppState = { deps, limiters: new Map(), actors: new ActorCache(input.actorCacheMs ?? DEFAULT_ACTOR_CACHE_MS) };
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('state', state);
    c.set('corsOrigin', null);
    await next();
  });
  app.use('/v1/*', cors());

  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(error);
    if (error instanceof DatabaseBusyError) {
      return problemResponse(problem(503, 'busy', 'The server is busy. Try again in a moment.', { headers: { 'retry-after': '1' } }));
    }
    deps.logger.error('Unhandled error', { method: c.req.method, path: c.req.path, error: error instanceof Error ? error.stack : String(error) });
    return problemResponse(problem(500, 'internal_error', 'Something went wrong on our side. Try again.'));
  });
  app.notFound((c) => problemResponse(problem(404, 'not_found', `No route for ${c.req.method} ${c.req.path}.`)));

  const v1 = new Hono<AppEnv>();
  for (const route of collectRoutes(modules)) {
    v1.on(route.endpoint.method, honoPath(route.endpoint.path), dispatch(route));
  }
  for (const module of modules) module.register?.(v1, deps);
  app.route('/v1', v1);
  states.set(app, state);
  return app;
}

export type SettingsApi = ReturnType<typeof createSettingsApi>;
