import type { Queryable } from '../db/types.js';

/** What a provider's sync hands back once every page is read. */
export interface ProviderSync {
  /**
   * Runs in the transaction that records the run's success: removes what the provider no longer
   * has. Returns counts to add to the run's (e.g. how many records changed).
   */
  finalize(tx: Queryable): Promise<Record<string, number>>;
}
