import { SettingsApiError } from '../client/errors.js';
import type { RequestInput, SettingsClient } from '../client/types.js';
import type { Endpoint, EndpointResponse } from '../endpoint.js';
import type { PageOf } from '../schemas/common.js';
import { createPagedStore, type PageFilter, type PageItem, type PagedStore, type PagedStoreOptions } from './paged-store.js';
import { createResourceStore, type ResourceStore } from './resource-store.js';

/**
 * Stores are keyed by the endpoint that loads them, so a section's bundle carries only the schemas
 * of the endpoints it imports (the registry itself imports none).
 */
type PagedEndpoint<E extends Endpoint> = EndpointResponse<E> extends PageOf<unknown> ? E : never;

export interface MutateOptions {
  /** Endpoints whose stores (singletons and every live list) are invalidated once the mutation succeeded. */
  invalidates?: Endpoint[];
}

export type MutateArgs<E extends Endpoint> = {} extends RequestInput<E>
  ? [input?: RequestInput<E>, options?: MutateOptions]
  : [input: RequestInput<E>, options?: MutateOptions];

export interface SettingsStores {
  /** The shared store of a GET singleton (`/me`, `/profile`, `/organization`…), created on first use. */
  resource<E extends Endpoint>(endpoint: E): ResourceStore<EndpointResponse<E>>;
  /** A new cursor-paged list (members, audit log, login history, sync runs); every list of an endpoint is invalidated together. */
  list<E extends Endpoint>(endpoint: PagedEndpoint<E>, options?: PagedStoreOptions<E>): PagedStore<PageItem<E>, PageFilter<E>>;
  /**
   * Runs a mutation, then invalidates the stores of `invalidates`. Writes to a mutable singleton (organization,
   * branding, notification preferences) send its ETag as If-Match unless `ifMatch` is given, store the
   * answer with its new ETag, and reload the singleton after a 412.
   */
  mutate<E extends Endpoint>(endpoint: E, ...args: MutateArgs<E>): Promise<EndpointResponse<E>>;
  /** Invalidates the stores loaded by these endpoints. */
  invalidate(...endpoints: Endpoint[]): void;
}

/** The stores of the settings sections over one client. */
export function createSettingsStores(client: SettingsClient): SettingsStores {
  const singletons = new Map<Endpoint, ResourceStore<unknown>>();
  // Lists are created per use and held weakly so that forgotten ones can be collected.
  const liveLists = new Map<Endpoint, Set<WeakRef<PagedStore<unknown, unknown>>>>();

  function resource(endpoint: Endpoint): ResourceStore<unknown> {
    let store = singletons.get(endpoint);
    if (!store) {
      store = createResourceStore<unknown>({
        load: (signal) => (endpoint.etag ? client.requestWithMeta(endpoint, { signal } as never) : client.request(endpoint, { signal } as never)),
      });
      singletons.set(endpoint, store);
    }
    return store;
  }

  function list(endpoint: Endpoint, options: PagedStoreOptions<Endpoint> = {}): PagedStore<unknown, unknown> {
    const store = createPagedStore(client, endpoint as never, options) as PagedStore<unknown, unknown>;
    let refs = liveLists.get(endpoint);
    if (!refs) liveLists.set(endpoint, (refs = new Set()));
    refs.add(new WeakRef(store));
    return store;
  }

  function invalidate(...endpoints: Endpoint[]): void {
    for (const endpoint of endpoints) {
      singletons.get(endpoint)?.invalidate();
      const refs = liveLists.get(endpoint);
      for (const ref of refs ?? []) {
        const store = ref.deref();
        if (store) store.invalidate();
        else refs!.delete(ref);
      }
    }
  }

  /** The singleton a write applies to: an ETag-carrying GET of the same path. */
  function singletonFor(endpoint: Endpoint): { store: ResourceStore<unknown>; sameShape: boolean } | undefined {
    if (!endpoint.etag) return undefined;
    for (const [loader, store] of singletons) {
      if (loader.etag && loader.path === endpoint.path) return { store, sameShape: loader.response === endpoint.response };
    }
    return undefined;
  }

  async function mutate(endpoint: Endpoint, input: Record<string, unknown> = {}, options: MutateOptions = {}): Promise<unknown> {
    const target = singletonFor(endpoint);
    const ifMatch = input.ifMatch !== undefined ? input.ifMatch : (target?.store.getState().etag ?? undefined);
    try {
      const { data, etag } = await client.requestWithMeta(endpoint, { ...input, ifMatch } as never);
      if (target?.sameShape && data !== undefined) target.store.set(data, etag);
      invalidate(...(options.invalidates ?? []));
      return data;
    } catch (error) {
      if (target && error instanceof SettingsApiError && error.status === 412) target.store.invalidate();
      throw error;
    }
  }

  return { resource, list, mutate, invalidate } as unknown as SettingsStores;
}
