import { integrationEndpoints, type CompanyMapping } from '@billingone/settings-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SettingsClient } from '../context.js';

export type MappingStatus = CompanyMapping['status'];
export interface BillingClientOption {
  readonly id: string;
  readonly name: string;
}

export interface MappingsState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly items: readonly CompanyMapping[];
  readonly clients: readonly BillingClientOption[];
  readonly nextCursor: string | null;
  readonly total: number | undefined;
  readonly filter: MappingStatus | undefined;
  readonly error: unknown;
}

export interface MappingsOptions {
  readonly client: () => SettingsClient | undefined;
  /** Companies per page (default 20). */
  readonly pageSize?: number;
  /** The mappings were saved (`count` companies changed). */
  readonly onSaved: (count: number) => void;
  /** Saving (or accepting every suggestion) failed. */
  readonly onError?: (error: unknown) => void;
}

/** The API takes at most this many mappings per request. */
const maxPerRequest = 500;

const initial: MappingsState = { status: 'idle', items: [], clients: [], nextCursor: null, total: undefined, filter: undefined, error: undefined };

/**
 * Pax8 companies and the BillingOne clients they map to: pages loaded by cursor with a status
 * filter, the member's unsaved choices (kept across pages and filters), bulk acceptance of the
 * name suggestions, and one save for every change.
 */
export class MappingsController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: MappingsOptions;
  #state: MappingsState = initial;
  #pending = new Map<string, string | null>();
  #load: AbortController | undefined;
  #saving = false;
  #accepting = false;
  /** The error of the last failed save (or bulk acceptance). */
  saveError: unknown;

  constructor(host: ReactiveControllerHost, options: MappingsOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get state(): MappingsState {
    return this.#state;
  }

  /** Unsaved choices: company ID → client ID (null: not mapped). */
  get pending(): ReadonlyMap<string, string | null> {
    return this.#pending;
  }

  get saving(): boolean {
    return this.#saving;
  }

  get accepting(): boolean {
    return this.#accepting;
  }

  hostDisconnected(): void {
    this.#load?.abort();
    this.#load = undefined;
    if (this.#state.status === 'loading') this.#state = { ...this.#state, status: 'idle' };
  }

  #set(state: MappingsState): void {
    this.#state = state;
    this.#host.requestUpdate();
  }

  /** Loads the first page if nothing is loaded yet. */
  ensureLoaded(): void {
    if (this.#state.status === 'idle') void this.reload();
  }

  /** Loads the first page again (after a sync, a save, or a retry). */
  reload(): Promise<void> {
    return this.#fetch(this.#state.filter, undefined);
  }

  setFilter(filter: MappingStatus | undefined): Promise<void> {
    return this.#fetch(filter, undefined);
  }

  loadMore(): Promise<void> {
    const { nextCursor, status } = this.#state;
    if (!nextCursor || status === 'loading') return Promise.resolve();
    return this.#fetch(this.#state.filter, nextCursor);
  }

  /** Drops everything (Pax8 was disconnected). */
  clear(): void {
    this.#load?.abort();
    this.#pending = new Map();
    this.saveError = undefined;
    this.#set(initial);
  }

  async #fetch(filter: MappingStatus | undefined, cursor: string | undefined): Promise<void> {
    this.#load?.abort();
    const controller = new AbortController();
    this.#load = controller;
    const before = this.#state;
    this.#set({ ...before, status: 'loading', filter, error: undefined, ...(cursor || filter === before.filter ? {} : { items: [], nextCursor: null, total: undefined }) });
    try {
      const client = this.#options.client();
      if (!client) throw new Error('No Settings API client.');
      const page = await client.request(integrationEndpoints.companyMappings, {
        query: { ...(filter ? { status: filter } : {}), ...(cursor ? { cursor } : {}), limit: this.#options.pageSize ?? 20 },
        signal: controller.signal,
      });
      if (controller.signal.aborted) return;
      this.#set({
        status: 'ready',
        items: cursor ? [...this.#state.items, ...page.items] : page.items,
        clients: page.clients,
        nextCursor: page.nextCursor,
        total: page.total,
        filter,
        error: undefined,
      });
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#set({ ...this.#state, status: 'error', error });
    }
  }

  /** The client a company shows: the unsaved choice, else the saved mapping. */
  selected(mapping: CompanyMapping): string | null {
    return this.#pending.has(mapping.pax8CompanyId) ? (this.#pending.get(mapping.pax8CompanyId) ?? null) : mapping.clientId;
  }

  /** Chooses a client for a company (null: not mapped); choosing the saved one drops the change. */
  select(mapping: CompanyMapping, clientId: string | null): void {
    const next = new Map(this.#pending);
    if (clientId === mapping.clientId) next.delete(mapping.pax8CompanyId);
    else next.set(mapping.pax8CompanyId, clientId);
    this.#pending = next;
    this.saveError = undefined;
    this.#host.requestUpdate();
  }

  /**
   * Accepts every name suggestion (all pages, not only those shown). Resolves with how many were
   * accepted; failures land in `saveError`.
   */
  async acceptAll(): Promise<number> {
    const client = this.#options.client();
    if (!client || this.#accepting) return 0;
    this.#accepting = true;
    this.saveError = undefined;
    this.#host.requestUpdate();
    try {
      const suggested: CompanyMapping[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.request(integrationEndpoints.companyMappings, {
          query: { status: 'suggested', limit: 200, ...(cursor ? { cursor } : {}) },
        });
        suggested.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const next = new Map(this.#pending);
      let count = 0;
      for (const mapping of suggested) {
        if (!mapping.suggestion || next.has(mapping.pax8CompanyId)) continue;
        next.set(mapping.pax8CompanyId, mapping.suggestion.clientId);
        count++;
      }
      this.#pending = next;
      return count;
    } catch (error) {
      this.saveError = error;
      this.#options.onError?.(error);
      return 0;
    } finally {
      this.#accepting = false;
      this.#host.requestUpdate();
    }
  }

  /** Forgets the unsaved choices. */
  discard(): void {
    this.#pending = new Map();
    this.saveError = undefined;
    this.#host.requestUpdate();
  }

  /** Saves every unsaved choice (in requests of at most 500). Resolves with whether it worked. */
  async save(): Promise<boolean> {
    const client = this.#options.client();
    if (!client || this.#saving || this.#pending.size === 0) return false;
    this.#saving = true;
    this.saveError = undefined;
    this.#host.requestUpdate();
    const entries = [...this.#pending].map(([pax8CompanyId, clientId]) => ({ pax8CompanyId, clientId }));
    let updated = 0;
    try {
      for (let start = 0; start < entries.length; start += maxPerRequest) {
        const mappings = entries.slice(start, start + maxPerRequest);
        const result = await client.request(integrationEndpoints.updateCompanyMappings, { body: { mappings } });
        updated += result.updated;
        const next = new Map(this.#pending);
        for (const { pax8CompanyId } of mappings) next.delete(pax8CompanyId);
        this.#pending = next;
      }
      this.#options.onSaved(updated);
      void this.reload();
      return true;
    } catch (error) {
      this.saveError = error;
      this.#options.onError?.(error);
      return false;
    } finally {
      this.#saving = false;
      this.#host.requestUpdate();
    }
  }
}
