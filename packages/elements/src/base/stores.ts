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

/** The stores of an element whose user actions need the API: a clear error names the element when there are none. */
export function requireStores(stores: SettingsStores | undefined, tagName: string): SettingsStores {
  if (!stores) throw new Error(`<${tagName}> has no Settings API client: set its \`client\` property or place it inside <billingone-provider>.`);
  return stores;
}
