import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the controller needs of a core store (resource stores and paged stores both fit). */
export interface SubscribableStore<S> {
  getState(): S;
  subscribe(listener: (state: S) => void): () => void;
}

/** The state type of a store. */
export type StateOf<Store> = Store extends SubscribableStore<infer S> ? S : never;

export interface StoreControllerOptions<Store> {
  /**
   * What to do once subscribed: `true` (default) calls `store.load()` for resource stores (a ready
   * store does not reload) or `store.reload()` for an idle paged store; `false` only listens; a
   * function does what it says.
   */
  readonly load?: boolean | ((store: Store) => unknown);
}

/** A controller host; Lit elements also tell whether they rendered once. */
type StoreHost = ReactiveControllerHost & { readonly hasUpdated?: boolean };

type Loadable = { load(options?: { force?: boolean }): Promise<unknown> };
type Reloadable = { reload(): unknown; getState(): { status?: string } };

/**
 * Keeps an element in step with a core store: subscribes when the element connects (or as soon as the
 * store becomes available, e.g. when the client arrives through context), re-renders on every state
 * change and unsubscribes when the element disconnects.
 *
 * ```ts
 * #me = new StoreController(this, () => this.stores?.me);
 * render() { const { status, data } = this.#me.state ?? {}; … }
 * ```
 *
 * Loads are not aborted on disconnect: stores are shared by every element over the same client, and
 * another element may be waiting for the same request.
 */
export class StoreController<Store extends SubscribableStore<any>> implements ReactiveController {
  /** The latest state of the store; `undefined` while there is no store. */
  state: StateOf<Store> | undefined;
  readonly #host: StoreHost;
  readonly #getStore: () => Store | undefined;
  readonly #load: StoreControllerOptions<Store>['load'];
  #store: Store | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(host: StoreHost, getStore: () => Store | undefined, options: StoreControllerOptions<Store> = {}) {
    this.#host = host;
    this.#getStore = getStore;
    this.#load = options.load ?? true;
    host.addController(this);
  }

  /** The store currently followed. */
  get store(): Store | undefined {
    return this.#store;
  }

  /**
   * Loads the store again, past its cache (resource stores: `load({ force: true })`, paged stores:
   * `reload()`), e.g. to retry after an error; the outcome arrives as `state`.
   */
  readonly refresh = (): void => {
    const store = this.#store as unknown as Partial<Loadable & Reloadable> | undefined;
    const result = typeof store?.load === 'function' ? store.load({ force: true }) : store?.reload?.();
    if (result instanceof Promise) result.catch(() => undefined);
  };

  hostConnected(): void {
    this.#connected = true;
    // Before the first update, properties such as `client` may still be on their way (frameworks set
    // them right after connecting): the first `hostUpdate` syncs then.
    if ((this.#host as ReactiveControllerHost & { hasUpdated?: boolean }).hasUpdated) this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = undefined;
  }

  #sync(): void {
    if (!this.#connected) return;
    const store = this.#getStore();
    if (store === this.#store) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = store;
    this.state = undefined;
    if (!store) return;
    this.#unsubscribe = store.subscribe((state: StateOf<Store>) => {
      this.state = state;
      this.#host.requestUpdate();
    });
    this.#startLoad(store);
  }

  #startLoad(store: Store): void {
    const load = this.#load;
    if (!load) return;
    let result: unknown;
    if (typeof load === 'function') result = load(store);
    else if (typeof (store as unknown as Loadable).load === 'function') result = (store as unknown as Loadable).load();
    else if (typeof (store as unknown as Reloadable).reload === 'function' && (store as unknown as Reloadable).getState().status === 'idle') {
      result = (store as unknown as Reloadable).reload();
    }
    // Failures reach the element through the store's error state.
    if (result instanceof Promise) result.catch(() => undefined);
  }
}
