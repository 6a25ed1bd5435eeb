import { api } from '@billingone/settings-core';
import type { Hono } from 'hono';
import type { AppEnv } from '../app/env.js';
import { fieldProblem, problem } from '../app/problem.js';
import { defineRoute, type RouteContext } from '../app/route.js';
import { acceptUpload, UploadRefusedError, type AcceptedUpload } from '../uploads/accept.js';
import { registerFileRoutes } from '../uploads/serve.js';
import { fileUrl, releaseFile, storeFile } from '../uploads/storage.js';

/**
 * Avatar and logo uploads (raw image body) and `GET /v1/files/{hash}` that serves them.
 * The app has already checked the declared type and the size; here the bytes decide.
 */
const statusOf = { unsupported_file_type: 415, file_too_large: 413, svg_rejected: 422 } as const;

function accept(ctx: RouteContext<any>, rules: { types: readonly string[]; maxBytes: number }): AcceptedUpload {
  const upload = ctx.upload;
  if (!upload) throw problem(400, 'file_required', 'Send the image as the request body.');
  try {
    return acceptUpload(upload.bytes, rules);
  } catch (error) {
    if (error instanceof UploadRefusedError) {
      const { code, message } = error.refusal;
      throw fieldProblem('file', message, code, statusOf[code]);
    }
    throw error;
  }
}

const uploadAvatar = defineRoute(api.profile.uploadAvatar, async (ctx) => {
  const { actor } = ctx;
  const file = accept(ctx, api.profile.uploadAvatar.upload!);
  const hash = await storeFile(ctx.tx, file, ctx.now);
  const url = fileUrl(hash, ctx.deps.publicUrl);
  const { rows } = await ctx.tx.query<{ avatar_url: string | null }>('SELECT avatar_url FROM members WHERE id = $1', [actor.memberId]);
  const before = rows[0]?.avatar_url ?? null;
  await ctx.tx.query('UPDATE members SET avatar_url = $2, updated_at = $3 WHERE id = $1', [actor.memberId, url, ctx.now]);
  if (before !== url) await releaseFile(ctx.tx, before);
  await ctx.audit({
    action: 'profile.avatar_updated',
    target: { type: 'member', id: actor.memberId, label: actor.name },
    before: { avatarUrl: before },
    after: { avatarUrl: url, contentType: file.contentType, size: file.bytes.byteLength },
  });
  return { avatarUrl: url };
});

const removeAvatar = defineRoute(api.profile.removeAvatar, async (ctx) => {
  const { actor } = ctx;
  const { rows } = await ctx.tx.query<{ avatar_url: string | null }>('SELECT avatar_url FROM members WHERE id = $1', [actor.memberId]);
  const before = rows[0]?.avatar_url ?? null;
  if (before === null) return;
  await ctx.tx.query('UPDATE members SET avatar_url = NULL, updated_at = $2 WHERE id = $1', [actor.memberId, ctx.now]);
  await releaseFile(ctx.tx, before);
  await ctx.audit({ action: 'profile.avatar_removed', target: { type: 'member', id: actor.memberId, label: actor.name }, before: { avatarUrl: before }, after: { avatarUrl: null } });
});

const uploadLogo = defineRoute(api.branding.uploadLogo, async (ctx) => {
  const { actor } = ctx;
  const file = accept(ctx, api.branding.uploadLogo.upload!);
  const hash = await storeFile(ctx.tx, file, ctx.now);
  const url = fileUrl(hash, ctx.deps.publicUrl);
  const { rows } = await ctx.tx.query<{ logo_url: string | null; name: string }>('SELECT logo_url, name FROM organizations WHERE id = $1', [actor.orgId]);
  const before = rows[0]?.logo_url ?? null;
  await ctx.tx.query('UPDATE organizations SET logo_url = $2, branding_updated_at = $3, updated_at = $3 WHERE id = $1', [actor.orgId, url, ctx.now]);
  if (before !== url) await releaseFile(ctx.tx, before);
  await ctx.audit({
    action: 'branding.logo_updated',
    target: { type: 'organization', id: actor.orgId, label: rows[0]?.name ?? null },
    before: { logoUrl: before },
    after: { logoUrl: url, contentType: file.contentType, size: file.bytes.byteLength, ...(file.removed.length ? { svgRemoved: file.removed } : {}) },
  });
  return { logoUrl: url };
});

const removeLogo = defineRoute(api.branding.removeLogo, async (ctx) => {
  const { actor } = ctx;
  const { rows } = await ctx.tx.query<{ logo_url: string | null; name: string }>('SELECT logo_url, name FROM organizations WHERE id = $1', [actor.orgId]);
  const before = rows[0]?.logo_url ?? null;
  if (before === null) return;
  await ctx.tx.query('UPDATE organizations SET logo_url = NULL, branding_updated_at = $2, updated_at = $2 WHERE id = $1', [actor.orgId, ctx.now]);
  await releaseFile(ctx.tx, before);
  await ctx.audit({ action: 'branding.logo_removed', target: { type: 'organization', id: actor.orgId, label: rows[0]?.name ?? null }, before: { logoUrl: before }, after: { logoUrl: null } });
});

export const routes = [uploadAvatar, removeAvatar, uploadLogo, removeLogo];

export function register(app: Hono<AppEnv>): void {
  registerFileRoutes(app);
}
