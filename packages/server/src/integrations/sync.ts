import type { Provider, SyncRun } from '@billingone/settings-core';
import { newId } from '../app/ids.js';
import { problem } from '../app/problem.js';
import type { Queryable } from '../db/types.js';
import type { IntegrationEnv } from './env.js';
import { notConfigured, providerNotConfigured, statusAfterFailure, syncFailureOf, type SyncFailure } from './errors.js';
import { deletePax8Records, syncPax8 } from './pax8-sync.js';
import { countRecords, loadIntegrationById, SYNC_INTERVAL_MS, SYNC_STALE_MS, type IntegrationRow } from './store.js';
import { syncRunColumns, syncRunJson, type SyncRunRow } from './sync-runs.js';
import type { ProviderSync } from './sync-types.js';
import { syncXero } from './xero-sync.js';

export interface RunSyncOptions {
  trigger: SyncRun['trigger'];
  /** Called in the transaction that records the outcome (the manual sync's audit entry). */
  onFinished?: (tx: Queryable, run: SyncRun) => Promise<void>;
}

/** Marks the integration `syncing` and records a running run, or refuses (404/409/503). */
async function claimSync(env: IntegrationEnv, orgId: string, provider: Provider, trigger: SyncRun['trigger']) {
  const startedAt = env.clock();
  return env.db.transaction(async (tx) => {
    const { rows } = await tx.query<IntegrationRow>(
      'SELECT id, org_id, provider, status, sync_started_at FROM integrations WHERE org_id = $1 AND provider = $2 FOR UPDATE',
      [orgId, provider],
    );
    const row = rows[0];
    if (!row) throw notConfigured(provider);
    if (row.status === 'needs_reauth') {
      throw problem(409, 'needs_reauth', provider === 'pax8' ? 'Pax8 refused the saved credentials. Enter them again.' : 'Xero needs to be connected again.');
    }
    if (row.status === 'choose_tenant') throw problem(409, 'tenant_required', 'Choose the Xero organisation to sync first.');
    if (provider === 'pax8' ? !env.pax8 : !env.xero) throw providerNotConfigured(provider);
    const running = row.status === 'syncing' && row.sync_started_at && startedAt.getTime() - new Date(row.sync_started_at).getTime() < SYNC_STALE_MS;
    if (running) throw problem(409, 'sync_in_progress', 'A sync is already running. Wait for it to finish.');
    // A run left `running` by a process that stopped is closed as failed.
    await tx.query(
      `UPDATE integration_sync_runs SET status = 'failed', finished_at = $3, error_code = 'interrupted',
         error_message = 'The sync stopped before it finished.'
       WHERE org_id = $1 AND provider = $2 AND status = 'running'`,
      [orgId, provider, startedAt],
    );
    await tx.query(`UPDATE integrations SET status = 'syncing', sync_started_at = $2, updated_at = $2 WHERE id = $1`, [row.id, startedAt]);
    const runId = newId('syn');
    await tx.query(
      `INSERT INTO integration_sync_runs (id, org_id, provider, trigger, status, started_at) VALUES ($1, $2, $3, $4, 'running', $5)`,
      [runId, orgId, provider, trigger, startedAt],
    );
    return { integrationId: row.id, runId, startedAt };
  });
}

/**
 * Runs one sync of a provider to completion: `connected → syncing → connected | error |
 * needs_reauth`, recorded as a run (`running`, then `succeeded` or `failed` with counts and the
 * error). Provider calls happen outside any database transaction; each page is written in its own.
 */
export async function runSync(env: IntegrationEnv, orgId: string, provider: Provider, options: RunSyncOptions): Promise<SyncRun> {
  const { integrationId, runId, startedAt } = await claimSync(env, orgId, provider, options.trigger);
  const progress: Record<string, number> = {};
  let outcome: { ok: true; sync: ProviderSync } | { ok: false; failure: SyncFailure };
  try {
    const integration = await loadIntegrationById(env.db, integrationId);
    if (!integration) throw notConfigured(provider);
    const sync = provider === 'pax8' ? await syncPax8(env, integration, runId, progress) : await syncXero(env, integration, progress);
    outcome = { ok: true, sync };
  } catch (error) {
    const failure = syncFailureOf(error);
    if (failure.code === 'sync_failed') {
      env.logger.error('Integration sync failed', { provider, orgId, runId, error: error instanceof Error ? error.message : String(error) });
    }
    outcome = { ok: false, failure };
  }
  return env.db.transaction(async (tx) => {
    const finishedAt = env.clock();
    const { rows } = await tx.query<{ id: string }>(
      'SELECT id FROM integrations WHERE id = $1 AND sync_started_at = $2 FOR UPDATE',
      [integrationId, startedAt],
    );
    const stillOurs = rows.length > 0;
    let counts: Record<string, number> = { ...progress };
    let failure = outcome.ok ? null : outcome.failure;
    if (outcome.ok && !stillOurs) failure = { code: 'disconnected', message: 'The integration was disconnected during the sync.' };
    if (outcome.ok && stillOurs) {
      const extra = await outcome.sync.finalize(tx);
      counts = { ...(await countRecords(tx, orgId, provider)), ...extra };
    }
    if (!stillOurs) {
      // Disconnected (or reconfigured) meanwhile: what this run wrote must not outlive the connection.
      const { rows: current } = await tx.query('SELECT 1 FROM integrations WHERE id = $1', [integrationId]);
      if (current.length === 0) {
        if (provider === 'pax8') await deletePax8Records(tx, orgId);
        else await tx.query('DELETE FROM xero_invoices WHERE org_id = $1', [orgId]);
      }
    }
    const { rows: runRows } = await tx.query<SyncRunRow>(
      `UPDATE integration_sync_runs SET status = $2, finished_at = $3, counts = $4::text::jsonb, error_code = $5, error_message = $6
        WHERE id = $1 RETURNING ${syncRunColumns}`,
      [runId, failure ? 'failed' : 'succeeded', finishedAt, JSON.stringify(counts), failure?.code ?? null, failure?.message ?? null],
    );
    if (stillOurs) {
      const next = new Date(finishedAt.getTime() + SYNC_INTERVAL_MS);
      if (failure) {
        const status = statusAfterFailure(provider, failure.code);
        await tx.query(
          `UPDATE integrations SET status = $2, error_code = $3, error_message = $4, next_sync_at = $5, updated_at = $6 WHERE id = $1`,
          [integrationId, status, failure.code, failure.message, status === 'needs_reauth' ? null : next, finishedAt],
        );
      } else {
        const stored = Object.fromEntries(Object.entries(counts).filter(([key]) => !key.endsWith('Changed')));
        await tx.query(
          `UPDATE integrations SET status = 'connected', error_code = NULL, error_message = NULL, counts = $2::text::jsonb,
             last_sync_at = $3, last_success_started_at = $4, next_sync_at = $5, updated_at = $3 WHERE id = $1`,
          [integrationId, JSON.stringify(stored), finishedAt, startedAt, next],
        );
      }
    }
    const run = syncRunJson(runRows[0]!);
    await options.onFinished?.(tx, run);
    return run;
  });
}
