import { api, defaultBranding, type Branding } from '@billingone/settings-core';
import type { Queryable } from '../db/types.js';
import { iso } from '../app/json.js';
import { problem } from '../app/problem.js';
import { defineRoute } from '../app/route.js';

interface BrandingRow {
  id: string;
  name: string;
  primary_color: string | null;
  accent_color: string | null;
  logo_url: string | null;
  branding_updated_at: Date;
}

export async function loadBranding(tx: Queryable, orgId: string, lock = false): Promise<BrandingRow> {
  const { rows } = await tx.query<BrandingRow>(
    `SELECT id, name, primary_color, accent_color, logo_url, branding_updated_at FROM organizations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [orgId],
  );
  if (!rows[0]) throw problem(404, 'organization_not_found', 'This organization no longer exists.');
  return rows[0];
}

/** Stored colours are null while they equal the defaults (`/me` then reports null: nothing to apply). */
export function brandingJson(row: BrandingRow): Branding {
  return {
    primaryColor: row.primary_color ?? defaultBranding.primaryColor,
    accentColor: row.accent_color ?? defaultBranding.accentColor,
    logoUrl: row.logo_url,
    isDefault: row.primary_color === null && row.accent_color === null && row.logo_url === null,
    updatedAt: iso(row.branding_updated_at),
  };
}

function stored(colour: string, fallback: string): string | null {
  const lower = colour.toLowerCase();
  return lower === fallback ? null : lower;
}

const get = defineRoute(api.branding.get, async (ctx) => brandingJson(await loadBranding(ctx.tx, ctx.actor.orgId)));

const update = defineRoute(api.branding.update, async (ctx) => {
  const current = await loadBranding(ctx.tx, ctx.actor.orgId, true);
  const currentJson = brandingJson(current);
  ctx.checkIfMatch(currentJson);
  const primary = ctx.body.primaryColor === undefined ? current.primary_color : stored(ctx.body.primaryColor, defaultBranding.primaryColor);
  const accent = ctx.body.accentColor === undefined ? current.accent_color : stored(ctx.body.accentColor, defaultBranding.accentColor);
  if (primary === current.primary_color && accent === current.accent_color) return currentJson;
  const { rows } = await ctx.tx.query<BrandingRow>(
    `UPDATE organizations SET primary_color = $2, accent_color = $3, branding_updated_at = $4 WHERE id = $1
     RETURNING id, name, primary_color, accent_color, logo_url, branding_updated_at`,
    [current.id, primary, accent, ctx.now],
  );
  const next = brandingJson(rows[0]!);
  await ctx.audit({
    action: 'branding.updated',
    target: { type: 'organization', id: current.id, label: current.name },
    before: { primaryColor: currentJson.primaryColor, accentColor: currentJson.accentColor },
    after: { primaryColor: next.primaryColor, accentColor: next.accentColor },
  });
  return next;
});

/** Back to the default colours and no logo. The logo file itself is the upload routes' to delete. */
const reset = defineRoute(api.branding.reset, async (ctx) => {
  const current = await loadBranding(ctx.tx, ctx.actor.orgId, true);
  const currentJson = brandingJson(current);
  ctx.checkIfMatch(currentJson);
  if (currentJson.isDefault) return currentJson;
  const { rows } = await ctx.tx.query<BrandingRow>(
    `UPDATE organizations SET primary_color = NULL, accent_color = NULL, logo_url = NULL, branding_updated_at = $2 WHERE id = $1
     RETURNING id, name, primary_color, accent_color, logo_url, branding_updated_at`,
    [current.id, ctx.now],
  );
  await ctx.audit({
    action: 'branding.reset',
    target: { type: 'organization', id: current.id, label: current.name },
    before: { primaryColor: currentJson.primaryColor, accentColor: currentJson.accentColor, logoUrl: currentJson.logoUrl },
    after: { primaryColor: defaultBranding.primaryColor, accentColor: defaultBranding.accentColor, logoUrl: null },
  });
  return brandingJson(rows[0]!);
});

export const routes = [get, update, reset];
