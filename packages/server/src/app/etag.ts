import { createHash } from 'node:crypto';
import { problem } from './problem.js';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The strong ETag of a representation: a hash of its canonical JSON (key order does not matter). */
export function etagOf(representation: unknown): string {
  return `"${createHash('sha256').update(canonical(representation)).digest('base64url').slice(0, 27)}"`;
}

/** Whether an `If-Match`/`If-None-Match` header value names `etag` (lists and `*` accepted, `W/` ignored). */
export function etagMatches(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((part) => part.trim().replace(/^W\//, ''))
    .some((part) => part === '*' || part === etag);
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
