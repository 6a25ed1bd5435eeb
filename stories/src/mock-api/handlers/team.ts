import {
  checkInvite,
  checkOwnershipTransfer,
  checkRemoval,
  checkRoleChange,
  permissionsOf,
  roleLabels,
  roles,
  teamEndpoints,
  type FieldError,
  type Role,
} from '@billingone/settings-core';
import { enforceTeamRule, fieldProblem, keysetPage, problem, decodeCursor, encodeCursor } from '@billingone/settings-core/implementation';
import { handler, iso, isoOrNull, type Actor } from '../context.js';
import { compareText } from '../text-order.js';
import type { InvitationRecord, MemberRecord, MockState } from '../state.js';

export const DEFAULT_PAGE_SIZE = 50;
const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export const memberJson = (member: MemberRecord) => ({
  id: member.id,
  email: member.email,
  name: member.name,
  role: member.role,
  mfaEnabled: member.totp !== null || member.passkeys.length > 0,
  avatarUrl: member.avatarUrl,
  lastActiveAt: isoOrNull(member.lastActiveAt),
  joinedAt: iso(member.joinedAt),
});

function loadMember(state: MockState, id: string): MemberRecord {
  const member = state.memberById(id);
  if (!member) throw problem(404, 'member_not_found', 'This member is not part of your organization.');
  return member;
}

const ownerCount = (state: MockState) => state.members().filter((member) => member.role === 'owner').length;
const ref = (actor: Actor) => ({ id: actor.memberId, role: actor.role });
const byNameThenId = (a: MemberRecord, b: MemberRecord) => compareText(a.name, b.name) || compareText(a.id, b.id);

function invitationJson(invitation: InvitationRecord, now: number) {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    invitedBy: invitation.invitedBy,
    createdAt: iso(invitation.createdAt),
    expiresAt: iso(invitation.expiresAt),
    status: invitation.expiresAt > now ? ('pending' as const) : ('expired' as const),
  };
}

function loadInvitation(state: MockState, id: string): InvitationRecord {
  const invitation = state.invitations.find((each) => each.id === id);
  if (!invitation) throw problem(404, 'invitation_not_found', 'This invitation no longer exists.');
  return invitation;
}

/** English descriptions of the roles (the server's). */
const roleDescriptions: Readonly<Record<Role, string>> = {
  owner: 'Full control, including the MFA policy, Owners and ownership transfer.',
  admin: 'Manages the organization, branding, team (except Owners), integrations and the audit log.',
  finance: 'Uses BillingOne and manages integrations; no team or organization settings.',
  engineer: 'Sees integration status; manages only their own account.',
  viewer: 'Read-only access; manages only their own account.',
};

export const teamHandlers = [
  /** Members by name then id, keyset paged; free text over name or email; `total` on the first page. */
  handler(teamEndpoints.listMembers, ({ state, query }) => {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const q = query.q?.toLowerCase();
    const matching = state
      .members()
      .filter((member) => (!q || member.name.toLowerCase().includes(q) || member.email.toLowerCase().includes(q)) && (!query.role || member.role === query.role))
      .sort(byNameThenId);
    let rest = matching;
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, 2) as [string, string];
      rest = matching.filter((member) => compareText(member.name, name) > 0 || (member.name === name && compareText(member.id, id) > 0));
    }
    const { page, nextCursor } = keysetPage(rest, limit, (last) => encodeCursor([last.name, last.id]));
    return {
      items: page.map(memberJson),
      nextCursor,
      ...(query.cursor ? {} : { total: matching.length }),
    };
  }),
  handler(teamEndpoints.getMember, ({ state, params }) => memberJson(loadMember(state, params.id))),
  handler(teamEndpoints.changeRole, ({ actor, state, params, body, now, audit }) => {
    const target = loadMember(state, params.id);
    enforceTeamRule(checkRoleChange(ref(actor), target, body.role, ownerCount(state)));
    if (target.role === body.role) return memberJson(target);
    const before = target.role;
    target.role = body.role;
    target.updatedAt = now;
    audit({ action: 'member.role_changed', target: { type: 'member', id: target.id, label: target.name }, before: { role: before }, after: { role: body.role } });
    return memberJson(target);
  }),
  handler(teamEndpoints.removeMember, ({ actor, state, params, audit }) => {
    const target = loadMember(state, params.id);
    enforceTeamRule(checkRemoval(ref(actor), target, ownerCount(state)));
    state.removeMember(target.id);
    for (const session of state.sessions.filter((each) => each.memberId === target.id)) state.sessions.splice(state.sessions.indexOf(session), 1);
    audit({ action: 'member.removed', target: { type: 'member', id: target.id, label: target.name }, before: { email: target.email, name: target.name, role: target.role } });
  }),
  handler(teamEndpoints.transferOwnership, ({ actor, state, body, now, audit }) => {
    const target = state.memberById(body.memberId);
    if (!target) throw fieldProblem('memberId', 'Choose a member of your organization.', 'member_not_found', 404);
    enforceTeamRule(checkOwnershipTransfer(ref(actor), target));
    const previous = loadMember(state, actor.memberId);
    const targetRole = target.role;
    target.role = 'owner';
    target.updatedAt = now;
    previous.role = 'admin';
    previous.updatedAt = now;
    audit({
      action: 'organization.ownership_transferred',
      target: { type: 'member', id: target.id, label: target.name },
      before: { newOwnerRole: targetRole, previousOwnerRole: actor.role },
      after: { newOwnerRole: 'owner', previousOwnerRole: 'admin', previousOwnerId: actor.memberId },
    });
    return { newOwner: memberJson(target), previousOwner: memberJson(previous) };
  }),
  handler(teamEndpoints.listInvitations, ({ state, now }) => ({
    items: [...state.invitations].sort((a, b) => b.createdAt - a.createdAt || compareText(b.id, a.id)).map((invitation) => invitationJson(invitation, now)),
  })),
  /**
   * Invites each address with one role: a repeat in the list and an address that already belongs to a
   * member are refused with a field error on its entry; an address already invited gets a fresh invitation.
   */
  handler(teamEndpoints.invite, ({ actor, state, body, now, audit, rateLimit }) => {
    enforceTeamRule(checkInvite(ref(actor), body.role));
    rateLimit('invitations', actor.memberId, { limit: 200, windowSeconds: 3600 });
    const emails = body.emails.map((email) => email.trim());
    const fieldErrors: FieldError[] = [];
    const seen = new Set<string>();
    emails.forEach((email, index) => {
      const key = email.toLowerCase();
      if (seen.has(key)) fieldErrors.push({ path: `emails.${index}`, message: 'This address is listed twice.', code: 'duplicate_email' });
      seen.add(key);
    });
    const memberEmails = new Set(state.members().map((member) => member.email.toLowerCase()));
    emails.forEach((email, index) => {
      if (memberEmails.has(email.toLowerCase())) {
        fieldErrors.push({ path: `emails.${index}`, message: 'This person is already a member.', code: 'already_member' });
      }
    });
    if (fieldErrors.length > 0) throw problem(422, 'validation_failed', 'Some addresses cannot be invited.', { fieldErrors });
    const inviter = loadMember(state, actor.memberId);
    const items = emails.map((email) => {
      let invitation = state.invitations.find((each) => each.email.toLowerCase() === email.toLowerCase());
      if (invitation) {
        Object.assign(invitation, { role: body.role, invitedBy: { id: inviter.id, name: inviter.name }, createdAt: now, expiresAt: now + INVITATION_TTL_MS });
      } else {
        invitation = { id: state.newId('inv'), email, role: body.role, invitedBy: { id: inviter.id, name: inviter.name }, createdAt: now, expiresAt: now + INVITATION_TTL_MS };
        state.invitations.push(invitation);
      }
      audit({ action: 'invitation.created', target: { type: 'invitation', id: invitation.id, label: email }, after: { email, role: body.role, expiresAt: iso(invitation.expiresAt) } });
      return invitationJson(invitation, now);
    });
    return { items };
  }),
  handler(teamEndpoints.resendInvitation, ({ actor, state, params, now, audit, rateLimit }) => {
    const invitation = loadInvitation(state, params.id);
    enforceTeamRule(checkInvite(ref(actor), invitation.role));
    rateLimit('invitations', actor.memberId, { limit: 200, windowSeconds: 3600 });
    const before = invitation.expiresAt;
    const inviter = loadMember(state, actor.memberId);
    Object.assign(invitation, { expiresAt: now + INVITATION_TTL_MS, invitedBy: { id: inviter.id, name: inviter.name } });
    audit({ action: 'invitation.resent', target: { type: 'invitation', id: invitation.id, label: invitation.email }, before: { expiresAt: iso(before) }, after: { expiresAt: iso(invitation.expiresAt) } });
    return invitationJson(invitation, now);
  }),
  handler(teamEndpoints.revokeInvitation, ({ actor, state, params, audit }) => {
    const invitation = loadInvitation(state, params.id);
    enforceTeamRule(checkInvite(ref(actor), invitation.role));
    state.invitations.splice(state.invitations.indexOf(invitation), 1);
    audit({ action: 'invitation.revoked', target: { type: 'invitation', id: invitation.id, label: invitation.email }, before: { email: invitation.email, role: invitation.role } });
  }),
  /** Public: tokens are `inv_token_<invitation id>` in the mock (the invitation e-mail is not sent anywhere). */
  handler(teamEndpoints.acceptInvitation, ({ state, body, now, audit }) => {
    const id = body.token.startsWith('inv_token_') ? body.token.slice('inv_token_'.length) : '';
    const invitation = state.invitations.find((each) => each.id === id);
    if (!invitation) throw problem(404, 'invitation_not_found', 'This invitation link is not valid. Ask for a new invitation.');
    if (invitation.expiresAt <= now) throw problem(410, 'invitation_expired', 'This invitation has expired. Ask for a new one.');
    if (body.password.trim().toLowerCase() === invitation.email.toLowerCase()) {
      throw fieldProblem('password', 'Do not use your email address as your password.', 'password_is_email');
    }
    if (state.members().some((member) => member.email.toLowerCase() === invitation.email.toLowerCase())) {
      throw problem(409, 'already_member', 'This address already belongs to a member. Sign in instead.');
    }
    const memberId = state.newId('mem');
    state.addMember({
      id: memberId, email: invitation.email, name: body.name, role: invitation.role, avatarUrl: null, locale: 'en-GB', timeZone: 'Europe/London',
      password: body.password, totp: null, passkeys: [], recoveryCodes: null, notifications: null, lastActiveAt: now, joinedAt: now, updatedAt: now,
    });
    state.invitations.splice(state.invitations.indexOf(invitation), 1);
    audit({ actor: { id: memberId, name: body.name, email: invitation.email }, action: 'member.joined', target: { type: 'member', id: memberId, label: body.name }, after: { email: invitation.email, role: invitation.role, invitationId: invitation.id } });
    return { status: 'signed_in' as const, csrfToken: state.newId('csrf') };
  }),
  handler(teamEndpoints.listRoles, ({ state }) => {
    const counts = new Map<Role, number>();
    for (const member of state.members()) counts.set(member.role, (counts.get(member.role) ?? 0) + 1);
    return {
      items: roles.map((role) => ({ role, label: roleLabels[role], description: roleDescriptions[role], permissions: permissionsOf(role), memberCount: counts.get(role) ?? 0 })),
    };
  }),
];
