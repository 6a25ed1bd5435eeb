#!/usr/bin/env node
// End-to-end check of the portal in Chromium: the portal (its own origin) signs a user in, gets an
// embed token from its backend, and BillingOne's settings render inside it from the Settings API's
// origin, in the portal's branding, following the portal's router; a revoked token is replaced.
//
// Build first (`pnpm --filter @billingone/example-msp-portal-react build`, and the server package).
// Uses the running API given by BILLINGONE_API_URL + BILLINGONE_API_KEY, or starts the reference
// server (packages/server/bin/serve.mjs) on a free port with fresh data. CHROME_PATH or /usr/bin/chromium.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authEndpoints, createSettingsClient, organizationEndpoints } from '@billingone/settings-core';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../scripts/lib/chromium.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const serverBin = fileURLToPath(new URL('../../packages/server/bin/serve.mjs', import.meta.url));
const children = [];
const dataDirs = [];
let browser;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a Node process and resolves with the match of `ready` in its output. */
function start(name, script, env, ready, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: here, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}):\n${output}`));
    });
  });
}

async function settingsApi() {
  if (process.env.BILLINGONE_API_URL && process.env.BILLINGONE_API_KEY) {
    return { apiUrl: new URL(process.env.BILLINGONE_API_URL).origin, apiKey: process.env.BILLINGONE_API_KEY };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'billingone-portal-e2e-'));
  dataDirs.push(dataDir);
  const port = await freePort();
  const match = await start('The reference server', serverBin, { PORT: String(port), HOST: '127.0.0.1', BILLINGONE_DATA_DIR: dataDir, DATABASE_URL: '' }, /API key \(shown once[^)]*\): (\S+)/);
  return { apiUrl: `http://127.0.0.1:${port}`, apiKey: match[1] };
}

/** Adds the portal's origin to the organization's embedding origins (as its Owner would in Organization settings) unless listed. */
async function allowOrigin(apiUrl, apiKey, origin) {
  const keyClient = createSettingsClient({ baseUrl: apiUrl, getToken: () => apiKey });
  const { token } = await keyClient.request(authEndpoints.embedToken, { body: { memberEmail: 'owner@acme.test', ttlSeconds: 60 } });
  const owner = createSettingsClient({ baseUrl: apiUrl, getToken: () => token });
  const { data, etag } = await owner.requestWithMeta(organizationEndpoints.get, {});
  if (data.embedOrigins.includes(origin)) return false;
  await owner.request(organizationEndpoints.update, { body: { embedOrigins: [...data.embedOrigins, origin] }, ifMatch: etag ?? undefined });
  return true;
}

const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

async function main() {
  const { apiUrl, apiKey } = await settingsApi();
  const portalPort = await freePort();
  const portalUrl = `http://127.0.0.1:${portalPort}`;
  if (await allowOrigin(apiUrl, apiKey, portalUrl)) console.log(`Added ${portalUrl} to the organization's embedding origins.`);
  await start('The portal', join(here, 'server.mjs'), { PORT: String(portalPort), HOST: '127.0.0.1', BILLINGONE_API_URL: apiUrl, BILLINGONE_API_KEY: apiKey }, /Northwind MSP portal/);
  console.log(`Settings API ${apiUrl}, portal ${portalUrl}`);

  browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  const apiCalls = [];
  let tokenRequests = 0;
  page.on('request', (request) => {
    if (request.url().startsWith(`${apiUrl}/v1/`)) apiCalls.push({ url: request.url(), authorization: request.headers().authorization });
    if (request.url() === `${portalUrl}/api/billingone-token`) tokenRequests += 1;
  });

  // A deep link while signed out goes through the portal's own sign-in and back.
  await page.goto(`${portalUrl}/portal/settings/profile`);
  await page.getByRole('button', { name: /Olivia Hart/ }).click();
  await page.waitForURL(`${portalUrl}/portal/settings/profile`);

  // The profile section, loaded from the Settings API's origin with the embed token.
  const name = page.locator('billingone-profile').getByLabel('Full name');
  await name.waitFor();
  assert.equal(await name.inputValue(), 'Olivia Hart');
  assert.ok(tokenRequests >= 1, 'the portal asked its backend for an embed token');
  assert.ok(apiCalls.length > 0, 'the page called the Settings API');
  for (const call of apiCalls) assert.match(call.authorization ?? '', /^Bearer bo_et_/, `${call.url} carries the embed token`);
  console.log(`✓ profile rendered across origins: ${apiCalls.length} API calls with a bearer embed token, ${tokenRequests} token exchange(s)`);

  // White-labelling: the portal's tokens on the element win over BillingOne's defaults.
  const look = await page.locator('billingone-settings').evaluate((shell) => {
    const profile = shell.shadowRoot.querySelector('billingone-profile');
    const button = [...profile.shadowRoot.querySelectorAll('[part~="primary-button"]')][0];
    return {
      primary: getComputedStyle(shell).getPropertyValue('--billingone-color-primary').trim(),
      font: getComputedStyle(profile).fontFamily,
      button: button && getComputedStyle(button).backgroundColor,
    };
  });
  assert.equal(look.primary, '#0f766e');
  assert.match(look.font, /Trebuchet MS/);
  assert.equal(look.button, rgb('#0f766e'));
  console.log(`✓ portal branding applied: primary ${look.primary}, button ${look.button}, font ${look.font.split(',')[0]}`);

  // The settings navigation drives the portal's router, and the browser's history works.
  await page.locator('billingone-settings').getByRole('button', { name: 'Team' }).click();
  await page.waitForURL(`${portalUrl}/portal/settings/team`);
  await page.locator('billingone-team').getByText('admin@acme.test').first().waitFor();
  await page.goBack();
  await page.waitForURL(`${portalUrl}/portal/settings/profile`);
  await page.locator('billingone-profile').getByLabel('Full name').waitFor();
  console.log('✓ billingone-navigate → /portal/settings/team, back → /portal/settings/profile');

  // A revoked token: the client asks getToken({ forceRefresh: true }), the portal mints a new one, the request is retried.
  const used = apiCalls.at(-1).authorization.replace(/^Bearer /, '');
  await createSettingsClient({ baseUrl: apiUrl, getToken: () => used }).request(authEndpoints.signOut, {});
  const before = tokenRequests;
  const sessionsLoaded = page.waitForResponse((response) => response.url() === `${apiUrl}/v1/sessions` && response.status() === 200);
  await page.locator('billingone-settings').getByRole('button', { name: 'Sessions' }).click();
  await page.waitForURL(`${portalUrl}/portal/settings/sessions`);
  const retried = await sessionsLoaded;
  assert.equal(tokenRequests, before + 1, 'one new token after the revoked one was refused');
  assert.match(retried.request().headers().authorization, /^Bearer bo_et_/);
  assert.notEqual(retried.request().headers().authorization, `Bearer ${used}`, 'the retry carries the new token');
  console.log('✓ revoked token replaced through getToken({ forceRefresh: true })');

  await page.screenshot({ path: join(tmpdir(), 'msp-portal-react.png'), fullPage: true });
  // The revoked token's 401 (and the browser's console line for it) is expected; nothing else.
  const blocking = problems.filter((text) => !/\b401\b/.test(text));
  assert.deepEqual(blocking, [], 'no errors in the page (CSP included)');
  console.log(`✓ no page errors; screenshot in ${join(tmpdir(), 'msp-portal-react.png')}`);
}

let failed = false;
try {
  await main();
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser?.close().catch(() => undefined);
  await Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM')) : undefined)),
  );
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
