import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.js';
import { startSyncScheduler, type SyncScheduler } from './scheduler.js';
import { createSimulatedProviders, PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET } from './testing/providers.js';

let t: TestServer;
let scheduler: SyncScheduler | null = null;
const sim = createSimulatedProviders({ now: () => t.clock().getTime() });
const quiet = { info() {}, warn() {}, error() {} };

beforeAll(async () => {
  t = await createTestServer({ deps: { providers: sim.providers, logger: quiet } });
});
beforeEach(async () => {
  await t.reset();
  sim.reset();
});
afterAll(async () => {
  await scheduler?.stop();
  await t.close();
});

async function runs() {
  const res = await t.request('GET', '/integrations/pax8/syncs', { as: 'viewer' });
  return res.body.items as { trigger: string; status: string; startedAt: string }[];
}

it('runs due syncs as scheduled ones, then every 6 hours, and leaves integrations that need the member alone', async () => {
  expect((await t.request('PUT', '/integrations/pax8', { as: 'admin', body: { clientId: PAX8_DEMO_CLIENT_ID, clientSecret: PAX8_DEMO_CLIENT_SECRET } })).status).toBe(200);
  scheduler = startSyncScheduler({ db: t.db, deps: { secrets: t.secrets, clock: t.clock, providers: sim.providers, logger: quiet }, intervalMs: 3_600_000 });

  // Saved credentials make the first sync due at once.
  expect(await scheduler.tick()).toBe(1);
  expect(await runs()).toEqual([expect.objectContaining({ trigger: 'scheduled', status: 'succeeded' })]);
  const card = (await t.request('GET', '/integrations', { as: 'viewer' })).body.items[0];
  expect(card).toMatchObject({ status: 'connected', counts: { companies: 25, products: 40, subscriptions: 120 } });
  expect(new Date(card.nextSyncAt).getTime() - t.clock().getTime()).toBe(6 * 3600_000);

  expect(await scheduler.tick()).toBe(0);
  t.clock.advance(6 * 3600_000 - 1000);
  expect(await scheduler.tick()).toBe(0);
  t.clock.advance(1000);
  expect(await scheduler.tick()).toBe(1);
  expect(await runs()).toHaveLength(2);

  // Refused credentials: needs_reauth, and no more scheduled attempts.
  sim.pax8.control.setMode({ revoked: true });
  t.clock.advance(6 * 3600_000);
  expect(await scheduler.tick()).toBe(1);
  expect((await runs())[0]).toMatchObject({ status: 'failed' });
  t.clock.advance(6 * 3600_000);
  expect(await scheduler.tick()).toBe(0);

  // A tick in progress is shared, not doubled.
  sim.pax8.control.setMode({ revoked: false });
  await t.request('PUT', '/integrations/pax8', { as: 'admin', body: { clientId: PAX8_DEMO_CLIENT_ID } });
  const [a, b] = await Promise.all([scheduler.tick(), scheduler.tick()]);
  expect([a, b]).toEqual([1, 1]);
  expect(await runs()).toHaveLength(4);
  await scheduler.stop();
  scheduler = null;
});
