import { describe, expect, it } from 'vitest';
import { expectIssue, expectValid } from '../../test/schema-assert.js';
import { AuditEntry, AuditFilter, AuditQuery } from './audit.js';

describe('AuditQuery and AuditFilter', () => {
  it('accept a full filter and coerce limit', () => {
    const filter = { actorId: 'm1', action: 'member.role_changed', from: '2026-11-01T00:00:00Z', to: '2026-11-24T00:00:00Z', q: ' ada ' };
    expect(expectValid(AuditQuery, { ...filter, limit: '100', cursor: 'c' })).toEqual({ ...filter, q: 'ada', limit: 100, cursor: 'c' });
    expectValid(AuditFilter, filter);
    expectValid(AuditQuery, {});
  });

  it('refuses from after to at path to', () => {
    const reversed = { from: '2026-11-24T00:00:00Z', to: '2026-11-01T00:00:00Z' };
    expectIssue(AuditQuery, reversed, ['to'], /start must be before the end/);
    expectIssue(AuditFilter, reversed, ['to'], /start must be before the end/);
    expectValid(AuditQuery, { from: '2026-11-24T00:00:00Z', to: '2026-11-24T00:00:00Z' });
  });

  it('compares instants, not strings, when the offsets differ', () => {
    // 10:00+02:00 is 08:00Z: before 09:00Z although the string sorts after it.
    expectValid(AuditQuery, { from: '2026-11-24T10:00:00+02:00', to: '2026-11-24T09:00:00Z' });
    expectIssue(AuditQuery, { from: '2026-11-24T09:00:00Z', to: '2026-11-24T10:00:00+02:00' }, ['to']);
  });

  it('refuses a bad action, date or limit at its path', () => {
    expectIssue(AuditQuery, { action: 'Member Role' }, ['action'], /member.role_changed/);
    expectIssue(AuditQuery, { from: 'last week' }, ['from']);
    expectIssue(AuditQuery, { limit: '1000' }, ['limit']);
    expectIssue(AuditFilter, { q: 'q'.repeat(101) }, ['q']);
  });
});

describe('AuditEntry', () => {
  const entry = {
    id: 'a1', at: '2026-11-24T09:00:00.000Z', actor: { id: 'm1', name: 'Ada', email: 'ada@example.com' }, action: 'member.role_changed',
    target: { type: 'member', id: 'm2', label: 'Grace' }, ip: '192.0.2.1', userAgent: null, changes: { before: { role: 'viewer' }, after: { role: 'admin' } },
  };

  it('accepts system entries without an actor or changes', () => {
    expectValid(AuditEntry, entry);
    expectValid(AuditEntry, { ...entry, actor: null, target: null, changes: null });
  });

  it('refuses malformed changes at their path', () => {
    expectIssue(AuditEntry, { ...entry, changes: { before: 'viewer', after: null } }, ['changes', 'before']);
  });
});
