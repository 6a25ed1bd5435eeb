import { createHash } from 'node:crypto';
import { canonicalJson, etagMatches } from '@billingone/settings-core/implementation';
import { problem } from './problem.js';

/** The strong ETag of a representation: a hash of its canonical JSON (key order does not matter). */
export function etagOf(representation: unknown): string {
  return `"${createHash('sha256').update(canonicalJson(representation)).digest('base64url').slice(0, 27)}"`;
}

/** Throws 412 when `ifMatch` does not name the current representation. */
export function assertIfMatch(ifMatch: string | undefined, current: unknown): void {
  if (ifMatch === undefined) throw problem(428, 'if_match_required', 'Send the If-Match header with the ETag you last read.');
  if (!etagMatches(ifMatch, etagOf(current))) {
    throw problem(412, 'stale_version', 'Someone changed this since you loaded it. Reload and try again.', {
      headers: { etag: etagOf(current) },
    });
  }
}
