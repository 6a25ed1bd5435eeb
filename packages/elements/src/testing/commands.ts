import type { BrowserCommand } from 'vitest/node';
import { testServer } from './server-handle.js';

/** Browser commands (run in Node, called from tests through `commands` of `vitest/browser`). */
export const resetDemoData: BrowserCommand<[]> = async () => {
  await testServer().reset();
};

export const embedToken: BrowserCommand<[memberEmail: string, ttlSeconds?: number]> = (_context, memberEmail, ttlSeconds) =>
  testServer().embedToken(memberEmail, ttlSeconds);

export const queryDemoDatabase: BrowserCommand<[sql: string, params?: unknown[]]> = (_context, sql, params) => testServer().query(sql, params);

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Empties the reference server's database and seeds the demo organization again. */
    resetDemoData(): Promise<void>;
    /**
     * Runs SQL on the reference database, for setup the API refuses on purpose (e.g. requiring MFA
     * while the owner has none). Prefer the API for everything else.
     */
    queryDemoDatabase(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
    /** A bearer embed token for a member, as a host's backend gets one with the organization API key. */
    embedToken(memberEmail: string, ttlSeconds?: number): Promise<string>;
  }
}
