import { mkdirSync } from 'node:fs';
import { migrate } from './migrate.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';
import type { Db } from './types.js';

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; when set, PGlite is not used. */
  databaseUrl?: string;
  /** PGlite data folder, or `memory://` (the default) for a throwaway database. */
  dataDir?: string;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /** PGlite: start from an archive of a data dir (`dumpPglite`) instead of an empty database. */
  loadDataDir?: Blob;
  /** PGlite: how many statements may wait before new ones fail with `DatabaseBusyError` (default 500). */
  queueLimit?: number;
}

/** Opens the store and brings its schema up to date. */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Db> {
  let db: Db;
  if (options.databaseUrl) {
    db = await openPostgres({ connectionString: options.databaseUrl, max: options.poolSize });
  } else {
    const dataDir = options.dataDir ?? 'memory://';
    if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
    db = await openPglite(dataDir, options.loadDataDir, options.queueLimit);
  }
  if (options.migrate !== false) {
    try {
      await migrate(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
