import { describe, expect, it } from 'vitest';
import { expectIssue, expectValid } from '../../test/schema-assert.js';
import {
  Invitation, InvitationAccept, InvitationCreate, maxInvitesPerRequest, Member, MemberPage, MemberQuery, OwnershipTransfer, RoleChange,
} from './team.js';

const at = '2026-11-24T09:00:00.000Z';
const member = { id: 'm1', email: 'ada@example.com', name: 'Ada', role: 'owner', mfaEnabled: true, avatarUrl: null, lastActiveAt: null, joinedAt: at };

describe('MemberQuery', () => {
  it('coerces limit from the query string and trims the search', () => {
    expect(expectValid(MemberQuery, { limit: '50', q: '  ada ', role: 'admin', cursor: 'abc' })).toEqual({ limit: 50, q: 'ada', role: 'admin', cursor: 'abc' });
  });

  it('refuses a bad limit, role or overlong search at its path', () => {
    expectIssue(MemberQuery, { limit: '500' }, ['limit']);
    expectIssue(MemberQuery, { limit: 'x' }, ['limit']);
    expectIssue(MemberQuery, { role: 'guest' }, ['role']);
    expectIssue(MemberQuery, { q: 'q'.repeat(101) }, ['q']);
  });
});

describe('InvitationCreate', () => {
  it('accepts one or more addresses with a role', () => {
    expectValid(InvitationCreate, { emails: ['ada@example.com'], role: 'viewer' });
    expectValid(InvitationCreate, { emails: ['ada@example.com', 'grace@example.com'], role: 'finance' });
  });

  it('points at the bad address by its index', () => {
    expectIssue(InvitationCreate, { emails: ['ada@example.com', 'grace@'], role: 'viewer' }, ['emails', 1], /valid email/);
  });

  it('refuses an empty list, too many addresses, repeats and an unknown role', () => {
    expectIssue(InvitationCreate, { emails: [], role: 'viewer' }, ['emails'], /at least one/);
    const many = Array.from({ length: maxInvitesPerRequest + 1 }, (_, i) => `p${i}@example.com`);
    expectIssue(InvitationCreate, { emails: many, role: 'viewer' }, ['emails'], /at most 50/);
    expectIssue(InvitationCreate, { emails: ['ada@example.com', 'grace@example.com', 'Ada@Example.com'], role: 'viewer' }, ['emails', 2], /already in the list/);
    expectIssue(InvitationCreate, { emails: ['ada@example.com'], role: 'guest' }, ['role']);
  });

  it('InvitationAccept checks name and password', () => {
    expectValid(InvitationAccept, { token: 'tok_0123456789', name: 'Ada', password: 'correct horse battery' });
    expectIssue(InvitationAccept, { token: 'tok_0123456789', name: ' ', password: 'correct horse battery' }, ['name'], /full name/);
    expectIssue(InvitationAccept, { token: 'tok_0123456789', name: 'Ada', password: 'short' }, ['password'], /12/);
    expectIssue(InvitationAccept, { token: 'x', name: 'Ada', password: 'correct horse battery' }, ['token']);
  });
});

describe('members and invitations', () => {
  it('Member and MemberPage', () => {
    expectValid(MemberPage, { items: [member], nextCursor: null, total: 1 });
    expectIssue(MemberPage, { items: [member, { ...member, role: 'root' }], nextCursor: null }, ['items', 1, 'role']);
    expectIssue(Member, { ...member, joinedAt: 'today' }, ['joinedAt']);
  });

  it('RoleChange, OwnershipTransfer, Invitation', () => {
    expectValid(RoleChange, { role: 'engineer' });
    expectIssue(RoleChange, { role: 'Engineer' }, ['role']);
    expectIssue(OwnershipTransfer, { memberId: '' }, ['memberId']);
    const invitation = { id: 'i1', email: 'ada@example.com', role: 'viewer', invitedBy: null, createdAt: at, expiresAt: at, status: 'pending' };
    expectValid(Invitation, invitation);
    expectIssue(Invitation, { ...invitation, status: 'accepted' }, ['status']);
  });
});
