import { api, permissionsOf } from '@billingone/settings-core';
import { defineRoute } from '../app/route.js';
import { problem } from '../app/problem.js';

export const routes = [
  defineRoute(api.me.get, async (ctx) => {
    const { actor } = ctx;
    const { rows } = await ctx.tx.query(
      `SELECT m.id, m.email, m.name, m.avatar_url, m.locale, m.time_zone,
              o.id AS org_id, o.name AS org_name, o.slug, o.primary_color, o.accent_color, o.logo_url
         FROM members m JOIN organizations o ON o.id = m.org_id WHERE m.id = $1`,
      [actor.memberId],
    );
    const row = rows[0];
    if (!row) throw problem(401, 'unauthenticated', 'Sign in to continue.');
    return {
      member: { id: row.id, email: row.email, name: row.name, avatarUrl: row.avatar_url, locale: row.locale, timeZone: row.time_zone },
      organization: {
        id: row.org_id,
        name: row.org_name,
        slug: row.slug,
        branding: { primaryColor: row.primary_color, accentColor: row.accent_color, logoUrl: row.logo_url },
      },
      role: actor.role,
      permissions: permissionsOf(actor.role),
      mfa: actor.mfa,
      auth: {
        kind: actor.kind,
        sessionId: actor.kind === 'session' ? actor.credentialId : null,
        expiresAt: actor.expiresAt.toISOString(),
      },
    };
  }),
];
