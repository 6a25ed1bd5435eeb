// A throwaway PostgreSQL cluster from .ci/postgres.sh (initdb + pg_ctl on a free loopback port).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const script = `${root}.ci/postgres.sh`;

function bash(command, env = {}) {
  return spawnSync('bash', ['-c', `source "${script}"; ${command}`], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
}

/** Starts a cluster; null (with the reason) when this machine cannot. */
export function startPostgres() {
  if (!existsSync(script)) return { error: `${script} is missing` };
  const result = bash('start_postgres >&2 && printf "%s\\n%s\\n%s\\n" "$DATABASE_URL" "$PG_DIR" "$PG_BIN"');
  const [databaseUrl, pgDir, pgBin] = (result.stdout ?? '').trim().split('\n');
  if (result.status !== 0 || !databaseUrl?.startsWith('postgres')) {
    return { error: `start_postgres failed: ${(result.stderr || String(result.error ?? '')).trim().split('\n').slice(-3).join(' ')}` };
  }
  return {
    databaseUrl,
    cpuMs: () => clusterCpuMs(`${pgDir}/data`),
    stop() {
      bash('stop_postgres', { PG_DIR: pgDir, PG_BIN: pgBin });
    },
  };
}

const ticksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

function statOf(pid) {
  try {
    // Fields after the command name (which may hold spaces): state is field 3, ppid 4, utime 14, stime 15.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/**
 * CPU time (ms) of a cluster's postmaster and of each of its children (backends, writers) by
 * pid, from /proc; null when it cannot be read. Subtract two readings with `cpuDelta`.
 */
export function clusterCpuMs(dataDir) {
  let postmaster;
  try {
    postmaster = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  const byPid = { [postmaster]: ((statOf(postmaster)?.ticks ?? 0) * 1000) / ticksPerSecond };
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = statOf(name);
    if (stat?.ppid === postmaster) byPid[name] = (stat.ticks * 1000) / ticksPerSecond;
  }
  return byPid;
}

/**
 * The CPU ms spent between two `clusterCpuMs` readings by the processes alive at the second
 * (a backend the pool closed in between takes its last moments with it: a slight undercount).
 */
export function cpuDelta(before, after) {
  if (!before || !after) return null;
  let ms = 0;
  for (const [pid, value] of Object.entries(after)) ms += value - (before[pid] ?? 0);
  return ms;
}
