import { describe, expect, it } from 'vitest';
import type { Integration } from '../schemas/integrations.js';
import { checkEventTable, replay } from './event-table.fixture.test.js';
import {
  initialPax8ConfigureState,
  maskSecret,
  pax8ConfigFromIntegration,
  pax8ConfigureTransition as transition,
  pax8SubmitBody,
  type Pax8Config,
  type Pax8ConfigureEvent,
  type Pax8ConfigureState,
} from './pax8-configure.js';

const integration: Integration = {
  provider: 'pax8', status: 'connected', accountLabel: 'pax8-client-7f3a', secretLast4: '1234', tenant: null,
  lastSyncAt: '2026-11-24T06:00:00.000Z', nextSyncAt: '2026-11-24T12:00:00.000Z', counts: { companies: 42 }, error: null,
  connectedAt: '2026-10-01T09:00:00.000Z',
};
const configured: Pax8Config = { configured: true, clientId: 'pax8-client-7f3a', secretLast4: '1234' };
const notConfigured: Pax8Config = { configured: false };
const newSecret = 'sk_live_0123456789abcdef';
const serverError = { code: 'http_500', message: 'Something went wrong on our side.' };

const editingConfigured = transition(initialPax8ConfigureState(configured), { type: 'edit' });
const editingNew = replay(transition, initialPax8ConfigureState(notConfigured), [
  { type: 'edit' },
  { type: 'change', field: 'clientId', value: ' pax8-client-new ' },
  { type: 'change', field: 'secret', value: newSecret },
]);
const testing = transition(editingNew, { type: 'test' });
const passed = transition(testing, { type: 'test_result', result: { ok: true, companyCount: 42 } });
const failed = transition(testing, { type: 'test_result', result: { ok: false, reason: 'rate_limited', message: 'Pax8 is limiting requests.', retryAfterSeconds: 30 } });

describe('Pax8 configuration', () => {
  it('reads the stored configuration from the integration and masks the secret', () => {
    expect(pax8ConfigFromIntegration(integration)).toEqual(configured);
    expect(pax8ConfigFromIntegration({ ...integration, status: 'not_configured', accountLabel: null, secretLast4: null })).toEqual(notConfigured);
    expect(pax8ConfigFromIntegration(undefined)).toEqual(notConfigured);
    expect(pax8ConfigFromIntegration({ ...integration, provider: 'xero' })).toEqual(notConfigured);
    expect(maskSecret('1234')).toBe('••••1234');
  });

  it('opens the form with the stored client ID and keeps the stored secret unless replaced', () => {
    expect(editingConfigured).toEqual({
      kind: 'editing', config: configured, form: { clientId: 'pax8-client-7f3a', secret: '', replacingSecret: false }, fieldErrors: [],
    });
    if (editingConfigured.kind !== 'editing') throw new Error('expected editing');
    expect(pax8SubmitBody(editingConfigured)).toEqual({ clientId: 'pax8-client-7f3a' });
    expect(transition(editingConfigured, { type: 'change', field: 'secret', value: 'typed without replacing' })).toBe(editingConfigured);
  });

  it('reveals an empty secret field on Replace and sends the new secret', () => {
    const replacing = transition(editingConfigured, { type: 'replace_secret' });
    expect(replacing).toMatchObject({ kind: 'editing', form: { secret: '', replacingSecret: true } });
    const typed = transition(replacing, { type: 'change', field: 'secret', value: ` ${newSecret} ` });
    if (typed.kind !== 'editing') throw new Error('expected editing');
    expect(pax8SubmitBody(typed)).toEqual({ clientId: 'pax8-client-7f3a', clientSecret: newSecret });
    const kept = transition(typed, { type: 'keep_secret' });
    expect(kept).toMatchObject({ kind: 'editing', form: { secret: '', replacingSecret: false } });
  });

  it('always asks for a secret when nothing is stored', () => {
    const editing = transition(initialPax8ConfigureState(notConfigured), { type: 'edit' });
    expect(editing).toMatchObject({ form: { clientId: '', secret: '', replacingSecret: true } });
    expect(transition(editing, { type: 'keep_secret' })).toBe(editing);
    expect(transition(editing, { type: 'test' })).toMatchObject({
      kind: 'editing',
      fieldErrors: [
        { path: 'clientId', message: 'A Pax8 client ID has at least 8 characters.' },
        { path: 'clientSecret', message: 'A Pax8 client secret has at least 16 characters.' },
      ],
    });
  });

  it('tests, then saves the values that passed', () => {
    expect(testing).toEqual({ kind: 'testing', config: notConfigured, form: { clientId: ' pax8-client-new ', secret: newSecret, replacingSecret: true } });
    if (testing.kind !== 'testing') throw new Error('expected testing');
    expect(pax8SubmitBody(testing)).toEqual({ clientId: 'pax8-client-new', clientSecret: newSecret });
    expect(passed).toMatchObject({ kind: 'test_passed', companyCount: 42 });
    const saving = transition(passed, { type: 'save' });
    expect(saving).toMatchObject({ kind: 'saving', form: { clientId: ' pax8-client-new ' } });
    const saved = transition(saving, { type: 'save_succeeded', integration: { ...integration, accountLabel: 'pax8-client-new', secretLast4: 'cdef' } });
    expect(saved).toMatchObject({ kind: 'saved', config: { configured: true, clientId: 'pax8-client-new', secretLast4: 'cdef' } });
    expect(JSON.stringify(saved)).not.toContain(newSecret);
    expect(transition(saved, { type: 'dismiss' })).toEqual({ kind: 'viewing', config: { configured: true, clientId: 'pax8-client-new', secretLast4: 'cdef' } });
  });

  it('reports each test failure with its reason', () => {
    expect(failed).toEqual({
      kind: 'test_failed', config: notConfigured, form: { clientId: ' pax8-client-new ', secret: newSecret, replacingSecret: true },
      reason: 'rate_limited', message: 'Pax8 is limiting requests.', retryAfterSeconds: 30,
    });
    for (const reason of ['invalid_credentials', 'insufficient_access', 'provider_unavailable'] as const) {
      const next = transition(testing, { type: 'test_result', result: { ok: false, reason, message: reason } });
      expect(next).toMatchObject({ kind: 'test_failed', reason });
      expect(next).not.toHaveProperty('retryAfterSeconds');
    }
    expect(transition(failed, { type: 'save' })).toBe(failed);
    expect(transition(failed, { type: 'test' })).toMatchObject({ kind: 'testing' });
  });

  it('drops the test result when a field changes', () => {
    for (const tested of [passed, failed]) {
      const changed = transition(tested, { type: 'change', field: 'clientId', value: 'pax8-client-other' });
      expect(changed).toMatchObject({ kind: 'editing', form: { clientId: 'pax8-client-other', secret: newSecret } });
      expect(transition(changed, { type: 'save' })).toBe(changed);
      expect(transition(tested, { type: 'change', field: 'secret', value: `${newSecret}X` })).toMatchObject({ kind: 'editing' });
    }
    const passedKeeping = replay(transition, editingConfigured, [{ type: 'test' }, { type: 'test_result', result: { ok: true, companyCount: 1 } }]);
    expect(transition(passedKeeping, { type: 'replace_secret' })).toMatchObject({ kind: 'editing', form: { replacingSecret: true } });
    expect(transition(passed, { type: 'change', field: 'clientId', value: ' pax8-client-new ' })).toBe(passed);
  });

  it('returns to the form with the input kept when a request fails', () => {
    const saveError = { code: 'validation_failed', message: 'Check the highlighted fields.', fieldErrors: [{ path: 'clientSecret', message: 'Pax8 refused this secret.' }] };
    const afterSave = transition(transition(passed, { type: 'save' }), { type: 'save_failed', error: saveError });
    expect(afterSave).toEqual({
      kind: 'editing', config: notConfigured, form: { clientId: ' pax8-client-new ', secret: newSecret, replacingSecret: true },
      fieldErrors: saveError.fieldErrors, error: saveError,
    });
    const afterTest = transition(testing, { type: 'test_error', error: serverError });
    expect(afterTest).toMatchObject({ kind: 'editing', form: { secret: newSecret }, fieldErrors: [], error: serverError });
    expect(transition(afterSave, { type: 'change', field: 'secret', value: 'sk_live_fedcba9876543210' })).toMatchObject({ fieldErrors: [] });
  });

  it('cancels back to the stored configuration, not while saving', () => {
    for (const state of [editingConfigured, testing, passed, failed]) {
      expect(transition(state, { type: 'cancel' })).toEqual({ kind: 'viewing', config: state.config });
    }
    const saving = transition(passed, { type: 'save' });
    expect(transition(saving, { type: 'cancel' })).toBe(saving);
    const cancelled = transition(testing, { type: 'cancel' });
    expect(transition(cancelled, { type: 'test_result', result: { ok: true, companyCount: 1 } })).toBe(cancelled);
  });

  it('refuses a state without a form for the submit body', () => {
    // @ts-expect-error nothing to submit without a form
    expect(() => pax8SubmitBody(initialPax8ConfigureState(configured))).toThrow('pax8SubmitBody needs a state with a form (editing, testing, test_passed, test_failed or saving), not "viewing".');
  });

  it('ignores every event that does not apply to the state', () => {
    const states: Pax8ConfigureState[] = [
      initialPax8ConfigureState(configured),
      editingConfigured,
      testing,
      passed,
      failed,
      transition(passed, { type: 'save' }),
      { kind: 'saved', config: configured, integration },
    ];
    const events: Pax8ConfigureEvent[] = [
      { type: 'edit' },
      { type: 'change', field: 'clientId', value: 'pax8-client-changed' },
      { type: 'replace_secret' },
      { type: 'keep_secret' },
      { type: 'test' },
      { type: 'test_result', result: { ok: true, companyCount: 3 } },
      { type: 'test_error', error: serverError },
      { type: 'save' },
      { type: 'save_succeeded', integration },
      { type: 'save_failed', error: serverError },
      { type: 'cancel' },
      { type: 'dismiss' },
    ];
    // `replace_secret` applies only while the stored secret is kept, `keep_secret` only while replacing one that is stored.
    checkEventTable(transition, states, events, {
      viewing: ['edit'],
      editing: ['change', 'replace_secret', 'test', 'cancel'],
      testing: ['test_result', 'test_error', 'cancel'],
      test_passed: ['change', 'test', 'save', 'cancel'],
      test_failed: ['change', 'test', 'cancel'],
      saving: ['save_succeeded', 'save_failed'],
      saved: ['edit', 'dismiss'],
    });
  });
});
