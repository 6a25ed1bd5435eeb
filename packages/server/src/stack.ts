import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDeps, InvitationMessage, Logger, Mailer } from './app/deps.js';
import { createSettingsApi, type SettingsApi } from './app/create-app.js';
import { openDatabase } from './db/index.js';
import type { Db } from './db/types.js';
import { startSyncScheduler, type SyncScheduler } from './integrations/scheduler.js';
import { createSecretBox, loadSecretKey } from './security/crypto.js';
import { isSeeded, seed, type SeedResult } from './seed.js';
import { startSimulators, XERO_DEMO_CLIENT_ID, XERO_DEMO_CLIENT_SECRET, type RunningSimulators } from './simulators/index.js';

/** Where a freshly seeded demo writes its organization API key, inside the data dir. */
export const demoApiKeyFile = 'demo-api-key';

export interface ReferenceStackOptions {
  /** Origin the browser uses for the API (cookies, WebAuthn RP ID, OAuth return pages), e.g. `http://127.0.0.1:8787`. */
  publicUrl: string;
  /** Where PGlite keeps its data and the development secret key lives. */
  dataDir: string;
  /** PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  /** Seed the demo organization when the database is empty (default true). */
  seedWhenEmpty?: boolean;
  /** Run scheduled syncs (default true). */
  scheduler?: boolean;
  logger?: Logger;
  /** Extra dependencies (e.g. a mailer). */
  deps?: Partial<AppDeps>;
}

export interface ReferenceStack {
  app: SettingsApi;
  db: Db;
  deps: AppDeps;
  simulators: RunningSimulators;
  /** Present when this start seeded the database (the API key is shown once). */
  seeded: SeedResult | null;
  /** Invitation e-mails sent since start, newest last (the demo's mailbox). */
  outbox: InvitationMessage[];
  close(): Promise<void>;
}

/**
 * The whole reference environment in one process: the database (migrated), the Pax8 and Xero
 * simulators on loopback ports, the Settings API wired to them, scheduled syncs, and the demo seed.
 * Used by the server's bin, the demo host and the end-to-end tests.
 */
export async function startReferenceStack(options: ReferenceStackOptions): Promise<ReferenceStack> {
  const db = await openDatabase(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: join(options.dataDir, 'pglite') });
  const secrets = createSecretBox(loadSecretKey({ dataDir: options.dataDir }));
  const simulators = await startSimulators();
  const seeded = options.seedWhenEmpty === false || (await isSeeded(db)) ? null : await seed(db);
  if (seeded && !options.databaseUrl) {
    // The demo's own API key, for example portals on this machine (the database keeps only its hash).
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(join(options.dataDir, demoApiKeyFile), `${seeded.apiKey}\n`, { mode: 0o600 });
  }
  const outbox: InvitationMessage[] = [];
  const mailer: Mailer = {
    async sendInvitation(message) {
      outbox.push(message);
      options.logger?.info(`Invitation for ${message.to}: ${message.acceptUrl ?? '(no public URL)'}`);
    },
  };
  const origin = new URL(options.publicUrl);
  const deps: AppDeps = {
    db,
    secrets,
    publicUrl: origin.origin,
    mailer,
    logger: options.logger,
    webauthn: { rpId: origin.hostname, rpName: 'BillingOne', origins: [origin.origin] },
    providers: {
      pax8: { baseUrl: simulators.pax8.url },
      xero: { identityUrl: simulators.xero.url, apiUrl: simulators.xero.url, clientId: XERO_DEMO_CLIENT_ID, clientSecret: XERO_DEMO_CLIENT_SECRET },
    },
    ...options.deps,
  };
  const app = createSettingsApi(deps);
  const scheduler: SyncScheduler | null = options.scheduler === false ? null : startSyncScheduler({ db, deps });
  return {
    app,
    db,
    deps,
    simulators,
    seeded,
    outbox,
    async close() {
      await scheduler?.stop();
      await simulators.close();
      await db.close();
    },
  };
}
