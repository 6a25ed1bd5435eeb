import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createSecretBox, createSettingsApi, seed, startSimulators, XERO_DEMO_CLIENT_ID, XERO_DEMO_CLIENT_SECRET } from '../../index.js';
import { openTestDatabase } from '../../testing/database.js';
import { demoCredentials } from './defaults.js';
import type { Target } from './target.js';

/** Only errors are worth seeing while the suite runs (a 5xx logs its stack here). */
const logger = {
  info() {},
  warn() {},
  error(message: string, fields?: Record<string, unknown>) {
    console.error(message, fields ?? '');
  },
};

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server, port: info.port }));
    server.once('error', reject);
  });
}

function close(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close(() => resolve());
  });
}

/**
 * The reference server over HTTP on a loopback port: a fresh database (in-memory PGlite, or a
 * database of its own next to `DATABASE_URL`), seeded with the demo organization, and the Pax8
 * and Xero simulators. The listener starts first so the API knows its public URL.
 */
export async function startInProcessTarget(): Promise<Target> {
  const database = await openTestDatabase();
  const simulators = await startSimulators();
  let app: { fetch: (request: Request) => Response | Promise<Response> } | null = null;
  const { server, port } = await listen((request) => app?.fetch(request) ?? new Response('Starting', { status: 503 }));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    const seeded = await seed(database.db);
    app = createSettingsApi({
      db: database.db,
      secrets: createSecretBox(randomBytes(32)),
      publicUrl: baseUrl,
      logger,
      mailer: { async sendInvitation() {} },
      webauthn: { rpId: '127.0.0.1', rpName: 'BillingOne', origins: [baseUrl] },
      providers: {
        pax8: { baseUrl: simulators.pax8.url },
        xero: { identityUrl: simulators.xero.url, apiUrl: simulators.xero.url, clientId: XERO_DEMO_CLIENT_ID, clientSecret: XERO_DEMO_CLIENT_SECRET },
      },
    });
    return {
      baseUrl,
      origin: baseUrl,
      credentials: { ...demoCredentials, apiKey: seeded.apiKey },
      description: `in-process reference server on ${baseUrl} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`,
      async close() {
        await close(server);
        await simulators.close();
        await database.dispose();
      },
    };
  } catch (error) {
    await close(server);
    await simulators.close();
    await database.dispose();
    throw error;
  }
}
