import { migration as core } from './001_core.js';
import { migration as security } from './002_security.js';
import { migration as integrations } from './003_integrations.js';
import { migration as memberCounts } from './004_member_counts.js';
import { migration as idempotency } from './005_idempotency.js';
import { migration as searchColumns } from './006_search_columns.js';

/** A versioned schema change, applied once, in a transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration of the server, in order. Add one line per new file. */
export const migrations: readonly Migration[] = [
  core,
  security,
  integrations,
  memberCounts,
  idempotency,
  searchColumns,
];
