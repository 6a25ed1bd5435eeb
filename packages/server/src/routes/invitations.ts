import { api, checkInvite, type FieldError, type Invitation, type Role } from '@billingone/settings-core';
import { isUniqueViolation } from '../db/errors.js';
import type { Queryable } from '../db/types.js';
import { newId, randomToken, sha256 } from '../app/ids.js';
import { iso } from '../app/json.js';
import { fieldProblem, problem } from '../app/problem.js';
import { defineRoute, type RouteContext } from '../app/route.js';
import { completeSignIn } from '../app/sign-in.js';
import { hashPassword } from '../security/passwords.js';
import { enforce } from './members.js';

/** Invitations expire 7 days after they are sent (or resent). */
export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  created_at: Date;
  expires_at: Date;
  inviter_id: string | null;
  inviter_name: string | null;
}

const selectInvitations = `SELECT i.id, i.email, i.role, i.created_at, i.expires_at, m.id AS inviter_id, m.name AS inviter_name
  FROM invitations i LEFT JOIN members m ON m.id = i.invited_by`;

function invitationJson(row: InvitationRow, now: Date): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.inviter_id ? { id: row.inviter_id, name: row.inviter_name ?? '' } : null,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    status: new Date(row.expires_at) > now ? 'pending' : 'expired',
  };
}

async function loadInvitation(tx: Queryable, orgId: string, id: string): Promise<InvitationRow> {
  const { rows } = await tx.query<InvitationRow>(`${selectInvitations} WHERE i.id = $1 AND i.org_id = $2`, [id, orgId]);
  if (!rows[0]) throw problem(404, 'invitation_not_found', 'This invitation no longer exists.');
  return rows[0];
}

async function send(ctx: RouteContext<any>, invitation: { email: string; role: Role; token: string; expiresAt: Date }): Promise<void> {
  const { rows } = await ctx.tx.query<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [ctx.actor.orgId]);
  const base = ctx.deps.publicUrl;
  await ctx.deps.mailer.sendInvitation({
    to: invitation.email,
    organizationName: rows[0]?.name ?? '',
    inviterName: ctx.actor.name,
    role: invitation.role,
    token: invitation.token,
    acceptUrl: base ? `${base.replace(/\/$/, '')}/accept-invitation?token=${encodeURIComponent(invitation.token)}` : null,
    expiresAt: invitation.expiresAt,
  });
}

const list = defineRoute(api.team.listInvitations, async (ctx) => {
  const { rows } = await ctx.tx.query<InvitationRow>(`${selectInvitations} WHERE i.org_id = $1 ORDER BY i.created_at DESC, i.id DESC`, [ctx.actor.orgId]);
  return { items: rows.map((row) => invitationJson(row, ctx.now)) };
});

/**
 * Invites each address with one role. An address with a pending (or expired) invitation gets a
 * fresh one; an address that already belongs to a member is refused with a field error on its entry.
 */
const create = defineRoute(api.team.invite, async (ctx) => {
  const { actor } = ctx;
  enforce(checkInvite({ id: actor.memberId, role: actor.role }, ctx.body.role));
  ctx.rateLimit('invitations', actor.memberId, { limit: 200, windowSeconds: 3600 });
  const emails = ctx.body.emails.map((email) => email.trim());
  const fieldErrors: FieldError[] = [];
  const seen = new Set<string>();
  for (const [index, email] of emails.entries()) {
    const key = email.toLowerCase();
    if (seen.has(key)) fieldErrors.push({ path: `emails.${index}`, message: 'This address is listed twice.', code: 'duplicate_email' });
    seen.add(key);
  }
  const { rows: existing } = await ctx.tx.query<{ email: string; org_id: string }>(
    'SELECT lower(email) AS email, org_id FROM members WHERE lower(email) = ANY($1::text[])',
    [[...seen]],
  );
  const taken = new Map(existing.map((row) => [row.email, row.org_id]));
  for (const [index, email] of emails.entries()) {
    const orgId = taken.get(email.toLowerCase());
    if (orgId === undefined) continue;
    fieldErrors.push({
      path: `emails.${index}`,
      message: orgId === actor.orgId ? 'This person is already a member.' : 'This address already has a BillingOne account.',
      code: 'already_member',
    });
  }
  if (fieldErrors.length > 0) throw problem(422, 'validation_failed', 'Some addresses cannot be invited.', { fieldErrors });

  const expiresAt = new Date(ctx.now.getTime() + INVITATION_TTL_MS);
  const items: Invitation[] = [];
  for (const email of emails) {
    const token = randomToken('inv_');
    const { rows } = await ctx.tx.query<{ id: string }>(
      `INSERT INTO invitations (id, org_id, email, role, token_hash, invited_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (org_id, lower(email)) DO UPDATE
         SET role = EXCLUDED.role, token_hash = EXCLUDED.token_hash, invited_by = EXCLUDED.invited_by,
             created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
       RETURNING id`,
      [newId('inv'), actor.orgId, email, ctx.body.role, sha256(token), actor.memberId, ctx.now, expiresAt],
    );
    const invitation = await loadInvitation(ctx.tx, actor.orgId, rows[0]!.id);
    await ctx.audit({
      action: 'invitation.created',
      target: { type: 'invitation', id: invitation.id, label: email },
      after: { email, role: ctx.body.role, expiresAt: iso(expiresAt) },
    });
    await send(ctx, { email, role: ctx.body.role, token, expiresAt });
    items.push(invitationJson(invitation, ctx.now));
  }
  return { items };
});

const resend = defineRoute(api.team.resendInvitation, async (ctx) => {
  const { actor } = ctx;
  const invitation = await loadInvitation(ctx.tx, actor.orgId, ctx.params.id);
  enforce(checkInvite({ id: actor.memberId, role: actor.role }, invitation.role));
  ctx.rateLimit('invitations', actor.memberId, { limit: 200, windowSeconds: 3600 });
  const token = randomToken('inv_');
  const expiresAt = new Date(ctx.now.getTime() + INVITATION_TTL_MS);
  await ctx.tx.query('UPDATE invitations SET token_hash = $2, expires_at = $3, invited_by = $4 WHERE id = $1', [
    invitation.id, sha256(token), expiresAt, actor.memberId,
  ]);
  await ctx.audit({
    action: 'invitation.resent',
    target: { type: 'invitation', id: invitation.id, label: invitation.email },
    before: { expiresAt: iso(invitation.expires_at) },
    after: { expiresAt: iso(expiresAt) },
  });
  await send(ctx, { email: invitation.email, role: invitation.role, token, expiresAt });
  return invitationJson(await loadInvitation(ctx.tx, actor.orgId, invitation.id), ctx.now);
});

const revoke = defineRoute(api.team.revokeInvitation, async (ctx) => {
  const { actor } = ctx;
  const invitation = await loadInvitation(ctx.tx, actor.orgId, ctx.params.id);
  enforce(checkInvite({ id: actor.memberId, role: actor.role }, invitation.role));
  await ctx.tx.query('DELETE FROM invitations WHERE id = $1', [invitation.id]);
  await ctx.audit({
    action: 'invitation.revoked',
    target: { type: 'invitation', id: invitation.id, label: invitation.email },
    before: { email: invitation.email, role: invitation.role },
  });
});

/** Public: the invitee sets a name and password, becomes a member with the invited role and is signed in. */
const accept = defineRoute(api.team.acceptInvitation, async (ctx) => {
  ctx.rateLimit('invitation-accept', ctx.meta.ip ?? 'unknown', { limit: 20, windowSeconds: 900 });
  const { rows } = await ctx.tx.query<{ id: string; org_id: string; email: string; role: Role; expires_at: Date }>(
    'SELECT id, org_id, email, role, expires_at FROM invitations WHERE token_hash = $1 FOR UPDATE',
    [sha256(ctx.body.token)],
  );
  const invitation = rows[0];
  if (!invitation) throw problem(404, 'invitation_not_found', 'This invitation link is not valid. Ask for a new invitation.');
  if (new Date(invitation.expires_at) <= ctx.now) throw problem(410, 'invitation_expired', 'This invitation has expired. Ask for a new one.');
  if (ctx.body.password.trim().toLowerCase() === invitation.email.toLowerCase()) {
    throw fieldProblem('password', 'Do not use your email address as your password.', 'password_is_email');
  }
  const { rows: existing } = await ctx.tx.query('SELECT 1 FROM members WHERE lower(email) = lower($1)', [invitation.email]);
  if (existing.length > 0) throw problem(409, 'already_member', 'This address already belongs to a member. Sign in instead.');

  const memberId = newId('mem');
  await ctx.tx
    .query(
      `INSERT INTO members (id, org_id, email, name, password_hash, role, joined_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
      [memberId, invitation.org_id, invitation.email, ctx.body.name, await hashPassword(ctx.body.password), invitation.role, ctx.now],
    )
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw problem(409, 'already_member', 'This address already belongs to a member. Sign in instead.');
      throw error;
    });
  await ctx.tx.query('DELETE FROM invitations WHERE id = $1', [invitation.id]);
  const who = { id: memberId, name: ctx.body.name, email: invitation.email };
  await ctx.audit({
    orgId: invitation.org_id,
    actor: who,
    action: 'member.joined',
    target: { type: 'member', id: memberId, label: ctx.body.name },
    after: { email: invitation.email, role: invitation.role, invitationId: invitation.id },
  });
  return completeSignIn(ctx, memberId, 'password');
});

export const routes = [list, create, resend, revoke, accept];
