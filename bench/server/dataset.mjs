// The benchmark's data: the demo organization filled with seedLarge (10,000 members and
// BENCH_AUDIT_ROWS audit rows), and the request fixtures derived from it (a deep audit cursor,
// a date range inside the data).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const server = '../../packages/server/dist/index.js';

export const MEMBERS = 10_000;

/** Same encoding as the API's cursors (base64url of the JSON sort key). */
export function cursorOf(values) {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

async function count(db, sql, params) {
  const { rows } = await db.query(sql, params);
  return Number(rows[0].n);
}

/**
 * Opens the store and seeds it unless it already holds the data set. A PGlite data dir is kept
 * between runs; `marker` (a JSON file beside it) says that seeding finished, and with which
 * migrations. `worker`: PGlite in a worker thread (the prototype in pglite-worker.mjs) instead
 * of the server's in-thread PGlite.
 */
export async function openSeeded({ databaseUrl, dataDir, marker, auditRows, log, worker = false }) {
  const { openDatabase, seed, seedLarge, isSeeded, migrations } = await import(server);
  // A kept data dir gets new migrations when it opens, but not edits to applied ones: then it is
  // seeded afresh.
  const schema = Object.fromEntries(migrations.map((m) => [m.version, createHash('sha256').update(m.sql).digest('hex').slice(0, 16)]));
  const edited = (kept = {}) => Object.entries(kept).some(([version, hash]) => schema[version] !== hash);
  const open = () => {
    if (databaseUrl) return openDatabase({ databaseUrl, poolSize: Number(process.env.BENCH_PG_POOL) || undefined });
    if (worker) return import('./pglite-worker.mjs').then(({ openPgliteWorker }) => openPgliteWorker(dataDir));
    return openDatabase({ dataDir });
  };
  const wanted = { members: MEMBERS, auditRows, schema };
  if (dataDir && existsSync(dataDir)) {
    const done = existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8'));
    if (!done || done.members !== MEMBERS || done.auditRows !== auditRows || edited(done.schema)) {
      log(`removing the PGlite data dir ${dataDir} (${done ? 'made with other migrations' : 'seeding did not finish'})`);
      rmSync(marker, { force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  let started = performance.now();
  const db = await open();
  const openMs = performance.now() - started;
  let seedMs = 0;
  if (!(await isSeeded(db))) await seed(db);
  const { rows } = await db.query('SELECT id FROM organizations ORDER BY created_at, id LIMIT 1');
  const orgId = rows[0].id;
  const haveMembers = await count(db, 'SELECT count(*) AS n FROM members WHERE org_id = $1', [orgId]);
  const haveAudit = await count(db, 'SELECT count(*) AS n FROM audit_logs WHERE org_id = $1', [orgId]);
  if (haveMembers < MEMBERS || haveAudit < auditRows) {
    const members = Math.max(0, MEMBERS - haveMembers);
    const audit = Math.max(0, auditRows - haveAudit);
    log(`seeding ${members} members and ${audit} audit rows${dataDir ? ' (once: the data dir is kept for the next run)' : ''}`);
    started = performance.now();
    await seedLarge(db, { orgId, members, auditRows: audit });
    // What autovacuum does on a running PostgreSQL (PGlite has none): statistics, and the GIN
    // pending lists flushed into the trigram indexes (until then the planner avoids them).
    await db.exec('VACUUM ANALYZE members');
    await db.exec('VACUUM ANALYZE audit_logs');
    seedMs = performance.now() - started;
    log(`seeded in ${(seedMs / 1000).toFixed(1)} s`);
  }
  if (marker) writeFileSync(marker, `${JSON.stringify({ ...wanted, orgId, seededAt: new Date().toISOString() }, null, 2)}\n`);
  return { db, orgId, openMs, seedMs, members: Math.max(haveMembers, MEMBERS), auditRows: Math.max(haveAudit, auditRows) };
}

/** The sort key of the row `offset` rows from the newest. */
async function rowAt(db, orgId, offset) {
  const { rows } = await db.query(
    'SELECT created_at, id FROM audit_logs WHERE org_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1',
    [orgId, offset],
  );
  return { at: new Date(rows[0].created_at).toISOString(), id: rows[0].id };
}

/**
 * What the measured requests need, taken from the data so they hold on any seed: a cursor 90 %
 * down the audit log and a date range over its middle fifth.
 */
export async function fixtures(db, orgId, auditRows) {
  const deepOffset = Math.floor(auditRows * 0.9);
  const deep = await rowAt(db, orgId, deepOffset);
  const newer = await rowAt(db, orgId, Math.floor(auditRows * 0.4));
  const older = await rowAt(db, orgId, Math.floor(auditRows * 0.6));
  return { deepCursor: cursorOf([deep.at, deep.id]), deepOffset, from: older.at, to: newer.at };
}
