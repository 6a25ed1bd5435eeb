import { afterEach, describe, expect, it } from 'vitest';
import { createPax8Client } from '../providers/pax8-client.js';
import { createPkcePair } from '../providers/pkce.js';
import { createXeroClient, xeroEndpointsAt } from '../providers/xero-client.js';
import {
  PAX8_DEMO_CLIENT_ID,
  PAX8_DEMO_CLIENT_SECRET,
  startSimulators,
  XERO_DEMO_CLIENT_ID,
  XERO_DEMO_CLIENT_SECRET,
  type RunningSimulators,
} from './index.js';

describe('startSimulators', () => {
  let running: RunningSimulators | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('serves both simulators on loopback ports and the clients work over real HTTP', async () => {
    running = await startSimulators();
    expect(running.pax8.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.xero.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.pax8.url).not.toBe(running.xero.url);

    const pax8 = createPax8Client({ baseUrl: running.pax8.url });
    expect(await pax8.testConnection({ clientId: PAX8_DEMO_CLIENT_ID, clientSecret: PAX8_DEMO_CLIENT_SECRET })).toEqual({
      ok: true,
      companyCount: 25,
    });

    const xero = createXeroClient({
      clientId: XERO_DEMO_CLIENT_ID,
      clientSecret: XERO_DEMO_CLIENT_SECRET,
      endpoints: xeroEndpointsAt(running.xero.url),
    });
    const pkce = createPkcePair();
    const redirectUri = 'http://127.0.0.1:9/callback';
    const authorize = xero.buildAuthorizeUrl({ redirectUri, state: 'st', codeChallenge: pkce.codeChallenge });
    const page = await fetch(authorize);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Allow access');
    const code = new URL(await running.xero.control.consent(authorize)).searchParams.get('code') ?? '';
    const tokens = await xero.exchangeCode({ code, redirectUri, codeVerifier: pkce.codeVerifier });
    const [connection] = await xero.connections(tokens.accessToken);
    const invoices = await xero.fetchInvoices({ tenantId: connection?.tenantId ?? '', accessToken: tokens.accessToken });
    expect(invoices).toHaveLength(260);
  });

  it('stops serving after close', async () => {
    running = await startSimulators();
    const url = `${running.pax8.url}/v1/companies`;
    expect((await fetch(url)).status).toBe(401);
    await running.close();
    running = undefined;
    await expect(fetch(url)).rejects.toThrow();
  });

  it('refuses a port in use and leaves nothing running', async () => {
    running = await startSimulators();
    const taken = Number(new URL(running.xero.url).port);
    await expect(startSimulators({ xeroPort: taken })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await expect(startSimulators({ pax8Port: -1 })).rejects.toThrow(/pax8Port must be a whole number/);
  });
});
