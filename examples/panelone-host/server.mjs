#!/usr/bin/env node
// The demo: PanelOne-style host pages and the Settings API on ONE origin (cookie session), with the
// Pax8 and Xero simulators and the seeded demo organization. Data persists in .data/ between runs.
//   node server.mjs            start (PORT, default 8787)
//   node server.mjs --reset    wipe .data/ first, then start with fresh demo data
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { DEMO_PASSWORD, demoMembers, PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET, startReferenceStack } from '@billingone/settings-server';
import { Hono } from 'hono';

const env = process.env;
const port = Number(env.PORT ?? 8787);
const host = env.HOST ?? '127.0.0.1';
// The browser must use a host name, not an IP address: WebAuthn refuses IP addresses as relying
// party IDs, so passkeys only work at http://localhost (a secure context, like https).
const publicUrl = env.BILLINGONE_PUBLIC_URL ?? `http://${host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host}:${port}`;
const dataDir = resolve(env.BILLINGONE_DATA_DIR ?? fileURLToPath(new URL('../../.data/', import.meta.url)));
const dist = fileURLToPath(new URL('./dist/', import.meta.url));

if (process.argv.includes('--reset')) {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`Removed ${dataDir}: starting with fresh demo data.`);
}

const stack = await startReferenceStack({
  publicUrl,
  dataDir,
  databaseUrl: env.DATABASE_URL,
  logger: { info: () => {}, warn: (m) => console.warn(m), error: (m, f) => console.error(m, f ?? '') },
});

/** A strict policy: no inline script or style anywhere, so the SDK is shown to work under it. */
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

const page = (file) => async (c) => {
  const html = await readFile(`${dist}${file}`, 'utf8');
  return c.html(html, 200, { 'content-security-policy': csp, 'cache-control': 'no-store' });
};

const app = new Hono();
// The API sees the browser's address (sessions, sign-in history and the audit log record it).
app.all('/v1/*', (c) => stack.app.fetch(c.req.raw, c.env));
app.get('/', (c) => c.redirect('/settings/profile'));
// No icon: an empty answer rather than a 404 in every page's console.
app.get('/favicon.ico', (c) => c.body(null, 204));
app.get('/dashboard', (c) => c.redirect('/settings/profile'));
app.get('/sign-in', page('sign-in.html'));
app.get('/accept-invitation', page('accept-invitation.html'));
app.get('/settings', page('index.html'));
app.get('/settings/*', page('index.html'));
/** The demo's mailbox: invitation e-mails the API sent since start (newest first). */
app.get('/dev/mailbox', (c) => c.json({ messages: [...stack.outbox].reverse() }));
app.use('/assets/*', serveStatic({ root: dist, rewriteRequestPath: (path) => path, onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable') }));

const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
  const line = '─'.repeat(64);
  console.log(`\n${line}\n  BillingOne settings demo: ${publicUrl}/settings\n${line}`);
  console.log(`  Sign in as (password for all: ${DEMO_PASSWORD}):`);
  for (const member of demoMembers) console.log(`    ${member.role.padEnd(9)} ${member.email}`);
  console.log(`  Pax8 simulator credentials: client ID ${PAX8_DEMO_CLIENT_ID}, secret ${PAX8_DEMO_CLIENT_SECRET}`);
  if (stack.seeded) console.log(`  Organization API key (shown once): ${stack.seeded.apiKey}`);
  console.log(`  Invitation e-mails: ${publicUrl}/dev/mailbox`);
  console.log(`  Data kept in ${dataDir} (reset: npm start -- --reset)\n`);
});

async function stop() {
  server.close();
  await stack.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
