#!/usr/bin/env node
// Throughput and latency of the Settings API (packages/server dist) on 127.0.0.1, over PGlite
// and PostgreSQL, for /v1/me and 50-row pages of 10,000 members and 1,000,000 audit entries,
// each beside a bare Hono handler answering the same JSON; then, per store, the p99 of a cheap
// request while pages are hammered. Prints a table with the targets (PASS/OVER) and exits 0.
//
// Build first: pnpm --filter @billingone/settings-server build
// Env: BENCH_DURATION (s per measurement, default 5), BENCH_AUDIT_ROWS (default 1000000),
//      BENCH_STORES (default pglite,postgres; also pglite-worker: PGlite in a worker thread,
//      a prototype in server/pglite-worker.mjs), DATABASE_URL (else a throwaway cluster from
//      .ci/postgres.sh), BENCH_PG_POOL (pool size of the API), BENCH_TIME_LIMIT_S (default 1800),
//      BENCH_CASES (some of: me, members, members-search, members-role, audit, audit-deep,
//      audit-filtered), BENCH_CONNECTIONS (default 1,50), BENCH_API_NODE_FLAGS (Node flags of the
//      API process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles" to see where its time goes),
//      BENCH_ROUNDS (default 3: every case is measured once per round, rounds one after another;
//      a row shows the round with the median p99, and the p99 of every round beside it).
// The PGlite data dir is kept in bench/results/ and reused by the next run (seeding 1M rows
// takes minutes, once; again when the migrations change).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startChild } from './server/child.mjs';
import { measure } from './server/load.mjs';
import { cpuDelta, startPostgres } from './server/postgres.mjs';
import { printTable } from './server/table.mjs';

const env = process.env;
const here = fileURLToPath(new URL('.', import.meta.url));
const results = `${here}results/`;
const duration = Number(env.BENCH_DURATION ?? 5);
const auditRows = Number(env.BENCH_AUDIT_ROWS ?? 1_000_000);
const stores = (env.BENCH_STORES ?? 'pglite,postgres').split(',').map((s) => s.trim()).filter(Boolean);
const onlyCases = env.BENCH_CASES ? env.BENCH_CASES.split(',').map((s) => s.trim()) : null;
const connectionCounts = (env.BENCH_CONNECTIONS ?? '1,50').split(',').map(Number);
const rounds = Number(env.BENCH_ROUNDS ?? 3);
const cpuCount = cpus().length;
const log = (message) => console.error(message);

const knownStores = ['pglite', 'pglite-worker', 'postgres'];
const knownCases = ['me', 'members', 'members-search', 'members-role', 'audit', 'audit-deep', 'audit-filtered'];
const unknown = [...stores.filter((s) => !knownStores.includes(s)), ...(onlyCases ?? []).filter((c) => !knownCases.includes(c))];
if (!(duration > 0) || !(Number.isInteger(rounds) && rounds >= 1) || !(Number.isInteger(auditRows) && auditRows >= 1000) || unknown.length > 0 || stores.length === 0 || !connectionCounts.every((n) => Number.isInteger(n) && n > 0)) {
  console.error('BENCH_DURATION must be > 0, BENCH_ROUNDS a whole number ≥ 1, BENCH_AUDIT_ROWS an integer ≥ 1000, BENCH_CONNECTIONS whole numbers > 0,');
  console.error(`BENCH_STORES some of ${knownStores.join(', ')} and BENCH_CASES some of ${knownCases.join(', ')}.`);
  if (unknown.length) console.error(`Unknown: ${unknown.join(', ')}.`);
  process.exit(2);
}
if (!existsSync(new URL('../packages/server/dist/index.js', import.meta.url))) {
  console.error('Build the server first: pnpm --filter @billingone/settings-server build');
  process.exit(2);
}
mkdirSync(results, { recursive: true });

// Everything this run starts, stopped on exit, Ctrl-C or the overall time limit.
const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (error) {
      log(`cleanup: ${error.message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await cleanup();
    process.exit(130);
  });
}
const limitMs = Number(env.BENCH_TIME_LIMIT_S ?? 1800) * 1000;
setTimeout(async () => {
  log(`time limit (${limitMs / 1000} s) reached, stopping`);
  report.error = `stopped after the time limit of ${limitMs / 1000} s (BENCH_TIME_LIMIT_S)`;
  await cleanup();
  finish();
}, limitMs).unref();

/** The measured requests, in table order; `fixture` is what the API process derived from the data. */
function cases(fixture) {
  const range = `action=member.role_changed&from=${encodeURIComponent(fixture.from)}&to=${encodeURIComponent(fixture.to)}`;
  return [
    { id: 'me', label: 'GET /v1/me', path: '/v1/me' },
    { id: 'members', label: 'members, first page', path: '/v1/members?limit=50', page: true },
    { id: 'members-search', label: 'members, search "priya"', path: '/v1/members?limit=50&q=priya', page: true, search: true },
    { id: 'members-role', label: 'members, role=finance', path: '/v1/members?limit=50&role=finance', page: true },
    { id: 'audit', label: 'audit, first page', path: '/v1/audit-logs?limit=50', page: true },
    { id: 'audit-deep', label: `audit, cursor at row ${fixture.deepOffset.toLocaleString('en')}`, path: `/v1/audit-logs?limit=50&cursor=${fixture.deepCursor}`, page: true },
    { id: 'audit-filtered', label: 'audit, action + date range', path: `/v1/audit-logs?limit=50&${range}`, page: true },
  ];
}

/** The targets of one row, or null. */
function targetOf(store, connections, c) {
  if (connections === 1 && c.page) return { maxP99: c.search ? 15 : 5 };
  if (connections === 50 && store === 'postgres') return { minRps: c.search ? 1000 : 1500, maxP99: 50 };
  return null;
}

async function signIn(base) {
  const res = await fetch(`${base}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'owner@acme.test', password: 'billingone-demo' }),
  });
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('billingone_session='));
  if (res.status !== 200 || !cookie) throw new Error(`sign-in answered ${res.status}: ${await res.text()}`);
  return cookie;
}

/** Each case once: it must answer 200 with a full page; its body feeds the bare handler. */
async function probe(base, headers, list) {
  const bodies = {};
  for (const c of list) {
    const res = await fetch(`${base}${c.path}`, { headers });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${c.path} answered ${res.status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text);
    if (c.page && body.items.length !== 50) throw new Error(`${c.path} gave ${body.items.length} items, not 50`);
    c.bytes = Buffer.byteLength(text);
    c.note = c.page ? `${body.items.length} items${body.total !== undefined ? ` of ${body.total.toLocaleString('en')}` : ''}` : '';
    bodies[c.id] = body;
  }
  return bodies;
}

/** The change of `key` between two samples (a number, or PostgreSQL's CPU ms by pid), or null. */
function change(samples, key) {
  const before = samples?.before?.[key];
  const after = samples?.after?.[key];
  if (typeof before === 'number' && typeof after === 'number') return after - before;
  return cpuDelta(before, after);
}

/** Per handled request. */
function perRequest(samples, key) {
  const delta = change(samples, key);
  return delta === null ? null : delta / samples.handled;
}

/**
 * The share (%) of the machine's CPU that other work took during a run: all busy time minus the
 * load generator's and the measured processes' (`keys` of the samples). Null off Linux.
 */
function othersShare(m, keys) {
  if (m.machine.busy === null || !Number.isFinite(m.machine.busy)) return null;
  const changes = keys.map((key) => change(m.samples, key));
  // A PostgreSQL server this run did not start cannot be told from other work.
  if (changes.includes(null)) return null;
  const measured = m.machine.self + changes.reduce((sum, value) => sum + value, 0);
  return Math.max(0, (100 * (m.machine.busy - measured)) / (m.machine.wall * cpuCount));
}

/**
 * The round whose p99 is the median (the lower middle one of an even count), every figure from
 * that same round, with each round's req/s and p99 kept beside it in `rounds`.
 */
function medianRound(measurements) {
  const byP99 = [...measurements].sort((a, b) => (a.requests === 0 ? Infinity : a.p99) - (b.requests === 0 ? Infinity : b.p99));
  const median = byP99[Math.floor((byP99.length - 1) / 2)];
  return { ...median, rounds: measurements.map(({ rps, p99, requests }) => ({ rps, p99: requests === 0 ? null : p99 })) };
}

/** Bare Hono answering the same bodies, measured once per connection count. */
async function measureBare(bodies, list) {
  const bare = startChild(`${here}server/bare-process.mjs`, { message: bodies });
  cleanups.push(() => bare.stop());
  const { port } = await bare.ready;
  const out = {};
  for (const connections of connectionCounts) {
    for (const c of list) {
      log(`  bare Hono   ${String(connections).padStart(2)} conn  ${c.id}`);
      const m = await measure({ url: `http://127.0.0.1:${port}/bare/${c.id}`, connections, duration, sample: () => bare.ask('cpu') });
      const { samples, ...figures } = m;
      out[`${connections}:${c.id}`] = { ...figures, cpuMs: perRequest(samples, 'cpuMs'), others: othersShare(m, ['cpuMs']) };
    }
  }
  await bare.stop();
  return out;
}

async function apiProcess(store) {
  const childEnv = { BENCH_AUDIT_ROWS: String(auditRows) };
  let pg = null;
  if (store === 'pglite' || store === 'pglite-worker') {
    childEnv.DATABASE_URL = '';
    childEnv.BENCH_PGLITE_WORKER = store === 'pglite-worker' ? '1' : '';
    childEnv.BENCH_DATA_DIR = `${results}pglite-${auditRows}`;
    childEnv.BENCH_MARKER = `${results}pglite-${auditRows}.json`;
  } else if (env.DATABASE_URL) {
    childEnv.DATABASE_URL = env.DATABASE_URL;
  } else {
    pg = startPostgres();
    if (pg.error) return { skipped: pg.error };
    cleanups.push(() => pg.stop());
    childEnv.DATABASE_URL = pg.databaseUrl;
  }
  log(`\n${store}: starting the API${childEnv.BENCH_DATA_DIR ? ` (data dir ${childEnv.BENCH_DATA_DIR})` : ''}`);
  const api = startChild(`${here}server/api-process.mjs`, { env: childEnv, execArgv: (env.BENCH_API_NODE_FLAGS ?? '').split(' ').filter(Boolean) });
  cleanups.push(() => api.stop());
  const info = await api.ready;
  // CPU time of the API process and (for a cluster started here) of PostgreSQL.
  const sample = async () => {
    const { cpuMs, dbMs, dbQueries } = await api.ask('cpu');
    return { api: cpuMs, db: dbMs, queries: dbQueries, pg: pg?.cpuMs() ?? null };
  };
  log(`  ${info.kind} ${info.version}: ${info.members.toLocaleString('en')} members, ${info.auditRows.toLocaleString('en')} audit rows; opened in ${(info.openMs / 1000).toFixed(1)} s${info.seedMs ? `, seeded in ${(info.seedMs / 1000).toFixed(1)} s` : ''}`);
  return { api, info, sample, base: `http://127.0.0.1:${info.port}` };
}

/** p99 of a cheap request (1 connection) while 50 connections cycle through the pages (null without pages). */
async function responsiveness(base, headers, list, sample, ours) {
  const openapi = await fetch(`${base}/v1/openapi.json`);
  await openapi.arrayBuffer();
  const cheap = openapi.status === 200 ? '/v1/openapi.json' : '/v1/me';
  const requests = list.filter((c) => c.page).map((c) => ({ path: c.path }));
  if (requests.length === 0) return null;
  const idle = await measure({ url: `${base}${cheap}`, headers, connections: 1, duration: Math.min(duration, 3) });
  const hammer = measure({ url: base, headers, requests, connections: 50, duration: duration + 2, warmup: 0 });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const { samples, ...loaded } = await measure({ url: `${base}${cheap}`, headers, connections: 1, duration, warmup: 0, sample });
  const load = await hammer;
  return { cheap, idle, loaded, load, others: othersShare({ ...loaded, samples }, ours) };
}

const report = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, duration, rounds, auditRows, stores: {} };
const rows = [];
const checks = [];
let bare = null;

try {
  for (const store of stores) {
    const started = await apiProcess(store);
    if (started.skipped) {
      log(`\n${store}: skipped (${started.skipped})`);
      report.stores[store] = { skipped: started.skipped };
      continue;
    }
    const { api, info, sample, base } = started;
    const ours = info.kind === 'postgres' ? ['api', 'pg'] : ['api'];
    const headers = { cookie: await signIn(base) };
    const list = cases(info).filter((c) => !onlyCases || onlyCases.includes(c.id));
    const bodies = await probe(base, headers, list);
    for (const c of list) log(`  ${c.id.padEnd(15)} ${String(c.bytes).padStart(6)} B  ${c.note}`);
    bare ??= await measureBare(bodies, list);
    const storeRows = [];
    for (const connections of connectionCounts) {
      // Rounds one after another (not one case's rounds back to back), so a slow spell of the
      // machine spoils one round of several cases rather than every round of one.
      const measured = new Map(list.map((c) => [c.id, []]));
      for (let round = 1; round <= rounds; round++) {
        for (const c of list) {
          log(`  ${store.padEnd(10)} ${String(connections).padStart(2)} conn  ${c.id}${rounds > 1 ? `  round ${round}/${rounds}` : ''}`);
          const m = await measure({ url: `${base}${c.path}`, headers, connections, duration, sample });
          const cpu = { api: perRequest(m.samples, 'api'), pg: perRequest(m.samples, 'pg'), db: perRequest(m.samples, 'db'), queries: perRequest(m.samples, 'queries') };
          const { samples, ...figures } = m;
          measured.get(c.id).push({ ...figures, cpu, others: othersShare(m, ours) });
        }
      }
      for (const c of list) {
        const row = { store, connections, request: c.label, id: c.id, ...medianRound(measured.get(c.id)), bare: bare[`${connections}:${c.id}`], target: targetOf(store, connections, c) };
        rows.push(row);
        storeRows.push(row);
      }
    }
    log(`  ${store.padEnd(10)} responsiveness`);
    const measured = await responsiveness(base, headers, list, sample, ours);
    const check = measured && { store, ...measured, target: store.startsWith('pglite') ? { maxP99: 20 } : null };
    if (check) checks.push(check);
    report.stores[store] = { version: info.version, openMs: info.openMs, seedMs: info.seedMs, rows: storeRows, responsiveness: check };
    await api.stop();
  }
} catch (error) {
  log(`\nbenchmark stopped: ${error.stack ?? error}`);
  report.error = String(error.message ?? error);
} finally {
  await cleanup();
}

finish();

/** Prints what was measured, keeps it as JSON and exits 0 (this benchmark reports, it does not fail). */
function finish() {
  printTable({ rows, checks, report });
  writeFileSync(`${results}server-api.json`, `${JSON.stringify(report, null, 2)}\n`);
  console.log('\n(figures also in bench/results/server-api.json)');
  process.exit(0);
}
