// One bounded load run with autocannon (from packages/server's devDependencies), with exact
// latency percentiles: autocannon's own histogram counts whole milliseconds, too coarse for a
// 5 ms target, so every response time is kept here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../packages/server/package.json', import.meta.url));
const autocannon = require('autocannon');

const tick = 10; // ms per USER_HZ tick in /proc/stat (100 Hz on Linux)

/** CPU ms all processes of the machine spent busy so far (/proc/stat), or null off Linux. */
function machineBusyMs() {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + steal) * tick;
  } catch {
    return null;
  }
}

function selfCpuMs() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The p-th percentile (0–100) of an ascending array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function run(opts) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    const statuses = {};
    const instance = autocannon(opts, (error, result) => (error ? reject(error) : resolve({ result, latencies, statuses })));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

/**
 * Hammers `url` (or cycles through `requests`, e.g. `[{ path }]`) with `connections` for
 * `duration` seconds after a short warm-up (not counted). `sample()` (e.g. the server's CPU
 * time) is called right before and after the measured run.
 * Returns req/s (2xx only), p50/p99 in ms, and the count of errors and non-2xx answers.
 */
export async function measure({ url, headers = {}, requests, connections, duration, warmup = 1, sample }) {
  const base = { url, headers, connections, timeout: 10, pipelining: 1, ...(requests ? { requests } : {}) };
  // Requests still queued in the server when autocannon stops would slow the next run: one more
  // request (the same kind, so it queues behind them) waits until they are done.
  const drain = async () => {
    const res = await fetch(requests ? new URL(requests[0].path, url) : url, { headers });
    await res.arrayBuffer();
  };
  if (warmup > 0) {
    await run({ ...base, duration: warmup });
    await drain();
  }
  const before = await sample?.();
  const machineBefore = { busy: machineBusyMs(), self: selfCpuMs(), at: performance.now() };
  const { result, latencies, statuses } = await run({ ...base, duration });
  await drain();
  const machine = { busy: machineBusyMs() - machineBefore.busy, self: selfCpuMs() - machineBefore.self, wall: performance.now() - machineBefore.at };
  const after = await sample?.();
  const sorted = Float64Array.from(latencies).sort();
  const ok = sorted.length;
  return {
    rps: ok / result.duration,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    requests: ok,
    errors: result.errors + result.non2xx,
    statuses,
    /** CPU ms the whole machine and this process (the load generator) spent busy during the run, over `wall` ms. */
    machine,
    /** `sample()` before and after the run; the server also handled the requests in flight at the end and the drain. */
    samples: sample ? { before, after, handled: ok + connections + 1 } : undefined,
  };
}
