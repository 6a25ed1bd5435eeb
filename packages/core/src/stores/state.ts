import { SettingsNetworkError } from '../client/errors.js';

export type StoreStatus = 'idle' | 'loading' | 'ready' | 'error';

export type Listener<S> = (state: S) => void;

/** What every store offers: the current state and change notifications. */
export interface Readable<S> {
  getState(): S;
  /** Calls `listener` at once with the current state, then after every change. Returns the unsubscribe function. */
  subscribe(listener: Listener<S>): () => void;
}

export interface StateCell<S> extends Readable<S> {
  set(next: S): void;
  /** How many listeners are subscribed. */
  readonly listenerCount: number;
}

/** A value with listeners. A listener that throws does not stop the others (its error is rethrown asynchronously). */
export function createStateCell<S>(initial: S): StateCell<S> {
  let state = initial;
  const listeners = new Set<{ listener: Listener<S> }>();
  const call = (entry: { listener: Listener<S> }) => {
    try {
      entry.listener(state);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  };
  return {
    getState: () => state,
    set(next) {
      state = next;
      for (const entry of [...listeners]) if (listeners.has(entry)) call(entry);
    },
    subscribe(listener) {
      const entry = { listener };
      listeners.add(entry);
      call(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    get listenerCount() {
      return listeners.size;
    },
  };
}

/** Lets one caller stop waiting for a shared promise without cancelling it for the others. */
export function withSignal<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  const aborted = () => new SettingsNetworkError('aborted', 'The load was cancelled.', { cause: signal.reason });
  if (signal.aborted) return Promise.reject(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
