import { createHash } from 'node:crypto';
import type { Queryable } from '../db/types.js';
import type { SecretBox } from '../security/crypto.js';
import { problem } from './problem.js';

/** How long a key replays its first response. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** A creating request sent with `Idempotency-Key`: who sent it, the key, and what was asked. */
export interface IdempotentRequest {
  /** `member:<id>` or `api-key:<id>`: keys of different callers never meet. */
  scope: string;
  key: string;
  endpointId: string;
  /** Hash of the method, path and parsed body: the same key with another request is refused. */
  fingerprint: string;
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** The idempotent request of a creating call, or null without the header. Refuses a malformed key (400). */
export function idempotentRequest(input: { header: string | undefined; scope: string; endpointId: string; method: string; path: string; body: unknown }): IdempotentRequest | null {
  if (input.header === undefined) return null;
  const key = input.header.trim();
  if (!KEY_PATTERN.test(key)) {
    throw problem(400, 'invalid_idempotency_key', 'Idempotency-Key must be 1 to 255 visible ASCII characters.', {
      fieldErrors: [{ path: '', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters.', code: 'invalid_idempotency_key' }],
    });
  }
  const fingerprint = createHash('sha256')
    .update(`${input.method} ${input.path}\n${JSON.stringify(input.body ?? null)}`)
    .digest('hex');
  return { scope: input.scope, key, endpointId: input.endpointId, fingerprint };
}

const sealContext = (request: IdempotentRequest) => `idempotency:${request.scope}:${request.key}`;

function reused(): Error {
  return problem(422, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different request. Use a new key.');
}

/** The response recorded for this key in the last 24 hours (422 when it was used for another request), or null. */
export async function recordedResponse(db: Queryable, secrets: SecretBox, request: IdempotentRequest, now: Date): Promise<StoredResponse | null> {
  const { rows } = await db.query<{ endpoint_id: string; fingerprint: string; status: number; body_sealed: string }>(
    'SELECT endpoint_id, fingerprint, status, body_sealed FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_at > $3',
    [request.scope, request.key, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.endpoint_id !== request.endpointId || row.fingerprint !== request.fingerprint) throw reused();
  return { status: Number(row.status), body: JSON.parse(secrets.open(row.body_sealed, sealContext(request))) as unknown };
}

/** Thrown when another request with the same key committed first; the caller replays its answer. */
export class IdempotencyRace extends Error {}

/**
 * Records the response of a key, in the transaction of the mutation (so a rolled-back request
 * leaves no record). A record older than 24 hours is replaced; a live one means a concurrent
 * request with the same key won: `IdempotencyRace` rolls this one back.
 */
export async function recordResponse(tx: Queryable, secrets: SecretBox, request: IdempotentRequest, response: StoredResponse, now: Date): Promise<void> {
  const { rows } = await tx.query(
    `INSERT INTO idempotency_keys (scope, key, endpoint_id, fingerprint, status, body_sealed, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (scope, key) DO UPDATE
       SET endpoint_id = EXCLUDED.endpoint_id, fingerprint = EXCLUDED.fingerprint, status = EXCLUDED.status,
           body_sealed = EXCLUDED.body_sealed, created_at = EXCLUDED.created_at
       WHERE idempotency_keys.created_at <= $8
     RETURNING 1`,
    [request.scope, request.key, request.endpointId, request.fingerprint, response.status, secrets.seal(JSON.stringify(response.body ?? null), sealContext(request)), now, new Date(now.getTime() - IDEMPOTENCY_TTL_MS)],
  );
  if (rows.length === 0) throw new IdempotencyRace('Another request with this Idempotency-Key finished first.');
}
