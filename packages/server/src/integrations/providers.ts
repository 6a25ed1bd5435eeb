import type { FetchLike, RetryPolicy, Sleep } from '../providers/http.js';
import { createPax8Client, type Pax8Client } from '../providers/pax8-client.js';
import { createXeroClient, XERO_ENDPOINTS, type XeroClient, type XeroEndpoints } from '../providers/xero-client.js';

/** Where the Pax8 Partner API is and how to reach it. */
export interface Pax8ProviderConfig {
  /** Origin of the API, e.g. `https://api.pax8.com` or a simulator's URL. */
  baseUrl: string;
  /** The token endpoint when it is not `<baseUrl>/v1/token` (Pax8's own is `https://login.pax8.com/oauth/token`). */
  tokenUrl?: string;
  fetch?: FetchLike;
  /** How waits between retries are made (tests pass one that does not wait). */
  sleep?: Sleep;
  retry?: Partial<RetryPolicy>;
  /** Page size while syncing (default and maximum 200). */
  pageSize?: number;
  timeoutMs?: number;
}

/** The BillingOne app registered with Xero, and where Xero is. */
export interface XeroProviderConfig {
  /**
   * Origin of Xero's identity service (token and revocation endpoints), `https://identity.xero.com`
   * for the real one. A simulator serves the consent page from the same origin.
   */
  identityUrl: string;
  /** Origin of `/connections` and the Accounting API, `https://api.xero.com` for the real one. */
  apiUrl: string;
  /** The consent page; defaults to Xero's (`login.xero.com`) or `<identityUrl>/identity/connect/authorize`. */
  authorizeUrl?: string;
  clientId: string;
  clientSecret: string;
  fetch?: FetchLike;
  sleep?: Sleep;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
}

declare module '../app/deps.js' {
  interface AppProviders {
    pax8: Pax8ProviderConfig;
    xero: XeroProviderConfig;
  }
}

/** The Xero endpoints a configuration names. */
export function xeroEndpointsOf(config: XeroProviderConfig): XeroEndpoints {
  const identity = config.identityUrl.replace(/\/+$/, '');
  const real = identity === 'https://identity.xero.com';
  return {
    authorize: config.authorizeUrl ?? (real ? XERO_ENDPOINTS.authorize : `${identity}/identity/connect/authorize`),
    token: `${identity}/connect/token`,
    revocation: `${identity}/connect/revocation`,
    api: config.apiUrl.replace(/\/+$/, ''),
  };
}

/**
 * The Pax8 client sends its token request to `<baseUrl>/v1/token`; with a separate `tokenUrl`
 * that one request is sent there instead.
 */
function pax8Fetch(config: Pax8ProviderConfig): FetchLike | undefined {
  const base = config.fetch ?? ((input: string, init?: RequestInit) => fetch(input, init));
  if (!config.tokenUrl) return config.fetch;
  const defaultTokenUrl = `${config.baseUrl.replace(/\/+$/, '')}/v1/token`;
  const tokenUrl = config.tokenUrl;
  return (input, init) => base(input === defaultTokenUrl ? tokenUrl : input, init);
}

export function createPax8ProviderClient(config: Pax8ProviderConfig, now: () => number): Pax8Client {
  return createPax8Client({
    baseUrl: config.baseUrl,
    fetch: pax8Fetch(config),
    sleep: config.sleep,
    retry: config.retry,
    pageSize: config.pageSize,
    timeoutMs: config.timeoutMs,
    now,
  });
}

export function createXeroProviderClient(config: XeroProviderConfig, now: () => number): XeroClient {
  return createXeroClient({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    endpoints: xeroEndpointsOf(config),
    fetch: config.fetch,
    sleep: config.sleep,
    retry: config.retry,
    timeoutMs: config.timeoutMs,
    now,
  });
}
