import { toSettingsError, type SettingsError } from '../client/errors.js';
import type { SettingsClient } from '../client/types.js';
import type { Endpoint, EndpointParams, EndpointQuery, EndpointResponse } from '../endpoint.js';
import type { PageOf } from '../schemas/common.js';
import { createStateCell, type Readable, type StoreStatus } from './state.js';

export interface PagedState<Item, Filter> {
  /** `loading` covers the first page, a filter change and `loadMore`. */
  readonly status: StoreStatus;
  /** Every item loaded so far for the current filter. */
  readonly items: readonly Item[];
  /** Cursor of the next page; null on the last page (and before the first load). */
  readonly nextCursor: string | null;
  readonly filter: Filter;
  readonly error: SettingsError | undefined;
  /** Total matching items, when the API tells. */
  readonly total?: number;
}

export interface PagedStore<Item, Filter> extends Readable<PagedState<Item, Filter>> {
  /** Loads the first page for a new filter, cancelling any load under way (its page never lands). */
  setFilter(filter: Filter): Promise<void>;
  /** Loads the next page (the first one on an idle store). Calls while a page loads share it. */
  loadMore(): Promise<void>;
  /** Loads the first page again with the current filter, keeping the items shown until it arrives. */
  reload(): Promise<void>;
  /** Reloads if anyone is subscribed; otherwise forgets the items so the next use loads afresh. */
  invalidate(): void;
}

/** The item type of a paged endpoint. */
export type PageItem<E> = EndpointResponse<E> extends PageOf<infer Item> ? Item : never;
/** The filter of a paged endpoint: its query without `cursor` and `limit`. */
export type PageFilter<E> = Omit<NonNullable<EndpointQuery<E>>, 'cursor' | 'limit'>;

export interface PagedStoreOptions<E> {
  filter?: PageFilter<E>;
  /** Path parameters, e.g. `{ provider: 'pax8' }` for sync runs. */
  params?: EndpointParams<E>;
  /** Items per page (default 50). */
  pageSize?: number;
}

/**
 * A cursor-paged list over a paged endpoint (members, audit log, login history, sync runs).
 * Each promise resolves when its page landed or was superseded; failures go to `state.error`, never reject.
 */
export function createPagedStore<E extends Endpoint>(
  client: SettingsClient,
  endpoint: EndpointResponse<E> extends PageOf<unknown> ? E : never,
  options: PagedStoreOptions<E> = {},
): PagedStore<PageItem<E>, PageFilter<E>> {
  type Item = PageItem<E>;
  type Filter = PageFilter<E>;
  const pageSize = options.pageSize ?? 50;
  const cell = createStateCell<PagedState<Item, Filter>>({
    status: 'idle', items: [], nextCursor: null, filter: (options.filter ?? {}) as Filter, error: undefined,
  });
  let generation = 0;
  let inflight: { promise: Promise<void>; controller: AbortController } | undefined;

  function cancel(): void {
    inflight?.controller.abort();
    inflight = undefined;
    generation++;
  }

  function fetchPage(mode: 'first' | 'next', clear = false): Promise<void> {
    cancel();
    const current = generation;
    const controller = new AbortController();
    const before = cell.getState();
    const cursor = mode === 'next' ? (before.nextCursor ?? undefined) : undefined;
    cell.set({ ...before, status: 'loading', error: undefined, ...(clear ? { items: [], nextCursor: null, total: undefined } : {}) });
    const request = client.request(endpoint as Endpoint, {
      params: options.params as Record<string, unknown> | undefined,
      query: { ...before.filter, cursor, limit: pageSize },
      signal: controller.signal,
    } as never) as Promise<PageOf<Item>>;
    const promise = request.then(
      (page) => {
        if (current !== generation) return;
        inflight = undefined;
        const state = cell.getState();
        cell.set({
          ...state, status: 'ready', error: undefined, nextCursor: page.nextCursor, total: page.total ?? state.total,
          items: mode === 'first' ? page.items : [...state.items, ...page.items],
        });
      },
      (error: unknown) => {
        if (current !== generation) return;
        inflight = undefined;
        cell.set({ ...cell.getState(), status: 'error', error: toSettingsError(error) });
      },
    );
    inflight = { promise, controller };
    return promise;
  }

  const store: PagedStore<Item, Filter> = {
    getState: cell.getState,
    subscribe: cell.subscribe,
    setFilter(filter) {
      const state = cell.getState();
      if (shallowEqual(filter, state.filter) && state.status !== 'idle' && state.status !== 'error') {
        return inflight?.promise ?? Promise.resolve();
      }
      cell.set({ ...state, filter });
      return fetchPage('first', true);
    },
    loadMore() {
      if (inflight) return inflight.promise;
      const state = cell.getState();
      if (state.status === 'idle' || (state.status === 'error' && state.items.length === 0)) return fetchPage('first');
      if (state.nextCursor === null) return Promise.resolve();
      return fetchPage('next');
    },
    reload: () => fetchPage('first'),
    invalidate() {
      if (cell.listenerCount > 0) {
        fetchPage('first').catch(() => undefined);
        return;
      }
      cancel();
      cell.set({ ...cell.getState(), status: 'idle', items: [], nextCursor: null, total: undefined, error: undefined });
    },
  };
  return store;
}

function shallowEqual(a: object, b: object): boolean {
  const left = Object.entries(a).filter(([, value]) => value !== undefined);
  const right = Object.entries(b).filter(([, value]) => value !== undefined);
  return left.length === right.length && left.every(([key, value]) => (b as Record<string, unknown>)[key] === value);
}
