import { can, organizationEndpoints, Slug } from '@billingone/settings-core';
import { fieldProblem, problem } from '@billingone/settings-core/implementation';
import { handler, iso } from '../context.js';
import { takenSlugs, type MockState } from '../state.js';

/** Slugs kept for the product's own URLs (the server's list). */
export const reservedSlugs: ReadonlySet<string> = new Set([
  'admin', 'api', 'app', 'apps', 'assets', 'auth', 'billing', 'billingone', 'dashboard', 'docs', 'help', 'login',
  'logout', 'new', 'panelone', 'settings', 'signin', 'signout', 'signup', 'static', 'status', 'support', 'www',
]);

export function organizationJson(state: MockState) {
  const org = state.organization;
  return {
    id: org.id, name: org.name, slug: org.slug, requireMfa: org.requireMfa, embedOrigins: [...org.embedOrigins],
    createdAt: iso(org.createdAt), updatedAt: iso(org.updatedAt),
  };
}

export const organizationHandlers = [
  handler(organizationEndpoints.get, ({ state }) => organizationJson(state)),
  handler(organizationEndpoints.update, ({ actor, state, body, now, checkIfMatch, audit }) => {
    const current = organizationJson(state);
    checkIfMatch(current);
    const next = { name: current.name, slug: current.slug, requireMfa: current.requireMfa, embedOrigins: current.embedOrigins };
    if (body.name !== undefined) next.name = body.name;
    if (body.slug !== undefined && body.slug !== current.slug) {
      if (reservedSlugs.has(body.slug)) throw fieldProblem('slug', 'This URL is reserved. Choose another.', 'slug_reserved');
      if (takenSlugs.has(body.slug)) throw fieldProblem('slug', 'This URL is already taken. Choose another.', 'slug_taken', 409);
      next.slug = body.slug;
    }
    if (body.requireMfa !== undefined && body.requireMfa !== current.requireMfa) {
      if (!can(actor, 'organization.mfa_policy')) {
        throw problem(403, 'forbidden', 'Your role cannot change the MFA policy.', {
          fieldErrors: [{ path: 'requireMfa', message: 'Your role cannot change the MFA policy.', code: 'forbidden' }],
        });
      }
      if (body.requireMfa && !actor.mfa.totpEnabled && actor.mfa.passkeyCount === 0) {
        throw fieldProblem('requireMfa', 'Set up two-factor authentication for yourself before requiring it for everyone.', 'actor_without_mfa', 409);
      }
      next.requireMfa = body.requireMfa;
    }
    if (body.embedOrigins !== undefined) next.embedOrigins = [...new Set(body.embedOrigins.map((origin) => origin.toLowerCase()))];
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of ['name', 'slug', 'requireMfa', 'embedOrigins'] as const) {
      if (JSON.stringify(next[key]) !== JSON.stringify(current[key])) {
        before[key] = current[key];
        after[key] = next[key];
      }
    }
    if (Object.keys(after).length === 0) return current;
    Object.assign(state.organization, next, { updatedAt: now });
    audit({ action: 'organization.updated', target: { type: 'organization', id: current.id, label: next.name }, before, after });
    return organizationJson(state);
  }),
  handler(organizationEndpoints.slugAvailability, ({ state, query }) => {
    const parsed = Slug.safeParse(query.slug);
    const slug = parsed.success ? parsed.data : query.slug.trim();
    if (!parsed.success) return { slug, available: false, reason: 'invalid' as const };
    if (slug === state.organization.slug) return { slug, available: true, reason: 'current' as const };
    if (reservedSlugs.has(slug)) return { slug, available: false, reason: 'reserved' as const };
    if (takenSlugs.has(slug)) return { slug, available: false, reason: 'taken' as const };
    return { slug, available: true, reason: null };
  }),
];
