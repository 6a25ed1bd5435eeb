import { createSettingsStores } from '@billingone/settings-core';
import type { SettingsClient, SettingsStores } from '../context.js';

const storesByClient = new WeakMap<SettingsClient, SettingsStores>();

/**
 * The stores over a client, created once per client: every element given the same client (or inside
 * the same provider) shares one cache, so a change saved in one section shows in the others.
 */
export function storesFor(client: SettingsClient): SettingsStores {
  let stores = storesByClient.get(client);
  if (!stores) {
    stores = createSettingsStores(client);
    storesByClient.set(client, stores);
  }
  return stores;
}
