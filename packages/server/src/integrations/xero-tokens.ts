import { newId } from '../app/ids.js';
import { ProviderError } from '../providers/errors.js';
import type { XeroTokenSet } from '../providers/xero-types.js';
import type { IntegrationEnv } from './env.js';
import { providerNotConfigured } from './errors.js';
import { loadIntegrationById, sealContext, type IntegrationRow } from './store.js';

/** An access token is refreshed when it has less than this left. */
export const ACCESS_TOKEN_MARGIN_MS = 60_000;
/** How long one process may hold the right to spend the refresh token. */
export const REFRESH_LEASE_MS = 2 * 60_000;
const LEASE_POLL_MS = 50;

export interface XeroAccess {
  accessToken: string;
  /** `token_version` of the row the token came from: pass it back to `refreshXeroAccess`. */
  version: number;
}

function lostConnection(message = 'Xero is no longer connected; connect it again.'): ProviderError {
  return new ProviderError(message, { provider: 'xero', reason: 'needs_reauth' });
}

function liveAccess(env: IntegrationEnv, row: IntegrationRow): XeroAccess | null {
  if (!row.access_token_sealed || !row.access_expires_at) return null;
  if (new Date(row.access_expires_at).getTime() - ACCESS_TOKEN_MARGIN_MS <= env.clock().getTime()) return null;
  return { accessToken: env.secrets.open(row.access_token_sealed, sealContext.xeroAccessToken(row.org_id)), version: row.token_version };
}

/** The seal of a token set, as the columns store it. */
export function sealTokens(env: IntegrationEnv, orgId: string, tokens: XeroTokenSet) {
  return {
    access: env.secrets.seal(tokens.accessToken, sealContext.xeroAccessToken(orgId)),
    refresh: tokens.refreshToken ? env.secrets.seal(tokens.refreshToken, sealContext.xeroRefreshToken(orgId)) : null,
    expiresAt: new Date(tokens.expiresAt),
  };
}

/** A usable access token for a Xero connection, refreshed first when it is about to expire. */
export async function xeroAccess(env: IntegrationEnv, integrationId: string): Promise<XeroAccess> {
  const row = await loadIntegrationById(env.db, integrationId);
  if (!row || (!row.refresh_token_sealed && !row.access_token_sealed)) throw lostConnection();
  return liveAccess(env, row) ?? refreshXeroAccess(env, integrationId, row.token_version);
}

/**
 * Rotates the refresh token of a connection, once, however many callers ask at the same time.
 *
 * Xero refresh tokens are single-use: whoever spends one must store its successor, and a second
 * refresh with the same token fails with `invalid_grant` (a lost connection). So:
 * - in this process, callers queue on a mutex keyed by the connection id;
 * - across processes, the right to spend the token is a lease taken by compare-and-swap on
 *   `token_version` (`refresh_claim`), and the new tokens are written only if `token_version` is
 *   still the one the lease was taken on. A process that finds the lease taken waits for it;
 * - a caller holding a token of an older version than the stored one (`seenVersion`) just takes
 *   the stored one: someone refreshed while it waited.
 * No database transaction is held while Xero answers.
 */
export async function refreshXeroAccess(env: IntegrationEnv, integrationId: string, seenVersion: number): Promise<XeroAccess> {
  const xero = env.xero;
  if (!xero) throw providerNotConfigured('xero');
  return env.locks.run(`xero:${integrationId}`, async () => {
    const giveUpAt = Date.now() + REFRESH_LEASE_MS + 5_000;
    for (;;) {
      const row = await loadIntegrationById(env.db, integrationId);
      if (!row?.refresh_token_sealed) throw lostConnection();
      if (row.token_version !== seenVersion) {
        const current = liveAccess(env, row);
        if (current) return current;
        seenVersion = row.token_version;
      }
      const now = env.clock();
      const claim = newId('rfl');
      const { rows } = await env.db.query<{ refresh_token_sealed: string }>(
        `UPDATE integrations SET refresh_claim = $2, refresh_claimed_at = $3
          WHERE id = $1 AND token_version = $4 AND refresh_token_sealed IS NOT NULL
            AND (refresh_claim IS NULL OR refresh_claimed_at < $5)
          RETURNING refresh_token_sealed`,
        [integrationId, claim, now, seenVersion, new Date(now.getTime() - REFRESH_LEASE_MS)],
      );
      const claimed = rows[0];
      if (!claimed) {
        // Another process is refreshing (or just did): wait, then read what it stored.
        if (Date.now() > giveUpAt) {
          throw new ProviderError('Refreshing the Xero connection is taking too long. Try again.', { provider: 'xero', reason: 'provider_unavailable' });
        }
        await env.sleep(LEASE_POLL_MS);
        continue;
      }
      let tokens: XeroTokenSet;
      try {
        tokens = await xero.client.refresh(env.secrets.open(claimed.refresh_token_sealed, sealContext.xeroRefreshToken(row.org_id)));
      } catch (error) {
        await env.db.query('UPDATE integrations SET refresh_claim = NULL, refresh_claimed_at = NULL WHERE id = $1 AND refresh_claim = $2', [
          integrationId,
          claim,
        ]);
        throw error;
      }
      const sealed = sealTokens(env, row.org_id, tokens);
      const saved = await env.db.query<{ token_version: number }>(
        `UPDATE integrations SET access_token_sealed = $3, refresh_token_sealed = $4, access_expires_at = $5,
            token_version = token_version + 1, refresh_claim = NULL, refresh_claimed_at = NULL, updated_at = $6
          WHERE id = $1 AND token_version = $2
          RETURNING token_version`,
        [integrationId, seenVersion, sealed.access, sealed.refresh, sealed.expiresAt, env.clock()],
      );
      const version = saved.rows[0]?.token_version;
      if (version === undefined) throw lostConnection('Xero was disconnected or reconnected while its tokens were refreshed.');
      return { accessToken: tokens.accessToken, version: Number(version) };
    }
  });
}
