import { serve, type ServerType } from '@hono/node-server';
import { createPax8Simulator, type Pax8SimulatorControl, type Pax8SimulatorOptions } from './pax8.js';
import { createXeroSimulator, type XeroSimulatorControl, type XeroSimulatorOptions } from './xero.js';

export * from './pax8.js';
export * from './xero.js';
export { createPax8Dataset, type Pax8Dataset } from './pax8-data.js';
export { createXeroTenants, XERO_SEED_LATEST, type XeroTenant } from './xero-data.js';
export { simulatorFetch } from './fetch-adapter.js';
export type { RateLimitOnce, RecordedRequest } from './common.js';

export interface StartSimulatorsOptions {
  /** Port for the Pax8 simulator; 0 (the default) picks a free one. */
  pax8Port?: number;
  /** Port for the Xero simulator; 0 (the default) picks a free one. */
  xeroPort?: number;
  pax8?: Pax8SimulatorOptions;
  xero?: XeroSimulatorOptions;
}

export interface RunningSimulators {
  /** `url` is the origin to use as the Pax8 client's `baseUrl`. */
  pax8: { url: string; control: Pax8SimulatorControl };
  /** `url` is the origin to pass to `xeroEndpointsAt`. */
  xero: { url: string; control: XeroSimulatorControl };
  /** Stops both servers and drops open connections. */
  close(): Promise<void>;
}

/** Serves both simulators on 127.0.0.1 (loopback only) with @hono/node-server. */
export async function startSimulators(options: StartSimulatorsOptions = {}): Promise<RunningSimulators> {
  const pax8 = createPax8Simulator(options.pax8);
  const xero = createXeroSimulator(options.xero);
  const pax8Server = await listen(pax8.app.fetch, options.pax8Port ?? 0, 'pax8Port');
  let xeroServer: Listening;
  try {
    xeroServer = await listen(xero.app.fetch, options.xeroPort ?? 0, 'xeroPort');
  } catch (error) {
    await stop(pax8Server.server);
    throw error;
  }
  return {
    pax8: { url: pax8Server.url, control: pax8.control },
    xero: { url: xeroServer.url, control: xero.control },
    close: async () => {
      await Promise.all([stop(pax8Server.server), stop(xeroServer.server)]);
    },
  };
}

interface Listening {
  url: string;
  server: ServerType;
}

function listen(fetch: (request: Request) => Response | Promise<Response>, port: number, name: string): Promise<Listening> {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return Promise.reject(new RangeError(`${name} must be a whole number from 0 to 65535, got ${port}`));
  }
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: '127.0.0.1' }, (info) => {
      server.off('error', reject);
      resolve({ url: `http://127.0.0.1:${info.port}`, server });
    });
    server.once('error', reject);
  });
}

function stop(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close((error) => (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING' ? reject(error) : resolve()));
  });
}
