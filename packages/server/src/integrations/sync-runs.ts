import type { Provider, SyncRun } from '@billingone/settings-core';
import { keysetPage, decodeTimeCursor, encodeCursor } from '@billingone/settings-core/implementation';
import { iso, isoOrNull } from '../app/json.js';
import { fieldProblem } from '../app/problem.js';
import type { Queryable } from '../db/types.js';

export interface SyncRunRow {
  id: string;
  provider: Provider;
  trigger: SyncRun['trigger'];
  status: SyncRun['status'];
  started_at: Date;
  finished_at: Date | null;
  counts: Record<string, number> | null;
  error_code: string | null;
  error_message: string | null;
}

export const syncRunColumns = 'id, provider, trigger, status, started_at, finished_at, counts, error_code, error_message';

export function syncRunJson(row: SyncRunRow): SyncRun {
  return {
    id: row.id,
    provider: row.provider,
    trigger: row.trigger,
    status: row.status,
    startedAt: iso(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
    counts: row.counts ?? {},
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
  };
}

export const DEFAULT_SYNC_PAGE = 20;

/** Sync history of a provider, newest first, with keyset paging on `(started_at, id)`. */
export async function listSyncRuns(
  q: Queryable,
  orgId: string,
  provider: Provider,
  query: { cursor?: string; limit?: number },
): Promise<{ items: SyncRun[]; nextCursor: string | null }> {
  const limit = query.limit ?? DEFAULT_SYNC_PAGE;
  const params: unknown[] = [orgId, provider];
  let where = 'org_id = $1 AND provider = $2';
  if (query.cursor) {
    const after = decodeTimeCursor(query.cursor);
    params.push(new Date(after.at), after.id);
    where += ' AND started_at <= $3 AND (started_at < $3 OR id < $4)';
  }
  params.push(limit + 1);
  const { rows } = await q.query<SyncRunRow>(
    `SELECT ${syncRunColumns} FROM integration_sync_runs WHERE ${where} ORDER BY started_at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  const { page, nextCursor } = keysetPage(rows, limit, (last) => encodeCursor([iso(last.started_at), last.id]));
  return { items: page.map(syncRunJson), nextCursor };
}
