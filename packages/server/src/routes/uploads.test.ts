import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../testing/harness.js';
import { contentHash } from '../uploads/storage.js';
import { tinyJpeg, tinyPng, tinyWebp } from '../uploads/testing/images.js';

let t: TestServer;
beforeAll(async () => {
  t = await createTestServer();
});
beforeEach(() => t.reset());
afterAll(() => t.close());

const put = (path: string, as: string, bytes: Uint8Array | string, type: string) =>
  t.request('PUT', path, { as, body: bytes, headers: { 'content-type': type } });

const hostileSvg =
  '<?xml version="1.0"?><?xml-stylesheet href="https://evil.example/x.css"?>' +
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" onload="alert(1)">' +
  '<script>alert(document.cookie)</script>' +
  '<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example"/></foreignObject>' +
  '<style>@import url(https://evil.example/a.css);</style>' +
  '<a xlink:href="&#x6A;avascript:alert(1)"><rect width="10" height="10"/></a>' +
  '<use href="https://evil.example/s.svg#i"/>' +
  '<circle r="4" fill="#1d4ed8" ONCLICK="alert(2)"/>' +
  '</svg>';

describe('PUT /v1/profile/avatar', () => {
  it('stores a PNG and serves it at an immutable URL with safe headers', async () => {
    const png = tinyPng(4);
    const res = await put('/profile/avatar', 'viewer', png, 'image/png');
    expect(res.status).toBe(200);
    const hash = contentHash(png);
    expect(res.body).toEqual({ avatarUrl: `http://localhost/v1/files/${hash}` });
    expect((await t.request('GET', '/profile', { as: 'viewer' })).body.avatarUrl).toBe(res.body.avatarUrl);
    expect((await t.request('GET', '/me', { as: 'viewer' })).body.member.avatarUrl).toBe(res.body.avatarUrl);

    const file = await t.request('GET', `/v1/files/${hash}`);
    expect(file.status).toBe(200);
    const raw = await t.app.request(`http://localhost/v1/files/${hash}`);
    expect(Buffer.from(await raw.arrayBuffer())).toEqual(png);
    expect(raw.headers.get('content-type')).toBe('image/png');
    expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
    expect(raw.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(raw.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(raw.headers.get('etag')).toBe(`"${hash}"`);
    const cached = await t.app.request(`http://localhost/v1/files/${hash}`, { headers: { 'if-none-match': `"${hash}"` } });
    expect(cached.status).toBe(304);

    const { rows } = await t.db.query<{ action: string; after: Record<string, unknown> }>(`SELECT action, after FROM audit_logs WHERE action = 'profile.avatar_updated'`);
    expect(rows[0]!.after).toMatchObject({ avatarUrl: res.body.avatarUrl, contentType: 'image/png', size: png.length });
  });

  it('accepts JPEG and WebP, judged by content', async () => {
    expect((await put('/profile/avatar', 'viewer', tinyJpeg(), 'image/jpeg')).status).toBe(200);
    // Declared as PNG, really WebP: stored and served as WebP.
    const res = await put('/profile/avatar', 'viewer', tinyWebp(), 'image/png');
    expect(res.status).toBe(200);
    const raw = await t.app.request(res.body.avatarUrl);
    expect(raw.headers.get('content-type')).toBe('image/webp');
  });

  it('refuses files whose content is not an allowed image, whatever their declared type', async () => {
    const html = await put('/profile/avatar', 'viewer', '<html><script>alert(1)</script></html>', 'image/png');
    expect(html.status).toBe(415);
    expect(html.body.code).toBe('unsupported_file_type');
    expect(html.body.fieldErrors[0]).toMatchObject({ path: 'file', code: 'unsupported_file_type' });
    expect(html.body.detail).toBe('This file is not a PNG, JPEG or WebP image.');

    const svg = await put('/profile/avatar', 'viewer', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'image/png');
    expect(svg.status).toBe(415);
    expect(svg.body.detail).toMatch(/it is SVG/);

    const declared = await put('/profile/avatar', 'viewer', tinyPng(), 'application/octet-stream');
    expect(declared.status).toBe(415);
    expect((await t.request('GET', '/profile', { as: 'viewer' })).body.avatarUrl).toBeNull();
  });

  it('refuses files over 2 MB and empty files', async () => {
    const big = Buffer.concat([tinyPng(), Buffer.alloc(2 * 1024 * 1024)]);
    const res = await put('/profile/avatar', 'viewer', big, 'image/png');
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('file_too_large');
    const empty = await put('/profile/avatar', 'viewer', new Uint8Array(), 'image/png');
    expect(empty.status).toBe(422);
  });

  it('replacing or removing the avatar deletes the old file once nothing uses it', async () => {
    const first = (await put('/profile/avatar', 'viewer', tinyPng(1), 'image/png')).body.avatarUrl as string;
    // Another member uses the same image: the file is shared.
    await put('/profile/avatar', 'engineer', tinyPng(1), 'image/png');
    const second = (await put('/profile/avatar', 'viewer', tinyPng(2), 'image/png')).body.avatarUrl as string;
    expect(second).not.toBe(first);
    expect((await t.app.request(first)).status).toBe(200);

    expect((await t.request('DELETE', '/profile/avatar', { as: 'engineer' })).status).toBe(204);
    expect((await t.app.request(first)).status).toBe(404);

    expect((await t.request('DELETE', '/profile/avatar', { as: 'viewer' })).status).toBe(204);
    expect((await t.app.request(second)).status).toBe(404);
    expect((await t.request('GET', '/profile', { as: 'viewer' })).body.avatarUrl).toBeNull();
    // Removing again is a no-op.
    expect((await t.request('DELETE', '/profile/avatar', { as: 'viewer' })).status).toBe(204);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM audit_logs WHERE action = 'profile.avatar_removed'`);
    expect(rows[0].n).toBe(2);
  });

  it('needs a signed-in member and the CSRF token', async () => {
    expect((await t.request('PUT', '/profile/avatar', { body: tinyPng(), headers: { 'content-type': 'image/png' } })).status).toBe(401);
    const session = await t.signIn('viewer');
    const res = await t.request('PUT', '/profile/avatar', { as: { headers: { cookie: session.cookie } }, body: tinyPng(), headers: { 'content-type': 'image/png' } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf_invalid');
  });
});

describe('PUT /v1/branding/logo', () => {
  it('sanitises a hostile SVG and serves it sandboxed', async () => {
    const res = await put('/branding/logo', 'admin', hostileSvg, 'image/svg+xml');
    expect(res.status).toBe(200);
    const raw = await t.app.request(res.body.logoUrl);
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('image/svg+xml');
    expect(raw.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(raw.headers.get('x-content-type-options')).toBe('nosniff');
    const svg = await raw.text();
    expect(svg).toBe('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle r="4" fill="#1d4ed8"/></svg>');

    const branding = await t.request('GET', '/branding', { as: 'viewer' });
    expect(branding.body.logoUrl).toBe(res.body.logoUrl);
    const { rows } = await t.db.query<{ after: { svgRemoved: string[] } }>(`SELECT after FROM audit_logs WHERE action = 'branding.logo_updated'`);
    expect(rows[0]!.after.svgRemoved).toEqual(expect.arrayContaining(['<script>', 'onload on <svg>', '<foreignObject>']));
  });

  it('accepts raster logos and refuses SVG with a DOCTYPE, with a clear reason', async () => {
    expect((await put('/branding/logo', 'owner', tinyPng(), 'image/png')).status).toBe(200);
    const res = await put('/branding/logo', 'owner', '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>', 'image/svg+xml');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('svg_rejected');
    expect(res.body.fieldErrors[0]).toMatchObject({ path: 'file', message: 'SVG files with DOCTYPE or ENTITY declarations are refused.' });
  });

  it('refuses text that is not an image and files over 1 MB', async () => {
    const text = await put('/branding/logo', 'owner', 'just text', 'image/svg+xml');
    expect(text.status).toBe(415);
    expect(text.body.detail).toBe('This file is not a PNG, JPEG, WebP or SVG image.');
    const big = await put('/branding/logo', 'owner', Buffer.concat([tinyPng(), Buffer.alloc(1024 * 1024)]), 'image/png');
    expect(big.status).toBe(413);
  });

  it('is for roles that edit branding only', async () => {
    for (const role of ['finance', 'engineer', 'viewer']) {
      const res = await put('/branding/logo', role, tinyPng(), 'image/png');
      expect(res.status, role).toBe(403);
      expect((await t.request('DELETE', '/branding/logo', { as: role })).status, role).toBe(403);
    }
  });

  it('removing the logo clears it and deletes the file', async () => {
    const url = (await put('/branding/logo', 'owner', tinyPng(), 'image/png')).body.logoUrl as string;
    expect((await t.request('DELETE', '/branding/logo', { as: 'owner' })).status).toBe(204);
    expect((await t.request('GET', '/branding', { as: 'owner' })).body.logoUrl).toBeNull();
    expect((await t.app.request(url)).status).toBe(404);
  });
});

describe('GET /v1/files/{hash}', () => {
  it('answers 404 problem+json for unknown and malformed hashes', async () => {
    const unknown = await t.request('GET', `/v1/files/${'a'.repeat(64)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('file_not_found');
    expect((await t.request('GET', '/v1/files/..%2f..%2fetc')).status).toBe(404);
    expect((await t.request('GET', `/v1/files/${'A'.repeat(64)}`)).status).toBe(404);
  });
});
