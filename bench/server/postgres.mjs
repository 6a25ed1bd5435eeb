// A throwaway PostgreSQL cluster from .ci/postgres.sh (initdb + pg_ctl on a free loopback port).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
    stop() {
      bash('stop_postgres', { PG_DIR: pgDir, PG_BIN: pgBin });
    },
  };
}
