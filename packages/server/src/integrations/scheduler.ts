import type { Provider } from '@billingone/settings-core';
import type { AppDeps } from '../app/deps.js';
import type { Db } from '../db/types.js';
import { integrationEnv, type IntegrationEnv } from './env.js';
import { ProblemError } from '../app/problem.js';
import { runSync } from './sync.js';

export interface SyncSchedulerOptions {
  db: Db;
  /** The app's dependencies (secrets, providers, clock, logger); `db` above wins. */
  deps: Omit<AppDeps, 'db'> & { db?: Db };
  /** How often to look for due syncs (default one minute). */
  intervalMs?: number;
  /** For tests: the integration environment to run on (locks, sleep). */
  env?: IntegrationEnv;
}

export interface SyncScheduler {
  /** Runs every due sync once, one after the other; resolves with how many ran. */
  tick(): Promise<number>;
  /** Stops the timer and waits for a tick in progress. */
  stop(): Promise<void>;
}

/**
 * Runs scheduled syncs: every `intervalMs`, each connected (or failed) integration whose
 * `next_sync_at` has come is synced with trigger `scheduled` (next one 6 hours after it finishes).
 * Integrations waiting for the member (`needs_reauth`, `choose_tenant`) are left alone, and a sync
 * already running is not started twice. Ticks never overlap.
 */
export function startSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const env = options.env ?? integrationEnv({ ...options.deps, db: options.db });
  const intervalMs = options.intervalMs ?? 60_000;
  let running: Promise<number> | null = null;
  let stopped = false;

  async function runDue(): Promise<number> {
    const { rows } = await env.db.query<{ org_id: string; provider: Provider }>(
      `SELECT org_id, provider FROM integrations
        WHERE status IN ('connected', 'error') AND next_sync_at IS NOT NULL AND next_sync_at <= $1
        ORDER BY next_sync_at, id LIMIT 100`,
      [env.clock()],
    );
    let ran = 0;
    for (const row of rows) {
      if (stopped) break;
      try {
        await runSync(env, row.org_id, row.provider, { trigger: 'scheduled' });
        ran++;
      } catch (error) {
        // 409 (already running, just changed state) and 503 (provider not set up) are expected here.
        if (!(error instanceof ProblemError)) {
          env.logger.error('Scheduled sync could not run', { orgId: row.org_id, provider: row.provider, error: error instanceof Error ? error.message : String(error) });
        }
      }
    }
    return ran;
  }

  function tick(): Promise<number> {
    if (running) return running;
    running = runDue().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = setInterval(() => {
    tick().catch((error: unknown) => {
      env.logger.error('Sync scheduler tick failed', { error: error instanceof Error ? error.message : String(error) });
    });
  }, intervalMs);
  timer.unref?.();

  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running.catch(() => undefined);
    },
  };
}
