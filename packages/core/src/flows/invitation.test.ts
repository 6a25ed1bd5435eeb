import { describe, expect, it } from 'vitest';
import type { Invitation } from '../schemas/team.js';
import { checkEventTable, replay } from './event-table.fixture.test.js';
import {
  initialInvitationState,
  invitationBody,
  invitationTransition as transition,
  type InvitationEvent,
  type InvitationState,
} from './invitation.js';

const initial = initialInvitationState('engineer');
const invitation = (email: string): Invitation => ({
  id: `inv_${email}`, email, role: 'engineer', invitedBy: { id: 'mem_1', name: 'Ada Lovelace' },
  createdAt: '2026-11-24T09:00:00.000Z', expiresAt: '2026-12-01T09:00:00.000Z', status: 'pending',
});
const typed = transition(initial, { type: 'change_text', text: 'Ana@example.com, bo@example.com\nana@example.com' });
const submitting = transition(typed, { type: 'submit' });

describe('invitation', () => {
  it('submits the distinct, lowercased addresses with the role and ends in done', () => {
    expect(submitting).toEqual({ kind: 'submitting', text: 'Ana@example.com, bo@example.com\nana@example.com', role: 'engineer', emails: ['ana@example.com', 'bo@example.com'] });
    if (submitting.kind !== 'submitting') throw new Error('expected submitting');
    expect(invitationBody(submitting)).toEqual({ emails: ['ana@example.com', 'bo@example.com'], role: 'engineer' });
    const created = [invitation('ana@example.com'), invitation('bo@example.com')];
    const done = transition(submitting, { type: 'submit_succeeded', created });
    expect(done).toEqual({ kind: 'done', role: 'engineer', created });
    expect(transition(done, { type: 'invite_more' })).toEqual(initial);
  });

  it('sends the chosen role', () => {
    const state = replay(transition, typed, [{ type: 'change_role', role: 'finance' }, { type: 'submit' }]);
    expect(state).toMatchObject({ kind: 'submitting', role: 'finance' });
  });

  it('refuses an empty list without submitting', () => {
    expect(transition(initial, { type: 'submit' })).toEqual({
      ...initial, fieldErrors: [{ path: 'emails', message: 'Enter at least one email address.' }],
    });
  });

  it('refuses invalid addresses without submitting, naming each one', () => {
    const state = replay(transition, initial, [{ type: 'change_text', text: 'ana@example.com, nope, bo@' }, { type: 'submit' }]);
    expect(state).toEqual({
      kind: 'editing', text: 'ana@example.com, nope, bo@', role: 'engineer',
      fieldErrors: [{ path: 'emails', code: 'invalid_emails', message: '2 addresses are not valid.' }],
      emailErrors: [{ email: 'nope', message: 'Enter a valid email address.' }, { email: 'bo@', message: 'Enter a valid email address.' }],
    });
    expect(transition(state, { type: 'change_text', text: 'ana@example.com' })).toMatchObject({ emailErrors: [] });
  });

  it('refuses more than 50 addresses without submitting', () => {
    const text = Array.from({ length: 51 }, (_, i) => `p${i}@example.com`).join(' ');
    expect(replay(transition, initial, [{ type: 'change_text', text }, { type: 'submit' }])).toMatchObject({
      kind: 'editing', fieldErrors: [{ path: 'emails', code: 'too_many', message: 'Invite at most 50 people at once (51 entered).' }],
    });
  });

  it('maps the API\'s errors on emails.N back to the addresses sent', () => {
    const error = {
      code: 'validation_failed', message: 'Check the highlighted fields.',
      fieldErrors: [
        { path: 'emails.1', message: 'bo@example.com is already a member.' },
        { path: 'role', message: 'Only an Owner can invite Owners.' },
        { path: 'emails.7', message: 'Out of range.' },
      ],
    };
    expect(transition(submitting, { type: 'submit_failed', error })).toEqual({
      kind: 'editing', text: 'Ana@example.com, bo@example.com\nana@example.com', role: 'engineer',
      emailErrors: [{ email: 'bo@example.com', message: 'bo@example.com is already a member.' }],
      fieldErrors: [{ path: 'role', message: 'Only an Owner can invite Owners.' }, { path: 'emails.7', message: 'Out of range.' }],
      error,
    });
  });

  it('keeps the input after a failure without field errors', () => {
    const error = { code: 'http_503', message: 'The service is busy. Try again shortly.' };
    expect(transition(submitting, { type: 'submit_failed', error })).toEqual({
      kind: 'editing', text: 'Ana@example.com, bo@example.com\nana@example.com', role: 'engineer', fieldErrors: [], emailErrors: [], error,
    });
  });

  it('clears the role error when the role changes', () => {
    const failed = transition(submitting, { type: 'submit_failed', error: { message: 'x', fieldErrors: [{ path: 'role', message: 'No.' }] } });
    expect(transition(failed, { type: 'change_role', role: 'viewer' })).toMatchObject({ role: 'viewer', fieldErrors: [] });
  });

  it('ignores every event that does not apply to the state', () => {
    const states: InvitationState[] = [typed, submitting, { kind: 'done', role: 'admin', created: [] }];
    const events: InvitationEvent[] = [
      { type: 'change_text', text: 'cy@example.com' },
      { type: 'change_role', role: 'admin' },
      { type: 'submit' },
      { type: 'submit_succeeded', created: [] },
      { type: 'submit_failed', error: { message: 'No.' } },
      { type: 'invite_more' },
    ];
    checkEventTable(transition, states, events, {
      editing: ['change_text', 'change_role', 'submit'],
      submitting: ['submit_succeeded', 'submit_failed'],
      done: ['invite_more'],
    });
    expect(transition(typed, { type: 'change_role', role: 'engineer' })).toBe(typed);
    expect(transition(typed, { type: 'change_text', text: typed.kind === 'editing' ? typed.text : '' })).toBe(typed);
  });
});
