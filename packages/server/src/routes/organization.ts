import { api, can, Slug, type Organization, type SlugAvailability } from '@billingone/settings-core';
import { isUniqueViolation } from '../db/errors.js';
import type { Queryable } from '../db/types.js';
import { iso } from '../app/json.js';
import { fieldProblem, problem } from '../app/problem.js';
import { defineRoute } from '../app/route.js';

/** Slugs kept for the product's own URLs. */
export const reservedSlugs: ReadonlySet<string> = new Set([
  'admin', 'api', 'app', 'apps', 'assets', 'auth', 'billing', 'billingone', 'dashboard', 'docs', 'help', 'login',
  'logout', 'new', 'panelone', 'settings', 'signin', 'signout', 'signup', 'static', 'status', 'support', 'www',
]);

interface OrganizationRow {
  id: string;
  name: string;
  slug: string;
  require_mfa: boolean;
  embed_origins: string[];
  created_at: Date;
  updated_at: Date;
}

export async function loadOrganization(tx: Queryable, orgId: string, lock = false): Promise<OrganizationRow> {
  const { rows } = await tx.query<OrganizationRow>(
    `SELECT id, name, slug, require_mfa, embed_origins, created_at, updated_at FROM organizations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [orgId],
  );
  if (!rows[0]) throw problem(404, 'organization_not_found', 'This organization no longer exists.');
  return rows[0];
}

export function organizationJson(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    requireMfa: row.require_mfa,
    embedOrigins: row.embed_origins ?? [],
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

async function slugTaken(tx: Queryable, slug: string, orgId: string): Promise<boolean> {
  const { rows } = await tx.query('SELECT 1 FROM organizations WHERE slug = $1 AND id <> $2', [slug, orgId]);
  return rows.length > 0;
}

const get = defineRoute(api.organization.get, async (ctx) => organizationJson(await loadOrganization(ctx.tx, ctx.actor.orgId)));

const update = defineRoute(api.organization.update, async (ctx) => {
  const { actor, body } = ctx;
  const current = await loadOrganization(ctx.tx, actor.orgId, true);
  ctx.checkIfMatch(organizationJson(current));

  const next = { ...current };
  if (body.name !== undefined) next.name = body.name;
  if (body.slug !== undefined && body.slug !== current.slug) {
    if (reservedSlugs.has(body.slug)) throw fieldProblem('slug', 'This URL is reserved. Choose another.', 'slug_reserved');
    if (await slugTaken(ctx.tx, body.slug, actor.orgId)) throw fieldProblem('slug', 'This URL is already taken. Choose another.', 'slug_taken', 409);
    next.slug = body.slug;
  }
  if (body.requireMfa !== undefined && body.requireMfa !== current.require_mfa) {
    if (!can(actor, 'organization.mfa_policy')) {
      throw problem(403, 'forbidden', 'Your role cannot change the MFA policy.', {
        fieldErrors: [{ path: 'requireMfa', message: 'Your role cannot change the MFA policy.', code: 'forbidden' }],
      });
    }
    // Requiring MFA would lock the person who turns it on out of everything but the enrolment gate.
    if (body.requireMfa && !actor.mfa.totpEnabled && actor.mfa.passkeyCount === 0) {
      throw fieldProblem('requireMfa', 'Set up two-factor authentication for yourself before requiring it for everyone.', 'actor_without_mfa', 409);
    }
    next.require_mfa = body.requireMfa;
  }
  if (body.embedOrigins !== undefined) next.embed_origins = [...new Set(body.embedOrigins.map((origin) => origin.toLowerCase()))];

  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const fields = [['name', 'name'], ['slug', 'slug'], ['require_mfa', 'requireMfa'], ['embed_origins', 'embedOrigins']] as const;
  for (const [column, field] of fields) {
    if (JSON.stringify(next[column]) !== JSON.stringify(current[column])) {
      before[field] = current[column];
      after[field] = next[column];
    }
  }
  if (Object.keys(after).length === 0) return organizationJson(current);

  const { rows } = await ctx.tx
    .query<OrganizationRow>(
      `UPDATE organizations SET name = $2, slug = $3, require_mfa = $4, embed_origins = $5, updated_at = $6 WHERE id = $1
       RETURNING id, name, slug, require_mfa, embed_origins, created_at, updated_at`,
      [current.id, next.name, next.slug, next.require_mfa, next.embed_origins, ctx.now],
    )
    .catch((error: unknown) => {
      // Another organization took the slug between the check and the update.
      if (isUniqueViolation(error)) throw fieldProblem('slug', 'This URL is already taken. Choose another.', 'slug_taken', 409);
      throw error;
    });
  await ctx.audit({ action: 'organization.updated', target: { type: 'organization', id: current.id, label: next.name }, before, after });
  return organizationJson(rows[0]!);
});

const slugAvailability = defineRoute(api.organization.slugAvailability, async (ctx): Promise<SlugAvailability> => {
  const parsed = Slug.safeParse(ctx.query.slug);
  const slug = parsed.success ? parsed.data : ctx.query.slug.trim();
  if (!parsed.success) return { slug, available: false, reason: 'invalid' };
  const current = await loadOrganization(ctx.tx, ctx.actor.orgId);
  if (slug === current.slug) return { slug, available: true, reason: 'current' };
  if (reservedSlugs.has(slug)) return { slug, available: false, reason: 'reserved' };
  if (await slugTaken(ctx.tx, slug, ctx.actor.orgId)) return { slug, available: false, reason: 'taken' };
  return { slug, available: true, reason: null };
});

export const routes = [get, update, slugAvailability];
