/**
 * Pax8 and Xero integrations: provider configuration (`deps.providers`), the sync scheduler and
 * the pieces the routes in src/routes/integrations.ts are built from.
 */
export { startSyncScheduler, type SyncScheduler, type SyncSchedulerOptions } from './scheduler.js';
export { xeroEndpointsOf, type Pax8ProviderConfig, type XeroProviderConfig } from './providers.js';
export { integrationEnv, processLocks, type IntegrationEnv } from './env.js';
export { runSync } from './sync.js';
export { XERO_RETURN_PATH, OAUTH_STATE_TTL_MS } from './xero-oauth.js';
export { SYNC_INTERVAL_MS } from './store.js';
export { nameSimilarity, normalizeName } from '@billingone/settings-core/implementation';
