import { meEndpoints, permissionsOf } from '@billingone/settings-core';
import { problem } from '@billingone/settings-core/implementation';
import { handler, iso } from '../context.js';

export const meHandlers = [
  handler(meEndpoints.get, ({ actor, state }) => {
    const member = state.memberById(actor.memberId);
    if (!member) throw problem(401, 'unauthenticated', 'Sign in to continue.');
    const org = state.organization;
    return {
      member: { id: member.id, email: member.email, name: member.name, avatarUrl: member.avatarUrl, locale: member.locale, timeZone: member.timeZone },
      organization: {
        id: org.id,
        name: org.name,
        slug: org.slug,
        branding: { primaryColor: org.primaryColor, accentColor: org.accentColor, logoUrl: org.logoUrl },
      },
      role: actor.role,
      permissions: permissionsOf(actor.role),
      mfa: actor.mfa,
      auth: { kind: actor.kind, sessionId: actor.kind === 'session' ? actor.credentialId : null, expiresAt: iso(actor.expiresAt) },
    };
  }),
];
