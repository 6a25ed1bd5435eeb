/** The reference server started by the global setup, reachable from browser commands (same Node process). */
export interface TestServerHandle {
  /** Direct URL of the API (the page reaches it through the `/v1` proxy). */
  readonly apiUrl: string;
  /** Empties the database and seeds the demo organization again. */
  reset(): Promise<void>;
  /** Runs SQL on the reference database (test setup the API refuses on purpose, e.g. states only reachable over time). */
  query(sql: string, params?: unknown[]): Promise<unknown[]>;
  /** A bearer embed token for a member, minted with the organization API key (as a host's backend does). */
  embedToken(memberEmail: string, ttlSeconds?: number): Promise<string>;
}

export const testServerKey = Symbol.for('billingone.settings.test-server');

export function testServer(): TestServerHandle {
  const handle = (globalThis as Record<symbol, unknown>)[testServerKey] as TestServerHandle | undefined;
  if (!handle) throw new Error('The reference server is not running: the global setup (src/testing/global-setup.ts) starts it.');
  return handle;
}

declare module 'vitest' {
  interface ProvidedContext {
    billingoneApiUrl: string;
  }
}
