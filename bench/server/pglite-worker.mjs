// A `Db` (query, exec, transaction, close) whose PGlite runs in a worker thread, so its
// synchronous WASM work does not block the API's event loop. Compared with the in-thread PGlite
// of packages/server by `BENCH_STORES=pglite-worker`.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

function toError(payload) {
  return Object.assign(new Error(payload.message), payload);
}

function fromError(error) {
  const out = { message: error?.message ?? String(error) };
  for (const key of ['code', 'constraint', 'detail', 'table', 'column', 'severity']) if (error?.[key] !== undefined) out[key] = error[key];
  return out;
}

/** Opens (and migrates) the PGlite data dir in a worker; resolves when it is ready. */
export async function openPgliteWorker(dataDir) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { dataDir } });
  const pending = new Map();
  let next = 0;
  worker.on('message', ({ id, ok, value, error }) => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    if (ok) call.resolve(value);
    else call.reject(toError(error));
  });
  worker.on('error', (error) => {
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  });
  const call = (op, args = {}) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, op, ...args });
    });
  await call('ready');
  const queryable = (txId) => ({
    query: (sql, params) => call('query', { sql, params, txId }),
    exec: (sql) => call('exec', { sql, txId }).then(() => undefined),
  });
  return {
    kind: 'pglite',
    ...queryable(undefined),
    async transaction(fn) {
      const txId = await call('begin');
      let value;
      try {
        value = await fn(queryable(txId));
      } catch (error) {
        await call('end', { txId, commit: false });
        throw error;
      }
      await call('end', { txId, commit: true });
      return value;
    },
    async close() {
      await call('close');
      await worker.terminate();
    },
  };
}

if (!isMainThread) {
  const { openDatabase } = await import('../../packages/server/dist/index.js');
  const opening = openDatabase({ dataDir: workerData.dataDir });
  const txs = new Map();
  let nextTx = 0;
  const reply = (id, ok, valueOrError) => parentPort.postMessage(ok ? { id, ok, value: valueOrError } : { id, ok, error: fromError(valueOrError) });

  parentPort.on('message', async ({ id, op, sql, params, txId, commit }) => {
    try {
      const db = await opening;
      const target = txId === undefined ? db : txs.get(txId)?.tx;
      if (!target) throw new Error(`No open transaction ${txId}.`);
      switch (op) {
        case 'ready':
          return reply(id, true, null);
        case 'query':
          return reply(id, true, await target.query(sql, params));
        case 'exec':
          return reply(id, true, await target.exec(sql));
        case 'begin': {
          const tx = nextTx++;
          db.transaction(
            (handle) =>
              new Promise((resolve, reject) => {
                txs.set(tx, { tx: handle, resolve, reject });
                reply(id, true, tx);
              }),
          ).then(
            () => reply(txs.get(tx).endId, true, null),
            (error) => {
              const entry = txs.get(tx);
              if (!entry) return reply(id, false, error);
              if (entry.endId === undefined) return undefined;
              reply(entry.endId, entry.rollingBack, entry.rollingBack ? null : error);
            },
          ).finally(() => txs.delete(tx));
          return undefined;
        }
        case 'end': {
          const entry = txs.get(txId);
          entry.endId = id;
          entry.rollingBack = !commit;
          if (commit) entry.resolve();
          else entry.reject(new Error('rolled back'));
          return undefined;
        }
        case 'close':
          await db.close();
          return reply(id, true, null);
        default:
          throw new Error(`Unknown operation ${op}.`);
      }
    } catch (error) {
      reply(id, false, error);
    }
  });
}
