import type { Actor } from './actor.js';

/** How long a looked-up member stays cached when `actorCacheMs` is not set. */
export const DEFAULT_ACTOR_CACHE_MS = 1000;
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  storedAt: number;
  epoch: number;
}

/**
 * Signed-in members by credential hash, so a burst of reads from one session costs one lookup.
 * Every write this app handles starts a new epoch, which drops every entry: a role change, a
 * sign-out or an MFA enrolment is seen by the very next request. Writes made elsewhere (another
 * process on the same PostgreSQL, direct SQL) are seen within `ttlMs`. Expiry and the recent
 * re-authentication window are compared with the clock on every request, cached or not.
 */
export class ActorCache {
  #entries = new Map<string, Entry>();
  #epoch = 0;

  constructor(readonly ttlMs: number) {}

  /** The epoch to pass to `set` for a lookup that starts now. */
  get epoch(): number {
    return this.#epoch;
  }

  /** The cached member of `key`, else what `load` finds (kept for the next requests). */
  async lookup(key: string, now: Date, load: () => Promise<Actor | null>): Promise<Actor | null> {
    const nowMs = now.getTime();
    const cached = this.get(key, nowMs);
    if (cached && cached.expiresAt > now) return cached;
    const epoch = this.#epoch;
    const actor = await load();
    if (actor) this.set(key, actor, epoch, nowMs);
    return actor;
  }

  get(key: string, nowMs: number): Actor | null {
    const entry = this.#entries.get(key);
    if (!entry) return null;
    if (entry.epoch !== this.#epoch || nowMs - entry.storedAt >= this.ttlMs || nowMs < entry.storedAt) {
      this.#entries.delete(key);
      return null;
    }
    return entry.actor;
  }

  /** Keeps `actor` unless a write happened since its lookup started (`epoch` is then stale). */
  set(key: string, actor: Actor, epoch: number, nowMs: number): void {
    if (this.ttlMs <= 0 || epoch !== this.#epoch) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { actor, storedAt: nowMs, epoch });
  }

  /** Forgets every entry (a write happened). */
  invalidate(): void {
    this.#epoch++;
    this.#entries.clear();
  }
}
