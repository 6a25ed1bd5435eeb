import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Logger } from '../app/deps.js';
import { createSimulatedProviders, type SimulatedProviders } from '../integrations/testing/providers.js';
import { createTestServer, type RequestOptions, type TestResponse, type TestServer } from './harness.js';

export interface RecordedTestServer {
  /** The app over its database (there from `beforeAll` on). */
  readonly server: TestServer;
  /** The Pax8 and Xero simulators the app calls, on the server's clock. */
  readonly sim: SimulatedProviders;
  /** In the current test: every response text read with `call` and every log line (`level message {fields}`). */
  readonly seen: string[];
  /** The app's logger, which writes into `seen`. */
  readonly logger: Logger;
  /** `server.request`, with the response text kept in `seen`. */
  call(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
}

/**
 * A test server on simulated Pax8 and Xero for one test file, keeping what it answers and logs so
 * tests can search it for secrets. Registers its own hooks: opened in `beforeAll`, the server,
 * the simulators and `seen` reset in `beforeEach`, closed in `afterAll`.
 */
export function useRecordedTestServer(options: Omit<Parameters<typeof createSimulatedProviders>[0], 'now'> = {}): RecordedTestServer {
  let server: TestServer | undefined;
  const opened = (): TestServer => {
    if (!server) throw new Error('The test server opens in beforeAll.');
    return server;
  };
  const sim = createSimulatedProviders({ ...options, now: () => opened().clock().getTime() });
  const seen: string[] = [];
  const record = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    seen.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') };

  beforeAll(async () => {
    server = await createTestServer({ deps: { providers: sim.providers, logger } });
  });
  beforeEach(async () => {
    await opened().reset();
    sim.reset();
    seen.length = 0;
  });
  afterAll(() => server?.close());

  return {
    get server() {
      return opened();
    },
    sim,
    seen,
    logger,
    async call(method, path, options = {}) {
      const res = await opened().request(method, path, options);
      seen.push(res.text);
      return res;
    },
  };
}
