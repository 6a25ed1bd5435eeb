#!/usr/bin/env node
// Runs the reference Settings API (and the Pax8/Xero simulators) on 127.0.0.1.
// Build first: `pnpm --filter @billingone/settings-server build`.
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createSecretBox, createSettingsApi, demoMembers, DEMO_PASSWORD, isSeeded, loadSecretKey, openDatabase, seed } from '../dist/index.js';
import { dataDir, databaseOptions, describeDatabase, printSignIns } from './options.mjs';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const publicUrl = env.BILLINGONE_PUBLIC_URL ?? `http://${host}:${port}`;
const log = console.log;

const db = await openDatabase(databaseOptions(env));
const secrets = createSecretBox(loadSecretKey({ dataDir: dataDir(env) }));

let simulators = null;
let sim = null;
const providers = {};
if (existsSync(new URL('../dist/simulators/index.js', import.meta.url))) {
  sim = await import('../dist/simulators/index.js');
  simulators = await sim.startSimulators();
  providers.pax8 = { baseUrl: simulators.pax8.url };
  providers.xero = {
    identityUrl: simulators.xero.url,
    apiUrl: simulators.xero.url,
    clientId: sim.XERO_DEMO_CLIENT_ID,
    clientSecret: sim.XERO_DEMO_CLIENT_SECRET,
  };
}

let seeded = null;
if (!(await isSeeded(db))) seeded = await seed(db);

const deps = { db, secrets, providers, publicUrl, webauthn: { rpId: new URL(publicUrl).hostname, rpName: 'BillingOne', origins: [new URL(publicUrl).origin] } };
const app = createSettingsApi(deps);

// Scheduled syncs (every 6 hours per connected integration), when the build has them.
let scheduler = null;
if (existsSync(new URL('../dist/integrations/scheduler.js', import.meta.url))) {
  const { startSyncScheduler } = await import('../dist/integrations/scheduler.js');
  scheduler = startSyncScheduler({ db, deps });
}
const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
  log('BillingOne Settings API on %s/v1  (%s)', publicUrl, describeDatabase(env));
  if (simulators) {
    log('Pax8 simulator on %s  (demo client ID %s, secret %s)', simulators.pax8.url, sim.PAX8_DEMO_CLIENT_ID, sim.PAX8_DEMO_CLIENT_SECRET);
    log('Xero simulator on %s', simulators.xero.url);
  }
  printSignIns(log, demoMembers, DEMO_PASSWORD);
  if (seeded) log('Organization API key (shown once, stored hashed): %s', seeded.apiKey);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  await scheduler?.stop();
  await simulators?.close();
  await db.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
