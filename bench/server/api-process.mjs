// The Settings API in its own process on a loopback port, over PGlite (BENCH_DATA_DIR; in a
// worker thread with BENCH_PGLITE_WORKER=1) or PostgreSQL (DATABASE_URL), seeded for the benchmark. Tells the parent its port and fixtures
// over IPC, then serves until it is sent 'stop'.
import { createRequire } from 'node:module';
import { fixtures, openSeeded } from './dataset.mjs';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const { serve } = require('@hono/node-server');
const { createSecretBox, createSettingsApi } = await import('../../packages/server/dist/index.js');

const env = process.env;
const log = (message) => console.error(`  [api] ${message}`);
const auditRows = Number(env.BENCH_AUDIT_ROWS);

const { db, orgId, openMs, seedMs, members, auditRows: rows } = await openSeeded({
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: env.BENCH_DATA_DIR || undefined,
  marker: env.BENCH_MARKER || undefined,
  auditRows,
  log,
  worker: env.BENCH_PGLITE_WORKER === '1',
});
const started = performance.now();
const fixture = await fixtures(db, orgId, rows);
const fixtureMs = performance.now() - started;
const { rows: version } = await db.query('SHOW server_version');

// Time spent inside the store's query calls (wall clock, summed; for PGlite that is its CPU work).
const inDb = { ms: 0, queries: 0 };
const timed = (queryable) => ({
  ...queryable,
  async query(sql, params) {
    const started = performance.now();
    try {
      return await queryable.query(sql, params);
    } finally {
      inDb.ms += performance.now() - started;
      inDb.queries += 1;
    }
  },
});
const measuredDb = { ...timed(db), kind: db.kind, transaction: (fn) => db.transaction((tx) => fn(timed(tx))), close: () => db.close() };

const quiet = { info() {}, warn() {}, error: (message, fields) => console.error(message, fields ?? '') };
const app = createSettingsApi({ db: measuredDb, secrets: createSecretBox(Buffer.alloc(32, 7)), logger: quiet, secureCookies: false });
// Requests being handled: the load generator abandons some at the end of a run, and their
// handlers still run after the socket is gone.
let active = 0;
const fetch = async (request, ...rest) => {
  active += 1;
  try {
    return await app.fetch(request, ...rest);
  } finally {
    active -= 1;
  }
};
const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.send({ type: 'ready', port: info.port, kind: db.kind, version: version[0].server_version, orgId, members, auditRows: rows, openMs, seedMs, fixtureMs, ...fixture });
});

process.on('message', async (message) => {
  // CPU time of this process (all threads), to tell the API's own cost from the machine's load.
  if (message?.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send({ id: message.id, cpuMs: (user + system) / 1000, dbMs: inDb.ms, dbQueries: inDb.queries });
    return;
  }
  if (message !== 'stop') return;
  // Let requests still in flight finish before the store closes (10 s at most).
  server.close();
  server.closeIdleConnections?.();
  for (let waited = 0; active > 0 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  await db.close();
  process.exit(0);
});
process.on('disconnect', () => process.exit(0));
