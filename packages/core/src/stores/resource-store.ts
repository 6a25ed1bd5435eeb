import { SettingsApiError, toSettingsError, type SettingsError } from '../client/errors.js';
import { createStateCell, withSignal, type Readable, type StoreStatus } from './state.js';

export interface StoreState<T> {
  readonly status: StoreStatus;
  /** The last data loaded (kept while reloading and after a failed reload). */
  readonly data: T | undefined;
  readonly error: SettingsError | undefined;
  /** ETag of `data` for mutable singletons, null when unknown. */
  readonly etag?: string | null;
}

/** Data with its ETag. A load or commit result with own `data` and `etag` properties is read this way. */
export interface Loaded<T> {
  data: T;
  etag?: string | null;
}

export interface ResourceStoreOptions<T> {
  /** Fetches the resource; the signal aborts when a newer load replaces this one. */
  load: (signal: AbortSignal) => Promise<T | Loaded<T>>;
}

export interface ResourceStore<T> extends Readable<StoreState<T>> {
  /**
   * Loads the resource. Concurrent calls share one request; a ready store answers from memory unless
   * `force` is set or it was invalidated. Aborting `signal` stops this caller waiting, not the shared request.
   */
  load(options?: { force?: boolean; signal?: AbortSignal }): Promise<T>;
  /** Marks the data stale and reloads at once if anyone is subscribed (or a load is under way). */
  invalidate(): void;
  /**
   * Optimistic update: applies `update` at once and runs `commit` with the current ETag. On failure the
   * data is rolled back and the error rethrown (a 412 also reloads). A result of `commit` becomes the data.
   */
  optimistic(update: (data: T) => T, commit: (etag: string | null) => Promise<T | Loaded<T> | void>): Promise<void>;
  /** Replaces the data (and the ETag when given). */
  set(data: T, etag?: string | null): void;
}

export function createResourceStore<T>(options: ResourceStoreOptions<T>): ResourceStore<T> {
  const cell = createStateCell<StoreState<T>>({ status: 'idle', data: undefined, error: undefined, etag: null });
  let stale = false;
  let generation = 0;
  let inflight: { promise: Promise<T>; controller: AbortController } | undefined;

  /** Drops the load under way: its callers then follow the newest load, or get the current data. */
  function supersede(): void {
    inflight?.controller.abort();
    inflight = undefined;
    generation++;
  }

  function latest(): Promise<T> {
    if (inflight) return inflight.promise;
    const state = cell.getState();
    return state.status === 'error' ? Promise.reject(state.error) : Promise.resolve(state.data as T);
  }

  function start(): Promise<T> {
    supersede();
    const current = generation;
    const controller = new AbortController();
    cell.set({ ...cell.getState(), status: 'loading', error: undefined });
    const promise = options.load(controller.signal).then(
      (result) => {
        if (current !== generation) return latest();
        inflight = undefined;
        stale = false;
        const { data, etag } = unwrap(result, cell.getState().etag ?? null);
        cell.set({ status: 'ready', data, error: undefined, etag });
        return data;
      },
      (error: unknown) => {
        if (current !== generation) return latest();
        inflight = undefined;
        const settingsError = toSettingsError(error);
        cell.set({ ...cell.getState(), status: 'error', error: settingsError });
        throw settingsError;
      },
    );
    inflight = { promise, controller };
    return promise;
  }

  const store: ResourceStore<T> = {
    getState: cell.getState,
    subscribe: cell.subscribe,
    load({ force = false, signal } = {}) {
      if (signal?.aborted) return withSignal(Promise.resolve() as Promise<T>, signal);
      const state = cell.getState();
      if (!force && !stale && !inflight && state.status === 'ready') return Promise.resolve(state.data as T);
      return withSignal(inflight ? inflight.promise : start(), signal);
    },
    invalidate() {
      stale = true;
      if (cell.listenerCount > 0 || inflight) start().catch(() => undefined);
    },
    async optimistic(update, commit) {
      const before = cell.getState();
      if (before.data === undefined) throw new Error('Load the store before an optimistic update.');
      const optimisticData = update(before.data);
      cell.set({ ...before, data: optimisticData });
      try {
        const result = await commit(before.etag ?? null);
        if (result !== undefined) {
          const { data, etag } = unwrap(result, cell.getState().etag ?? null);
          store.set(data, etag);
        }
      } catch (error) {
        // Roll back unless something newer (a load, another update) replaced the optimistic data meanwhile.
        if (cell.getState().data === optimisticData) cell.set({ ...cell.getState(), data: before.data, etag: before.etag });
        if (error instanceof SettingsApiError && error.status === 412) store.invalidate();
        throw error;
      }
    },
    set(data, etag) {
      supersede();
      stale = false;
      cell.set({ status: 'ready', data, error: undefined, etag: etag === undefined ? (cell.getState().etag ?? null) : etag });
    },
  };
  return store;
}

function unwrap<T>(result: T | Loaded<T>, etag: string | null): { data: T; etag: string | null } {
  if (result !== null && typeof result === 'object' && Object.hasOwn(result, 'data') && Object.hasOwn(result, 'etag')) {
    const loaded = result as Loaded<T>;
    return { data: loaded.data, etag: loaded.etag ?? null };
  }
  return { data: result as T, etag };
}
