import type { Sleep } from '../../providers/http.js';
import { createPax8Simulator, PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET, type Pax8Simulator } from '../../simulators/pax8.js';
import { simulatorFetch } from '../../simulators/fetch-adapter.js';
import { createXeroSimulator, XERO_DEMO_CLIENT_ID, XERO_DEMO_CLIENT_SECRET, type XeroSimulator } from '../../simulators/xero.js';
import type { Pax8ProviderConfig, XeroProviderConfig } from '../providers.js';

export const PAX8_URL = 'http://pax8.simulator';
export const XERO_URL = 'http://xero.simulator';
export { PAX8_DEMO_CLIENT_ID, PAX8_DEMO_CLIENT_SECRET };

/** One request the API sent to a simulator, headers included (the simulators' own logs keep no headers). */
export interface SentRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string | null;
}

export interface SimulatedProviders {
  providers: { pax8: Pax8ProviderConfig; xero: XeroProviderConfig };
  pax8: Pax8Simulator;
  xero: XeroSimulator;
  sent: SentRequest[];
  /** The waits the clients asked for (429 Retry-After, 5xx back-off), in milliseconds; nobody waits. */
  waits: number[];
  /** Resets both simulators and the logs. */
  reset(): void;
}

const behind = new WeakMap<object, SimulatedProviders>();

/** The simulators behind an app's `providers` made by `createSimulatedProviders`, if they are. */
export function simulatorsBehind(providers: object | undefined): SimulatedProviders | undefined {
  return providers ? behind.get(providers) : undefined;
}

/**
 * Pax8 and Xero simulators wired into the API in memory (a `fetch` that calls their Hono apps),
 * on the test clock, with retries that do not wait.
 */
export function createSimulatedProviders(options: { now: () => number; pax8PageSize?: number; xeroTenantIds?: (tenantIds: string[]) => string[] }): SimulatedProviders {
  const pax8 = createPax8Simulator({ now: options.now });
  const probe = createXeroSimulator({ now: options.now });
  const xero = options.xeroTenantIds
    ? createXeroSimulator({ now: options.now, userTenantIds: options.xeroTenantIds(probe.control.tenants.map((t) => t.tenantId)) })
    : probe;
  const sent: SentRequest[] = [];
  const waits: number[] = [];
  const sleep: Sleep = async (ms) => {
    waits.push(ms);
  };
  const recording = (app: Parameters<typeof simulatorFetch>[0]) => {
    const inner = simulatorFetch(app);
    return async (input: string, init: RequestInit = {}) => {
      sent.push({ method: init.method ?? 'GET', url: input, headers: new Headers(init.headers), body: typeof init.body === 'string' ? init.body : null });
      return inner(input, init);
    };
  };
  const simulated: SimulatedProviders = {
    providers: {
      pax8: { baseUrl: PAX8_URL, fetch: recording(pax8.app), sleep, pageSize: options.pax8PageSize },
      xero: {
        identityUrl: XERO_URL,
        apiUrl: XERO_URL,
        clientId: XERO_DEMO_CLIENT_ID,
        clientSecret: XERO_DEMO_CLIENT_SECRET,
        fetch: recording(xero.app),
        sleep,
      },
    },
    pax8,
    xero,
    sent,
    waits,
    reset() {
      pax8.control.reset();
      xero.control.reset();
      sent.length = 0;
      waits.length = 0;
    },
  };
  behind.set(simulated.providers, simulated);
  return simulated;
}
