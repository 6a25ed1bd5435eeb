import type { Provider } from '@billingone/settings-core';
import type { Queryable } from '../db/types.js';
import type { IntegrationEnv } from './env.js';
import { deletePax8Records } from './pax8-sync.js';
import { loadIntegrationById, sealContext, type IntegrationRow } from './store.js';

/**
 * Xero: revokes the grant at Xero with the stored refresh token (under the connection's lock, so
 * it is not being rotated at that moment). Pax8 client credentials cannot be revoked by a third
 * party; they are only deleted here. Returns whether Xero confirmed the revocation.
 */
export async function revokeAtProvider(env: IntegrationEnv, row: IntegrationRow): Promise<boolean> {
  if (row.provider !== 'xero' || !env.xero) return false;
  const xero = env.xero;
  return env.locks.run(`xero:${row.id}`, async () => {
    const current = await loadIntegrationById(env.db, row.id);
    if (!current?.refresh_token_sealed) return false;
    try {
      await xero.client.revoke(env.secrets.open(current.refresh_token_sealed, sealContext.xeroRefreshToken(row.org_id)));
      return true;
    } catch (error) {
      env.logger.warn('Xero did not confirm the revocation; the stored tokens are deleted anyway', {
        orgId: row.org_id,
        reason: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  });
}

/** Deletes the connection (secrets and tokens with it) and the records it synced. Mappings and sync history stay. */
export async function deleteIntegration(tx: Queryable, orgId: string, provider: Provider): Promise<void> {
  await tx.query('DELETE FROM integrations WHERE org_id = $1 AND provider = $2', [orgId, provider]);
  if (provider === 'pax8') await deletePax8Records(tx, orgId);
  else {
    await tx.query('DELETE FROM xero_invoices WHERE org_id = $1', [orgId]);
    await tx.query('DELETE FROM xero_oauth_states WHERE org_id = $1', [orgId]);
  }
}
