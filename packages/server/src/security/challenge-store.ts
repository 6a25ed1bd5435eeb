import { newId } from '../app/ids.js';
import type { Queryable } from '../db/types.js';
import type { ChallengeStore } from './webauthn.js';

/**
 * WebAuthn challenges in the database (table `webauthn_challenges`). `take` deletes the row in the
 * same statement that reads it, so a challenge answers at most one verification even when two
 * arrive at once; expired rows are swept whenever a new challenge is stored.
 */
export function createDbChallengeStore(db: Queryable): ChallengeStore {
  return {
    async put(entry) {
      const id = newId('wch');
      await db.query('DELETE FROM webauthn_challenges WHERE expires_at <= $1', [entry.createdAt]);
      await db.query(
        `INSERT INTO webauthn_challenges (id, kind, member_id, challenge, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, entry.kind, entry.memberId, entry.challenge, entry.createdAt, entry.expiresAt],
      );
      return id;
    },
    async take(id, kind, memberId, now) {
      const { rows } = await db.query<{ kind: string; member_id: string | null; challenge: string; expires_at: Date | string }>(
        'DELETE FROM webauthn_challenges WHERE id = $1 RETURNING kind, member_id, challenge, expires_at',
        [id],
      );
      const row = rows[0];
      if (!row || row.kind !== kind || row.member_id !== memberId || new Date(row.expires_at) <= now) return null;
      return row.challenge;
    },
  };
}
