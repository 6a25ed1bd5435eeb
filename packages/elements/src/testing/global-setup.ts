import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { TestProject } from 'vitest/node';
import { serveFetchApp, type FetchApp } from './serve.js';
import { testServerKey, type TestServerHandle } from './server-handle.js';

/**
 * What the browser tests use of @billingone/settings-server (its public exports, from its dist):
 * an in-memory PGlite database, the seeded demo organization, the Pax8/Xero simulators and the API.
 */
interface SettingsServerModule {
  openDatabase(options?: { dataDir?: string }): Promise<{ close(): Promise<void> }>;
  createSecretBox(key: Uint8Array): unknown;
  createSettingsApi(deps: Record<string, unknown>): FetchApp;
  seed(db: unknown, options?: Record<string, unknown>): Promise<unknown>;
  truncateAll?(db: unknown): Promise<void>;
  startSimulators?(options?: Record<string, unknown>): Promise<{ providers?: unknown; close(): Promise<void> }>;
}

const serverPackage = '@billingone/settings-server';

/**
 * Starts the reference Settings API for the browser tests on 127.0.0.1:`BILLINGONE_TEST_API_PORT`
 * (chosen by vitest.config.ts, which proxies `/v1` to it so cookie sessions are same-origin), seeded
 * with the demo organization. Browser tests reset the data through the `resetDemoData` command.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const port = Number(process.env.BILLINGONE_TEST_API_PORT);
  const pageOrigin = process.env.BILLINGONE_TEST_ORIGIN;
  if (!port || !pageOrigin) throw new Error('vitest.config.ts must set BILLINGONE_TEST_API_PORT and BILLINGONE_TEST_ORIGIN before the global setup runs.');

  let server: SettingsServerModule;
  try {
    server = (await import(/* @vite-ignore */ serverPackage)) as SettingsServerModule;
  } catch (error) {
    throw new Error(`The browser tests need the reference server: build it with \`pnpm --filter ${serverPackage} build\`. (${(error as Error).message})`);
  }
  for (const name of ['openDatabase', 'createSecretBox', 'createSettingsApi', 'seed'] as const) {
    if (typeof server[name] !== 'function') throw new Error(`${serverPackage} does not export ${name}(); the browser tests need it.`);
  }

  const db = await server.openDatabase({ dataDir: 'memory://' });
  const secrets = server.createSecretBox(randomBytes(32));
  const simulators = server.startSimulators ? await server.startSimulators() : undefined;
  const seedOptions = { secrets };
  await server.seed(db, seedOptions);

  const app = server.createSettingsApi({
    db,
    secrets,
    providers: simulators?.providers,
    publicUrl: pageOrigin,
    trustProxy: true,
    validateResponses: true,
    webauthn: { rpId: new URL(pageOrigin).hostname, rpName: 'BillingOne', origins: [pageOrigin] },
    logger: { info() {}, warn() {}, error: (message: string, fields?: unknown) => console.error(message, fields) },
  });
  const http: Server = await serveFetchApp(app, port);

  const handle: TestServerHandle = {
    apiUrl: `http://127.0.0.1:${port}`,
    async reset() {
      if (!server.truncateAll) throw new Error(`${serverPackage} does not export truncateAll(); resetDemoData needs it.`);
      await server.truncateAll(db);
      await server.seed(db, seedOptions);
    },
  };
  (globalThis as Record<symbol, unknown>)[testServerKey] = handle;
  project.provide('billingoneApiUrl', handle.apiUrl);

  return async () => {
    delete (globalThis as Record<symbol, unknown>)[testServerKey];
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await simulators?.close();
    await db.close();
  };
}
