import { createHash } from 'node:crypto';
import type { Queryable } from '../db/types.js';

/**
 * Uploaded files in the database (table `files`), addressed by the SHA-256 of their bytes: the
 * same image uploaded twice is stored once, and a URL never changes meaning, so it can be cached
 * forever. A file is deleted when no avatar or logo points to it any more.
 */
export const FILES_PATH = '/v1/files/';

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The public URL of a file: absolute under `publicUrl` when configured (embedding hosts live on other origins), else a path. */
export function fileUrl(hash: string, publicUrl: string | undefined): string {
  const base = publicUrl ? publicUrl.replace(/\/+$/, '') : '';
  return `${base}${FILES_PATH}${hash}`;
}

/** The hash of a URL made by `fileUrl`, or null. */
export function hashOfFileUrl(url: string | null | undefined): string | null {
  const match = url ? /\/v1\/files\/([0-9a-f]{64})$/.exec(url) : null;
  return match ? match[1]! : null;
}

export async function storeFile(q: Queryable, file: { bytes: Uint8Array; contentType: string }, now: Date): Promise<string> {
  const hash = contentHash(file.bytes);
  await q.query(
    'INSERT INTO files (hash, content_type, size, bytes, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (hash) DO NOTHING',
    [hash, file.contentType, file.bytes.byteLength, file.bytes, now],
  );
  return hash;
}

/** Deletes the file behind `url` unless an avatar or a logo still uses it. */
export async function releaseFile(q: Queryable, url: string | null | undefined): Promise<void> {
  const hash = hashOfFileUrl(url);
  if (!hash) return;
  const suffix = `%${FILES_PATH}${hash}`;
  await q.query(
    `DELETE FROM files WHERE hash = $1
       AND NOT EXISTS (SELECT 1 FROM members WHERE avatar_url LIKE $2)
       AND NOT EXISTS (SELECT 1 FROM organizations WHERE logo_url LIKE $2)`,
    [hash, suffix],
  );
}

export interface StoredFile {
  contentType: string;
  bytes: Uint8Array;
}

export async function readFile(q: Queryable, hash: string): Promise<StoredFile | null> {
  const { rows } = await q.query<{ content_type: string; bytes: Uint8Array }>('SELECT content_type, bytes FROM files WHERE hash = $1', [hash]);
  const row = rows[0];
  return row ? { contentType: row.content_type, bytes: new Uint8Array(row.bytes) } : null;
}
