#!/usr/bin/env node
// Runs the reference Settings API (and the Pax8/Xero simulators) on 127.0.0.1.
// Build first: `pnpm --filter @billingone/settings-server build`.
// The wiring (database, simulators, seed, scheduled syncs) lives in `startReferenceStack`.
import { serve } from '@hono/node-server';
import { demoMembers, DEMO_PASSWORD, PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET, startReferenceStack } from '../dist/index.js';
import { dataDir, describeDatabase, printSignIns } from './options.mjs';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
const publicUrl = env.BILLINGONE_PUBLIC_URL ?? `http://${host}:${port}`;
const log = console.log;

const stack = await startReferenceStack({
  publicUrl,
  dataDir: dataDir(env),
  databaseUrl: env.DATABASE_URL,
  logger: {
    info: (message, fields) => console.info(message, fields ?? ''),
    warn: (message, fields) => console.warn(message, fields ?? ''),
    error: (message, fields) => console.error(message, fields ?? ''),
  },
});

const server = serve({ fetch: stack.app.fetch, port, hostname: host }, () => {
  log('BillingOne Settings API on %s/v1  (%s)', publicUrl, describeDatabase(env));
  log('Pax8 simulator on %s  (demo client ID %s, secret %s)', stack.simulators.pax8.url, PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET);
  log('Xero simulator on %s', stack.simulators.xero.url);
  printSignIns(log, demoMembers, DEMO_PASSWORD);
  if (stack.seeded) log('Organization API key (shown once, stored hashed): %s', stack.seeded.apiKey);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  await stack.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
