import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import {
  createSecretBox,
  createSettingsApi,
  openDatabase,
  seed,
  startSimulators,
  truncateAll,
  XERO_DEMO_CLIENT_ID,
  XERO_DEMO_CLIENT_SECRET,
} from '@billingone/settings-server';
import type { TestProject } from 'vitest/node';
import { serveFetchApp } from './serve.js';
import { testServerKey, type TestServerHandle } from './server-handle.js';

/**
 * Starts the reference Settings API (in-memory PGlite, the seeded demo organization, the Pax8 and
 * Xero simulators) on 127.0.0.1:`BILLINGONE_TEST_API_PORT`, chosen by vitest.config.ts, which proxies
 * `/v1` of the test page to it so cookie sessions are same-origin as in a real host page.
 * Browser tests reset the data with the `resetDemoData` command.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Vitest runs the global setup for the root project and for each browser instance: start once, share, stop last.
  let running = shared.get(setup);
  if (!running) shared.set(setup, (running = { users: 0, started: start() }));
  running.users++;
  const { apiUrl, stop } = await running.started;
  project.provide('billingoneApiUrl', apiUrl);
  return async () => {
    if (--running.users === 0) {
      shared.delete(setup);
      await stop();
    }
  };
}

const shared = new Map<unknown, { users: number; started: ReturnType<typeof start> }>();

async function start(): Promise<{ apiUrl: string; stop: () => Promise<void> }> {
  const port = Number(process.env.BILLINGONE_TEST_API_PORT);
  const pageOrigin = process.env.BILLINGONE_TEST_ORIGIN;
  if (!port || !pageOrigin) throw new Error('vitest.config.ts must set BILLINGONE_TEST_API_PORT and BILLINGONE_TEST_ORIGIN before the global setup runs.');

  const db = await openDatabase({ dataDir: 'memory://' });
  const secrets = createSecretBox(randomBytes(32));
  const simulators = await startSimulators();
  const seedOptions = { embedOrigins: [pageOrigin] };
  let seeded = await seed(db, seedOptions);

  const app = createSettingsApi({
    db,
    secrets,
    providers: {
      pax8: { baseUrl: simulators.pax8.url },
      xero: { identityUrl: simulators.xero.url, apiUrl: simulators.xero.url, clientId: XERO_DEMO_CLIENT_ID, clientSecret: XERO_DEMO_CLIENT_SECRET },
    },
    publicUrl: pageOrigin,
    trustProxy: true,
    validateResponses: true,
    // Tests change the database behind the API's back (resets, lapsed re-authentication): look the
    // signed-in member up on every request rather than trusting a second-old copy.
    actorCacheMs: 0,
    // Rate limits stay on (elements show 429s, and tests check it); signInAs() spreads the suite's
    // many sign-ins over test addresses instead.
    webauthn: { rpId: new URL(pageOrigin).hostname, rpName: 'BillingOne', origins: [pageOrigin] },
    logger: { info() {}, warn() {}, error: (message, fields) => console.error(message, fields) },
  });
  const http: Server = await serveFetchApp(app, port);
  const apiUrl = `http://127.0.0.1:${port}`;

  const handle: TestServerHandle = {
    apiUrl,
    async reset() {
      await truncateAll(db);
      seeded = await seed(db, seedOptions);
    },
    async query(sql, params = []) {
      return (await db.query(sql, params)).rows;
    },
    async embedToken(memberEmail, ttlSeconds) {
      const response = await fetch(`${apiUrl}/v1/embed-tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${seeded.apiKey}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ memberEmail, ttlSeconds }),
      });
      const body = (await response.json()) as { token?: string; detail?: string };
      if (!response.ok || !body.token) throw new Error(`Embed token for ${memberEmail} failed: ${response.status} ${body.detail ?? ''}`);
      return body.token;
    },
  };
  (globalThis as Record<symbol, unknown>)[testServerKey] = handle;

  return {
    apiUrl,
    async stop() {
      delete (globalThis as Record<symbol, unknown>)[testServerKey];
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await simulators.close();
      await db.close();
    },
  };
}
