import { createRequire } from 'node:module';
import type { Hono } from 'hono';
import type { AppEnv } from '../app/env.js';

const require = createRequire(import.meta.url);
let document: string | undefined;

/** `GET /v1/openapi.json`: the OpenAPI 3.1 document core generates from the contract's schemas. */
export function register(app: Hono<AppEnv>): void {
  app.get('/openapi.json', (c) => {
    document ??= JSON.stringify(require('@billingone/settings-core/openapi.json'));
    return c.body(document, 200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' });
  });
}
