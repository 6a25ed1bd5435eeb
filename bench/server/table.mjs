// The printed report: one row per store × connections × request, then the responsiveness check.

const ms = (value) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '—');
/** A latency of a measurement; 'none' when nothing answered within the run. */
const lat = (m, key) => (m && m.requests === 0 ? 'none' : ms(m?.[key]));
const cpu = (value) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : '—');
const share = (value) => (typeof value === 'number' ? `${Math.round(value)}%` : '—');
const rps = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '—');

/** Every round's p99, lowest first ('none' for a round without a 2xx answer). */
const roundsOf = (r) => (r.rounds && r.rounds.length > 1 ? [...r.rounds].sort((a, b) => (a.p99 ?? Infinity) - (b.p99 ?? Infinity)).map((x) => (x.p99 === null ? 'none' : ms(x.p99))).join(' ') : '—');

/** 'PASS' / 'OVER' against `{ minRps?, maxP99? }`, with what was asked. */
export function verdict(target, m) {
  if (!target) return { asked: '—', result: '' };
  const asked = [];
  let ok = m.requests > 0 && m.errors === 0;
  if (target.minRps !== undefined) {
    asked.push(`≥ ${target.minRps.toLocaleString('en')}/s`);
    ok &&= m.rps >= target.minRps;
  }
  if (target.maxP99 !== undefined) {
    asked.push(`p99 ≤ ${target.maxP99}`);
    ok &&= m.p99 <= target.maxP99;
  }
  return { asked: asked.join(', '), result: ok ? 'PASS' : 'OVER' };
}

function render(header, lines, rightAligned) {
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((line) => String(line[i]).length)));
  const cell = (value, i) => (rightAligned.has(i) ? String(value).padStart(widths[i]) : String(value).padEnd(widths[i]));
  const out = [header.map(cell).join('  '), widths.map((w) => '-'.repeat(w)).join('  ')];
  for (const line of lines) out.push(line.map(cell).join('  '));
  return out.join('\n');
}

export function printTable({ rows, checks, report }) {
  const rounds = report.rounds ?? 1;
  console.log(`\nSettings API on 127.0.0.1 — Node ${report.node}, ${report.cpus} CPUs, ${report.duration} s per measurement, ${rounds} round${rounds === 1 ? '' : 's'}, ${report.auditRows.toLocaleString('en')} audit rows, 10,000 members`);
  if (rounds > 1) console.log(`Each row is the round with the median p99 of ${rounds} (every figure from that round); "p99 of rounds" lists them all, lowest first.`);
  console.log('Latencies in ms (exact percentiles of 2xx answers). "× bare": how many times the bare Hono handler\'s req/s (same JSON) exceeds the API\'s.');
  console.log('Per request: "in DB" ms inside the store\'s query calls (summed wall time: in-thread PGlite\'s own work; through a worker or');
  console.log('PostgreSQL also the wait for it), "q" queries; "API cpu", "PG cpu", "bare cpu": CPU ms of the API process (PGlite included),');
  console.log('of the PostgreSQL cluster, of the bare Hono process.');
  console.log('"none": no 2xx answer within the run (every request waited longer than the run lasted).');
  console.log(`"others": share of the machine's ${report.cpus} CPUs taken by other processes during the run (API row / bare run); above a few %, latencies are pessimistic.\n`);
  const header = ['store', 'conn', 'request', 'req/s', 'p50', 'p99', 'p99 of rounds', 'err', 'in DB', 'q', 'API cpu', 'PG cpu', 'bare req/s', 'bare p99', 'bare cpu', '× bare', 'others', 'target', ''];
  const lines = rows.map((r) => {
    const v = verdict(r.target, r);
    return [
      r.store, r.connections, r.request, rps(r.rps), lat(r, 'p50'), lat(r, 'p99'), roundsOf(r), r.errors, cpu(r.cpu?.db), r.cpu?.queries?.toFixed(1) ?? '—',
      cpu(r.cpu?.api), cpu(r.cpu?.pg), rps(r.bare?.rps), lat(r.bare, 'p99'), cpu(r.bare?.cpuMs), r.bare && r.rps > 0 ? `${(r.bare.rps / r.rps).toFixed(1)}×` : '—',
      `${share(r.others)} / ${share(r.bare?.others)}`, v.asked, v.result,
    ];
  });
  console.log(render(header, lines, new Set([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16])));

  if (checks.length) {
    console.log('\nResponsiveness: a cheap request on 1 connection, alone and while 50 connections cycle through the pages above.\n');
    const head = ['store', 'cheap request', 'alone p50', 'alone p99', 'loaded p50', 'loaded p99', 'pages req/s', 'pages p99', 'err', 'others', 'target', ''];
    const body = checks.map((c) => {
      const v = verdict(c.target, c.loaded);
      return [c.store, c.cheap, lat(c.idle, 'p50'), lat(c.idle, 'p99'), lat(c.loaded, 'p50'), lat(c.loaded, 'p99'), rps(c.load.rps), lat(c.load, 'p99'), c.loaded.errors + c.load.errors, share(c.others), v.asked, v.result];
    });
    console.log(render(head, body, new Set([2, 3, 4, 5, 6, 7, 8, 9])));
  }
  for (const [store, info] of Object.entries(report.stores)) {
    if (info.skipped) console.log(`\n${store}: not measured (${info.skipped}).`);
  }
  if (report.error) console.log(`\nThe run stopped early: ${report.error}`);
}
