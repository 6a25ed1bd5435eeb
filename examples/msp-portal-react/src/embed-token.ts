/** What the portal backend answers on `POST /api/billingone-token`. */
export interface EmbedToken {
  token: string;
  /** ISO 8601. */
  expiresAt: string;
}

export interface EmbedTokenSourceOptions {
  /** Asks the portal backend for a new token; `null` when the portal user is signed out. */
  fetchToken: () => Promise<EmbedToken | null>;
  /**
   * Fetch a new token this long before the current one expires (default 60 s), and at most half
   * its lifetime before: a 60-second token is then reused for 30 seconds, not refetched every time.
   */
  refreshMarginMs?: number;
  now?: () => number;
}

export interface EmbedTokenSource {
  /** For core's `createSettingsClient({ getToken })`: the cached token, or a new one when forced or near expiry. */
  getToken(context?: { forceRefresh: boolean }): Promise<string | null>;
  /** Forgets the cached token (on portal sign-out). */
  clear(): void;
}

/**
 * Caches the embed token between requests and fetches a new one when the Settings API refused the
 * current one (`forceRefresh`) or it is about to expire. Concurrent callers share one fetch.
 */
export function createEmbedTokenSource({ fetchToken, refreshMarginMs = 60_000, now = Date.now }: EmbedTokenSourceOptions): EmbedTokenSource {
  let current: { token: string; refreshAt: number } | undefined;
  let pending: Promise<string | null> | undefined;
  let generation = 0;

  const refresh = (): Promise<string | null> => {
    const started = generation;
    pending ??= fetchToken()
      .then((answer) => {
        if (started !== generation) return null;
        if (!answer) {
          current = undefined;
          return null;
        }
        const expiresAt = Date.parse(answer.expiresAt);
        if (!answer.token || Number.isNaN(expiresAt)) throw new Error('The portal answered without a usable BillingOne token.');
        const lifetime = expiresAt - now();
        current = { token: answer.token, refreshAt: expiresAt - Math.min(refreshMarginMs, lifetime / 2) };
        return answer.token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  return {
    async getToken(context) {
      if (!context?.forceRefresh && current && current.refreshAt > now()) return current.token;
      return refresh();
    },
    clear() {
      generation += 1;
      current = undefined;
      pending = undefined;
    },
  };
}
