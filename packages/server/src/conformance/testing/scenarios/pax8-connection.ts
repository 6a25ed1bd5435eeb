import { api, type EndpointResponse } from '@billingone/settings-core';
import type { TargetCredentials } from '../credentials.js';
import type { ApiClient, CookieSession } from '../http.js';

type Integration = EndpointResponse<typeof api.integrations.list>['items'][number];

const active = (integration: Integration) => integration.status === 'connected' || integration.status === 'syncing';

/**
 * The target's Pax8 connection, as the suite may use it: when Pax8 was not configured at the start
 * of the run and the suite holds credentials the target accepts, it connects and disconnects at
 * will and disconnects at the end; a connection someone else made is only ever re-saved with its
 * stored secret.
 */
export class Pax8Connection {
  private owned: Promise<boolean> | null = null;

  constructor(
    private readonly client: ApiClient,
    private readonly owner: () => Promise<CookieSession>,
    readonly credentials: TargetCredentials['pax8'],
  ) {
    client.remember(credentials?.clientSecret);
  }

  async status(): Promise<Integration> {
    const { items } = await this.client.must(api.integrations.list, {}, await this.owner());
    const pax8 = items.find((item) => item.provider === 'pax8');
    if (!pax8) throw new Error('GET /integrations lists no pax8 entry.');
    return pax8;
  }

  /** Decided on first call (make it before anything else touches Pax8). */
  owns(): Promise<boolean> {
    this.owned ??= this.status().then((pax8) => pax8.status === 'not_configured' && this.credentials !== undefined);
    return this.owned;
  }

  /** Whether Pax8 is connected now, connecting it when the suite owns it; false when it cannot be. */
  async connect(): Promise<boolean> {
    const owns = await this.owns();
    if (active(await this.status())) return true;
    if (!owns) return false;
    const res = await this.client.send(api.integrations.savePax8, { body: this.credentials }, await this.owner());
    if (res.status !== 200) throw new Error(`Connecting Pax8 with the configured credentials answered ${res.status}: ${res.text.slice(0, 300)}`);
    return true;
  }

  /** Waits for a running sync (a scheduled one, say) to end. */
  async idle(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ((await this.status()).status === 'syncing') {
      if (Date.now() > until) throw new Error('A Pax8 sync has been running for over 30 seconds.');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Disconnects what the suite connected. */
  async release(): Promise<void> {
    if (!(await this.owns()) || (await this.status()).status === 'not_configured') return;
    await this.idle();
    await this.client.must(api.integrations.disconnect, { params: { provider: 'pax8' } }, await this.owner());
  }
}
