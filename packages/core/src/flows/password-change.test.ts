import { describe, expect, it } from 'vitest';
import { checkEventTable, replay } from './event-table.fixture.test.js';
import {
  checkPasswordChange,
  initialPasswordChangeState,
  passwordChangeBody,
  passwordChangeTransition as transition,
  type PasswordChangeEvent,
  type PasswordChangeState,
  type PasswordFields,
} from './password-change.js';

const email = 'ada.lovelace@northwind-msp.example';
const initial = initialPasswordChangeState(email);
const good: PasswordFields = { currentPassword: 'old password 1', newPassword: 'Kq7#vP2m!Lx9Zr4$', confirmPassword: 'Kq7#vP2m!Lx9Zr4$' };

function filled(fields: Partial<PasswordFields>): PasswordChangeState {
  const all = { ...good, ...fields };
  return replay(transition, initial, [
    { type: 'change', field: 'currentPassword', value: all.currentPassword },
    { type: 'change', field: 'newPassword', value: all.newPassword },
    { type: 'change', field: 'confirmPassword', value: all.confirmPassword },
  ]);
}

describe('password change', () => {
  it('submits valid fields and succeeds, dropping the passwords', () => {
    const submitting = transition(filled({}), { type: 'submit' });
    expect(submitting).toEqual({ kind: 'submitting', email, fields: good });
    if (submitting.kind !== 'submitting') throw new Error('expected submitting');
    expect(passwordChangeBody(submitting)).toEqual({ currentPassword: 'old password 1', newPassword: 'Kq7#vP2m!Lx9Zr4$' });
    const succeeded = transition(submitting, { type: 'submit_succeeded', otherSessionsEnded: 3 });
    expect(succeeded).toEqual({ kind: 'succeeded', email, otherSessionsEnded: 3 });
    expect(JSON.stringify(succeeded)).not.toContain('Kq7#');
    expect(transition(succeeded, { type: 'reset' })).toEqual(initial);
  });

  it('checks on the client without submitting', () => {
    const cases: Array<[Partial<PasswordFields>, string, string]> = [
      [{ currentPassword: '' }, 'currentPassword', 'Enter your current password.'],
      [{ newPassword: 'short', confirmPassword: 'short' }, 'newPassword', 'Use at least 12 characters.'],
      [{ currentPassword: 'Kq7#vP2m!Lx9Zr4$' }, 'newPassword', 'Choose a password different from the current one.'],
      [{ newPassword: 'Ada.Lovelace@northwind-msp.example', confirmPassword: 'Ada.Lovelace@northwind-msp.example' }, 'newPassword', 'Do not use your email address as your password.'],
      [{ confirmPassword: '' }, 'confirmPassword', 'Enter the new password again.'],
      [{ confirmPassword: 'Kq7#vP2m!Lx9Zr4' }, 'confirmPassword', 'The passwords do not match.'],
    ];
    for (const [fields, path, message] of cases) {
      const state = filled(fields);
      const next = transition(state, { type: 'submit' });
      expect(next.kind, message).toBe('editing');
      if (next.kind !== 'editing' || state.kind !== 'editing') throw new Error('expected editing');
      expect(next.fields).toEqual(state.fields);
      expect(next.fieldErrors).toContainEqual(expect.objectContaining({ path, message }));
    }
  });

  it('reports one error per field, in form order', () => {
    expect(checkPasswordChange({ currentPassword: '', newPassword: 'short', confirmPassword: 'other' }, email)).toEqual([
      { path: 'currentPassword', message: 'Enter your current password.' },
      { path: 'newPassword', message: 'Use at least 12 characters.' },
      { path: 'confirmPassword', message: 'The passwords do not match.' },
    ]);
    expect(checkPasswordChange(good, email)).toEqual([]);
  });

  it('clears a field error when the field changes', () => {
    const rejected = transition(filled({ confirmPassword: 'nope' }), { type: 'submit' });
    const changed = transition(rejected, { type: 'change', field: 'confirmPassword', value: good.confirmPassword });
    expect(changed).toMatchObject({ kind: 'editing', fieldErrors: [] });
  });

  it('keeps the input and shows server field errors after a failed submit', () => {
    const submitting = transition(filled({}), { type: 'submit' });
    const error = { code: 'invalid_credentials', message: 'Check the highlighted fields.', fieldErrors: [{ path: 'currentPassword', message: 'That is not your current password.' }] };
    expect(transition(submitting, { type: 'submit_failed', error })).toEqual({
      kind: 'editing', email, fields: good, fieldErrors: error.fieldErrors, error,
    });
    const busy = { code: 'http_429', message: 'Too many requests. Try again in 30 seconds.', retryAfterSeconds: 30 };
    expect(transition(submitting, { type: 'submit_failed', error: busy })).toEqual({ kind: 'editing', email, fields: good, fieldErrors: [], error: busy });
  });

  it('ignores every event that does not apply to the state', () => {
    const states: PasswordChangeState[] = [
      filled({}),
      { kind: 'submitting', email, fields: good },
      { kind: 'succeeded', email, otherSessionsEnded: 0 },
    ];
    const events: PasswordChangeEvent[] = [
      { type: 'change', field: 'newPassword', value: 'another one 123' },
      { type: 'submit' },
      { type: 'submit_succeeded', otherSessionsEnded: 1 },
      { type: 'submit_failed', error: { message: 'Nope.' } },
      { type: 'reset' },
    ];
    checkEventTable(transition, states, events, {
      editing: ['change', 'submit'],
      submitting: ['submit_succeeded', 'submit_failed'],
      succeeded: ['reset'],
    });
    const editing = filled({});
    expect(transition(editing, { type: 'change', field: 'newPassword', value: good.newPassword })).toBe(editing);
  });
});
