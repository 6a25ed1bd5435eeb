export type { StoreStatus, Listener, Readable } from './state.js';
export { createResourceStore, type ResourceStore, type ResourceStoreOptions, type StoreState, type Loaded } from './resource-store.js';
export { createPagedStore, type PagedStore, type PagedState, type PagedStoreOptions, type PageItem, type PageFilter } from './paged-store.js';
export { createSettingsStores, type SettingsStores, type MutateOptions, type MutateArgs } from './settings-stores.js';
