import type { Hono } from 'hono';
import type { AppEnv } from '../app/env.js';
import { problem, problemResponse } from '../app/problem.js';
import { readFile } from './storage.js';

/**
 * `GET /v1/files/{hash}`: uploaded avatars and logos, public (they are shown in `<img>` on any
 * embedding host) and immutable (the URL is the content hash). Served so a browser never runs
 * them: the stored type, `nosniff`, and a CSP that forbids everything (SVG: inline styles only,
 * in a sandbox), should someone open the URL directly.
 */
export const fileSecurityHeaders = (contentType: string): Record<string, string> => ({
  'content-type': contentType,
  'x-content-type-options': 'nosniff',
  'content-security-policy': contentType === 'image/svg+xml' ? "default-src 'none'; style-src 'unsafe-inline'; sandbox" : "default-src 'none'",
  'cross-origin-resource-policy': 'cross-origin',
  'cache-control': 'public, max-age=31536000, immutable',
});

export function registerFileRoutes(app: Hono<AppEnv>): void {
  app.get('/files/:hash', async (c) => {
    const hash = c.req.param('hash');
    const notFound = () => problemResponse(problem(404, 'file_not_found', 'There is no such file.'));
    if (!/^[0-9a-f]{64}$/.test(hash)) return notFound();
    const etag = `"${hash}"`;
    const ifNoneMatch = c.req.header('if-none-match');
    const file = await readFile(c.var.state.deps.db, hash);
    if (!file) return notFound();
    const headers = { ...fileSecurityHeaders(file.contentType), etag };
    if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) {
      return new Response(null, { status: 304, headers });
    }
    return new Response(file.bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...headers, 'content-length': String(file.bytes.byteLength) } });
  });
}
