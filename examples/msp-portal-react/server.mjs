#!/usr/bin/env node
// The MSP portal's own backend: serves the built React portal and exchanges the organization's
// BillingOne API key for short-lived embed tokens, server to server. The API key never reaches
// the browser; the browser gets a token for the signed-in portal user only.
//
//   BILLINGONE_API_KEY=bo_sk_…  node server.mjs
//
// Environment: PORT (5180), HOST (127.0.0.1), BILLINGONE_API_URL (http://127.0.0.1:8787),
// BILLINGONE_API_KEY (required: printed by the reference server when it seeds the demo),
// BILLINGONE_TOKEN_TTL (seconds, 60–3600, default 600), PORTAL_SESSION_SECRET (random per start).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { authEndpoints, createSettingsClient, errorMessage, SettingsApiError } from '@billingone/settings-core';
import { Hono } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { findPortalUser, portalUsers } from './portal-users.mjs';

const env = process.env;
const port = Number(env.PORT ?? 5180);
const host = env.HOST ?? '127.0.0.1';
const portalOrigin = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
const apiUrl = new URL(env.BILLINGONE_API_URL ?? 'http://127.0.0.1:8787').origin;
const demoKeyFile = fileURLToPath(new URL(`${env.BILLINGONE_DATA_DIR ?? '../../.data'}/demo-api-key`, import.meta.url));
/** The key from the environment, else the one the demo (`npm start`) wrote when it seeded its data. */
const apiKey = env.BILLINGONE_API_KEY?.trim() || (existsSync(demoKeyFile) ? (await readFile(demoKeyFile, 'utf8')).trim() : undefined);
const tokenTtl = Number(env.BILLINGONE_TOKEN_TTL ?? 600);
const sessionSecret = env.PORTAL_SESSION_SECRET ?? randomBytes(32).toString('hex');
const dist = fileURLToPath(new URL('./dist/', import.meta.url));
const sessionCookie = 'portal_session';

if (!apiKey) {
  console.error(
    'BILLINGONE_API_KEY is not set. It is the organization API key the reference server prints once when it seeds\n' +
      'the demo ("Organization API key (shown once, stored hashed): bo_sk_…"). To get a new one, stop the server and run\n' +
      '  pnpm --filter @billingone/settings-server seed --reset   (empties the demo data), or start it on an empty BILLINGONE_DATA_DIR.',
  );
  process.exit(1);
}
if (!Number.isInteger(tokenTtl) || tokenTtl < 60 || tokenTtl > 3600) {
  console.error(`BILLINGONE_TOKEN_TTL must be a whole number of seconds from 60 to 3600, got "${env.BILLINGONE_TOKEN_TTL}".`);
  process.exit(1);
}
if (!existsSync(`${dist}index.html`)) {
  console.error(`${dist}index.html is missing: build the portal first (pnpm --filter @billingone/example-msp-portal-react build).`);
  process.exit(1);
}

/** Server to server: the API key is the bearer credential of POST /v1/embed-tokens. */
const billingone = createSettingsClient({ baseUrl: apiUrl, getToken: () => apiKey, retry: { limit: 1 } });

/** The portal's policy: no inline script or style; the Settings API is the only other origin it talks to. */
const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' data: blob: ${apiUrl}`,
  `connect-src 'self' ${apiUrl}`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

async function currentUser(c) {
  const id = await getSignedCookie(c, sessionSecret, sessionCookie);
  return (id && findPortalUser(id)) || undefined;
}

const publicUser = (user) => ({ id: user.id, name: user.name, email: user.email, title: user.title });

const app = new Hono();

/** Whether a request comes from the portal's own pages (whichever host name the browser used). */
function fromPortalPage(c) {
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === c.req.header('host');
  } catch {
    return false;
  }
}

// The portal's own API takes changes from its own pages only (its cookie is SameSite=Strict too).
app.use('/api/*', async (c, next) => {
  if (c.req.method !== 'GET' && !fromPortalPage(c)) return c.json({ message: 'Requests must come from the portal itself.' }, 403);
  c.header('cache-control', 'no-store');
  await next();
});

app.get('/api/session', async (c) => {
  const user = await currentUser(c);
  return c.json({ user: user ? publicUser(user) : null, billingoneApiUrl: apiUrl });
});

/** The portal's users, for the demo sign-in page. */
app.get('/api/users', (c) => c.json({ users: portalUsers.map(publicUser) }));

/** A demo sign-in: pick a user (a real portal checks a password or its SSO here). */
app.post('/api/sign-in', async (c) => {
  const body = await c.req.json().catch(() => ({}));
  const user = typeof body?.userId === 'string' ? findPortalUser(body.userId) : undefined;
  if (!user) return c.json({ message: 'Choose one of the portal users.' }, 400);
  await setSignedCookie(c, sessionCookie, user.id, sessionSecret, { httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 8 * 3600 });
  return c.json({ user: publicUser(user) });
});

app.post('/api/sign-out', (c) => {
  deleteCookie(c, sessionCookie, { path: '/' });
  return c.body(null, 204);
});

/** A short-lived BillingOne embed token for the signed-in portal user. */
app.post('/api/billingone-token', async (c) => {
  const user = await currentUser(c);
  if (!user) return c.json({ message: 'Sign in to the portal first.' }, 401);
  try {
    const { token, expiresAt } = await billingone.request(authEndpoints.embedToken, { body: { memberEmail: user.email, ttlSeconds: tokenTtl } });
    return c.json({ token, expiresAt });
  } catch (error) {
    const status = error instanceof SettingsApiError ? error.status : 0;
    console.error(`Embed token for ${user.email} refused (${status || 'no answer'}): ${errorMessage(error)}`);
    const message =
      status === 401 ? 'The portal is not configured with a valid BillingOne API key.' : status === 422 || status === 400 ? 'Your account has no BillingOne access.' : 'BillingOne is not reachable right now.';
    return c.json({ message }, status === 422 || status === 400 ? 403 : 502);
  }
});

app.all('/api/*', (c) => c.json({ message: 'Not found.' }, 404));

const indexHtml = () => readFile(`${dist}index.html`, 'utf8');
const page = async (c) => c.html(await indexHtml(), 200, { 'content-security-policy': csp, 'cache-control': 'no-store' });
app.get('/', (c) => c.redirect('/portal'));
app.get('/portal', page);
app.get('/portal/*', page);
app.get('/sign-in', page);
app.use(
  '/assets/*',
  serveStatic({ root: dist, onFound: (_path, c) => c.header('cache-control', 'public, max-age=31536000, immutable') }),
);
app.get('/favicon.svg', serveStatic({ path: `${dist}favicon.svg` }));

/**
 * Whether the Settings API accepts browser requests from `origin` (it answers CORS preflights only
 * for origins an organization lists in its embedding origins); `undefined` when it cannot be reached.
 */
async function embeddingAllowed(origin) {
  try {
    const response = await fetch(`${apiUrl}/v1/me`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      signal: AbortSignal.timeout(5000),
    });
    return response.headers.get('access-control-allow-origin') === origin;
  } catch {
    return undefined;
  }
}

const server = serve({ fetch: app.fetch, port, hostname: host }, async () => {
  const line = '─'.repeat(64);
  console.log(`\n${line}\n  Northwind MSP portal (React): ${portalOrigin}/portal\n${line}`);
  console.log(`  BillingOne Settings API: ${apiUrl} (embed tokens for ${tokenTtl} s)`);
  const allowed = await embeddingAllowed(portalOrigin);
  if (allowed === undefined) console.warn(`  ! The Settings API does not answer at ${apiUrl}: start it, or set BILLINGONE_API_URL.`);
  else if (!allowed) {
    console.warn(`  ! ${portalOrigin} is not an embedding origin of the organization: the browser's requests to the API will be refused.`);
    console.warn(`    Add it to the organization's embedding origins (Organization settings, or PATCH /v1/organization { embedOrigins }).`);
  }
  console.log('');
});

function stop() {
  server.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
