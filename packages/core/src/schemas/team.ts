import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { Email, Id, Page, PageQuery, RoleSchema, Timestamp } from './common.js';

export const Member = z.object({
  id: Id,
  email: Email,
  name: z.string(),
  role: RoleSchema,
  mfaEnabled: z.boolean(),
  avatarUrl: z.nullable(z.string()),
  lastActiveAt: z.nullable(Timestamp),
  joinedAt: Timestamp,
});
export type Member = z.infer<typeof Member>;

export const MemberQuery = z.extend(PageQuery, {
  /** Free text over name and email. */
  q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  role: z.optional(RoleSchema),
});
export type MemberQuery = z.input<typeof MemberQuery>;
export const MemberPage = Page(Member);

export const RoleChange = z.object({ role: RoleSchema });
export const OwnershipTransfer = z.object({ memberId: Id });
export const OwnershipTransferred = z.object({ newOwner: Member, previousOwner: Member });

export const Invitation = z.object({
  id: Id,
  email: Email,
  role: RoleSchema,
  invitedBy: z.nullable(z.object({ id: Id, name: z.string() })),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  status: z.enum(['pending', 'expired']),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationList = z.object({ items: z.array(Invitation) });

export const maxInvitesPerRequest = 50;
/** Each address once (case-insensitive); the repeat is reported at its own index. */
const distinctEmails = z.superRefine((emails: string[], ctx) => {
  const seen = new Set<string>();
  emails.forEach((email, index) => {
    const key = email.toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'This address is already in the list.', path: [index], input: email });
    seen.add(key);
  });
});
export const InvitationCreate = z.object({
  emails: z.array(Email).check(
    z.minLength(1, 'Enter at least one email address.'),
    z.maxLength(maxInvitesPerRequest, `Invite at most ${maxInvitesPerRequest} people at once.`),
    distinctEmails,
  ),
  role: RoleSchema,
});
export type InvitationCreate = z.input<typeof InvitationCreate>;
export const InvitationsCreated = z.object({ items: z.array(Invitation) });

/** Public: accept an invitation with the token from its email. */
export const InvitationAccept = z.object({
  token: z.string().check(z.minLength(10)),
  name: z.string().check(z.trim(), z.minLength(1, 'Enter your full name.'), z.maxLength(120)),
  password: z.string().check(z.minLength(12, 'Use at least 12 characters.'), z.maxLength(256)),
});

export const RoleDescription = z.object({
  role: RoleSchema,
  label: z.string(),
  description: z.string(),
  permissions: z.array(z.string()),
  memberCount: z.number().check(z.int(), z.gte(0)),
});
export const RoleList = z.object({ items: z.array(RoleDescription) });
export type RoleDescription = z.infer<typeof RoleDescription>;

const t = { tag: 'Team' } as const;
const MemberParams = z.object({ id: Id });
export const teamEndpoints = {
  listMembers: endpoint({ ...t, id: 'members.list', method: 'GET', path: '/members', access: 'team.view', query: MemberQuery, response: MemberPage }),
  getMember: endpoint({ ...t, id: 'members.get', method: 'GET', path: '/members/{id}', access: 'team.view', params: MemberParams, response: Member }),
  changeRole: endpoint({ ...t, id: 'members.changeRole', method: 'PATCH', path: '/members/{id}', access: 'team.manage', params: MemberParams, body: RoleChange, response: Member }),
  removeMember: endpoint({ ...t, id: 'members.remove', method: 'DELETE', path: '/members/{id}', access: 'team.manage', params: MemberParams }),
  transferOwnership: endpoint({ ...t, id: 'members.transferOwnership', method: 'POST', path: '/members/transfer-ownership', access: 'team.manage_owners', body: OwnershipTransfer, response: OwnershipTransferred }),
  listInvitations: endpoint({ ...t, id: 'invitations.list', method: 'GET', path: '/invitations', access: 'team.view', response: InvitationList }),
  invite: endpoint({ ...t, id: 'invitations.create', method: 'POST', path: '/invitations', access: 'team.manage', creates: true, body: InvitationCreate, response: InvitationsCreated }),
  resendInvitation: endpoint({ ...t, id: 'invitations.resend', method: 'POST', path: '/invitations/{id}/resend', access: 'team.manage', params: MemberParams, response: Invitation }),
  revokeInvitation: endpoint({ ...t, id: 'invitations.revoke', method: 'DELETE', path: '/invitations/{id}', access: 'team.manage', params: MemberParams }),
  acceptInvitation: endpoint({ ...t, id: 'invitations.accept', method: 'POST', path: '/invitations/accept', access: 'public', body: InvitationAccept, response: z.object({ status: z.literal('signed_in'), csrfToken: z.string() }) }),
  listRoles: endpoint({ ...t, id: 'roles.list', method: 'GET', path: '/roles', access: 'team.view', response: RoleList }),
};
