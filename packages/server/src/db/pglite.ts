import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { DatabaseBusyError } from './errors.js';
import type { Db, Queryable } from './types.js';

type PgliteLike = Pick<PGlite, 'query' | 'exec'>;
type Turn = <T>(work: () => Promise<T>) => Promise<T>;
const pgliteOf = new WeakMap<Db, PGlite>();

const loopTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Statements (or transactions) that may wait for PGlite before new ones are refused. */
export const DEFAULT_PGLITE_QUEUE_LIMIT = 500;

/**
 * One database call at a time, each after the event loop has had a turn. PGlite runs a statement
 * synchronously and hands its lock straight to the next waiting one, so a queue of statements would
 * keep the loop from reading sockets until the queue is empty: under load even requests that need
 * no database would wait seconds. Queued here, each statement (or whole transaction) starts only
 * after a turn, so other requests are read and answered in between. Beyond `limit` waiting calls,
 * new ones fail at once with `DatabaseBusyError` (a 503 the client retries) instead of letting
 * latency grow without bound.
 */
function takingTurns(limit: number): Turn {
  let tail: Promise<unknown> = Promise.resolve();
  let waiting = 0;
  return (work) => {
    if (waiting >= limit) return Promise.reject(new DatabaseBusyError(waiting));
    waiting++;
    const result = tail.then(loopTurn).then(() => {
      waiting--;
      return work();
    });
    tail = result.catch(() => undefined);
    return result;
  };
}

/** Inside a transaction (which holds the database until it ends) statements yield a turn but do not queue. */
const inTransaction: Turn = (work) => loopTurn().then(work);

function wrap(client: PgliteLike, turn: Turn): Queryable {
  return {
    async query(sql, params) {
      const result = await turn(() => client.query(sql, params as unknown[] | undefined));
      return { rows: result.rows as any[] };
    },
    async exec(sql) {
      await turn(() => client.exec(sql));
    },
  };
}

/**
 * PGlite (PostgreSQL compiled to WASM). `dataDir` is a folder on disk, or `memory://` for a
 * database that lives only as long as the process. `loadDataDir` starts it from an archive made by
 * `dumpPglite` (much faster than creating a database from scratch).
 */
export async function openPglite(dataDir: string, loadDataDir?: Blob, queueLimit = DEFAULT_PGLITE_QUEUE_LIMIT): Promise<Db> {
  const pg = await PGlite.create(dataDir === 'memory://' ? undefined : dataDir, { extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
  const turn = takingTurns(queueLimit);
  const db: Db = {
    kind: 'pglite',
    ...wrap(pg, turn),
    transaction: (fn) => turn(() => pg.transaction((tx) => fn(wrap(tx, inTransaction)))),
    close: () => turn(() => pg.close()),
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
