import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Queryable } from './types.js';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;
const pgliteOf = new WeakMap<Db, PGlite>();

function wrap(client: PgliteLike): Queryable {
  return {
    async query(sql, params) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return { rows: result.rows as any[] };
    },
    async exec(sql) {
      await client.exec(sql);
    },
  };
}

/**
 * PGlite (PostgreSQL compiled to WASM). `dataDir` is a folder on disk, or `memory://` for a
 * database that lives only as long as the process. `loadDataDir` starts it from an archive made by
 * `dumpPglite` (much faster than creating a database from scratch).
 */
export async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Db> {
  const pg = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir, { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
  const base = wrap(pg);
  const db: Db = {
    kind: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
  pgliteOf.set(db, pg);
  return db;
}

/** An archive of a fresh, migrated in-memory PGlite database, for `openDatabase({ loadDataDir })`. */
export async function dumpPglite(db: Db): Promise<Blob> {
  const pg = pgliteOf.get(db);
  if (!pg) throw new Error('dumpPglite needs a PGlite database.');
  return pg.dumpDataDir('none');
}
