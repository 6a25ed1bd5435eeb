import { api } from '@billingone/settings-core';
import type { Context } from '../context.js';
import { placeholderParams } from '../endpoints.js';
import type { Scenario } from '../scenario.js';
import { accessOnly, nonce, valid } from './prepared.js';

/** An address nobody reads (RFC 2606), unique to the run. */
export const inviteeAddress = () => `conformance+${nonce()}@example.com`;

export async function invite(ctx: Context, email: string): Promise<string> {
  const { items } = await ctx.client.must(api.team.invite, { body: { emails: [email], role: 'viewer' } }, await ctx.sessions.of('owner'));
  return items[0]!.id;
}

export async function revokeInvitationsTo(ctx: Context, email: string): Promise<void> {
  const owner = await ctx.sessions.of('owner');
  const { items } = await ctx.client.must(api.team.listInvitations, {}, owner);
  for (const invitation of items.filter((i) => i.email.toLowerCase() === email.toLowerCase())) {
    const res = await ctx.client.send(api.team.revokeInvitation, { params: { id: invitation.id } }, owner);
    if (res.status >= 300 && res.status !== 404) throw new Error(`Could not revoke the invitation to ${email}: ${res.status} ${res.text.slice(0, 200)}`);
  }
}

/** An invitation to a fresh address for the request to act on; revoked again after. */
async function withInvitation(ctx: Context) {
  const email = inviteeAddress();
  const id = await invite(ctx, email);
  return valid({ params: { id } }, { restore: () => revokeInvitationsTo(ctx, email) });
}

export const teamScenarios: Record<string, Scenario> = {
  'members.list': async () => valid({ query: { limit: 10 } }),
  'members.get': async (ctx) => valid({ params: { id: await ctx.sessions.memberId('viewer') } }),
  /** The Viewer's role set to what it already is: allowed, and changes nothing. */
  'members.changeRole': async (ctx) => {
    const viewer = await ctx.sessions.me('viewer');
    return valid({ params: { id: viewer.member.id }, body: { role: viewer.role } });
  },
  /** No member can be created over HTTP (accepting an invitation needs its e-mailed token), and seeded ones stay. */
  'members.remove': async () => accessOnly({ params: placeholderParams(api.team.removeMember) }),
  /** To the Admin, who hands it straight back. */
  'members.transferOwnership': async (ctx) => {
    const ownerId = await ctx.sessions.memberId('owner');
    const adminId = await ctx.sessions.memberId('admin');
    return valid({ body: { memberId: adminId } }, {
      restore: async () => {
        const owner = await ctx.client.must(api.me.get, {}, await ctx.sessions.of('owner'));
        if (owner.role === 'owner') return;
        await ctx.client.must(api.team.transferOwnership, { body: { memberId: ownerId } }, await ctx.sessions.of('admin'));
      },
    });
  },
  'invitations.list': async () => valid(),
  'invitations.create': async (ctx) => {
    const email = inviteeAddress();
    return valid({ body: { emails: [email], role: 'viewer' } }, { restore: () => revokeInvitationsTo(ctx, email) });
  },
  'invitations.resend': withInvitation,
  'invitations.revoke': withInvitation,
  'roles.list': async () => valid(),
};
