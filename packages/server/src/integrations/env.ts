import type { AppDeps, Logger } from '../app/deps.js';
import { consoleLogger } from '../app/deps.js';
import type { Db } from '../db/types.js';
import { realSleep, type Sleep } from '../providers/http.js';
import type { Pax8Client } from '../providers/pax8-client.js';
import type { XeroClient } from '../providers/xero-client.js';
import type { SecretBox } from '../security/crypto.js';
import { createKeyedMutex, type KeyedMutex } from './keyed-mutex.js';
import { createPax8ProviderClient, createXeroProviderClient, type XeroProviderConfig } from './providers.js';

/** What the integration code runs on, in a request or in the scheduler. */
export interface IntegrationEnv {
  db: Db;
  secrets: SecretBox;
  clock: () => Date;
  logger: Logger;
  /** Null when the server has no Pax8 configuration. */
  pax8: Pax8Client | null;
  /** Null when the server has no Xero app configured. */
  xero: { client: XeroClient; config: XeroProviderConfig } | null;
  /** Per-connection locks of this process (Xero token rotation). */
  locks: KeyedMutex;
  /** Waits between checks while another process holds a Xero refresh lease. */
  sleep: Sleep;
}

/** One set of locks per process: the API and the scheduler of a process share them. */
export const processLocks: KeyedMutex = createKeyedMutex();

type EnvDeps = Pick<AppDeps, 'db' | 'secrets' | 'clock' | 'logger' | 'providers'>;

const cache = new WeakMap<object, IntegrationEnv>();

/**
 * The integration environment of an app's dependencies (made once per deps object, so provider
 * clients and their token caches live as long as the app).
 */
export function integrationEnv(deps: EnvDeps, overrides: Partial<Pick<IntegrationEnv, 'locks' | 'sleep'>> = {}): IntegrationEnv {
  const cached = Object.keys(overrides).length === 0 ? cache.get(deps) : undefined;
  if (cached) return cached;
  const clock = deps.clock ?? (() => new Date());
  const now = () => clock().getTime();
  const pax8Config = deps.providers?.pax8;
  const xeroConfig = deps.providers?.xero;
  const env: IntegrationEnv = {
    db: deps.db,
    secrets: deps.secrets,
    clock,
    logger: deps.logger ?? consoleLogger,
    pax8: pax8Config ? createPax8ProviderClient(pax8Config, now) : null,
    xero: xeroConfig ? { client: createXeroProviderClient(xeroConfig, now), config: xeroConfig } : null,
    locks: overrides.locks ?? processLocks,
    sleep: overrides.sleep ?? realSleep,
  };
  if (Object.keys(overrides).length === 0) cache.set(deps, env);
  return env;
}
