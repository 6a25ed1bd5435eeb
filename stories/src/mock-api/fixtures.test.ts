import {
  allEndpoints,
  api,
  AuditEntry,
  checkRoleChange,
  Member,
  Problem,
  roles,
  SettingsApiError,
  SettingsValidationError,
  type Endpoint,
  type Role,
} from '@billingone/settings-core';
import { describe, expect, it } from 'vitest';
import { createMockApi, type MockApi, type MockApiOptions } from './api.js';
import { generatedAuditLog } from './fixtures/audit-log.js';
import { pax8Demo } from './fixtures/people.js';
import { handler } from './context.js';
import { handlers } from './handlers/index.js';
import { createRouter } from './router.js';
import { MockState } from './state.js';
import { hotp, totpCode } from './totp.js';

const baseUrl = 'http://mock.billingone.test';
const mock = (options: MockApiOptions = {}) => createMockApi({ baseUrl, ...options });

interface SafeParser {
  safeParse(value: unknown): { success: boolean; error?: { issues: unknown[] } };
}

/** Calls an endpoint with a raw request and checks the answer against the endpoint's schema (or Problem), independently of the mock. */
async function raw(mockApi: MockApi, endpoint: Endpoint, init: { path?: string; query?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const method = endpoint.method;
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  if (method !== 'GET' && !headers['x-csrf-token']) {
    const csrf = await mockApi.fetch(`${baseUrl}/v1/auth/csrf`);
    headers['x-csrf-token'] = ((await csrf.json()) as { csrfToken: string }).csrfToken;
  }
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await mockApi.fetch(`${baseUrl}/v1${init.path ?? endpoint.path}${init.query ? `?${init.query}` : ''}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  const schema = (response.status >= 400 ? Problem : endpoint.response) as SafeParser | undefined;
  if (schema) {
    const parsed = schema.safeParse(body);
    expect(parsed.success, `${endpoint.id} answered ${response.status} outside the contract: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
  }
  return { status: response.status, body: body as any, headers: response.headers };
}

async function expectProblem(promise: Promise<unknown>, status: number, code: string): Promise<SettingsApiError> {
  const error = await promise.then(
    () => {
      throw new Error(`expected a ${status} ${code} problem, the call succeeded`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(SettingsApiError);
  expect({ status: (error as SettingsApiError).status, code: (error as SettingsApiError).code }).toEqual({ status, code });
  return error as SettingsApiError;
}

/** Every GET of the contract that needs no path parameter other than a provider. */
const reads = allEndpoints.filter((endpoint) => endpoint.method === 'GET' && !endpoint.produces);

/** The paths to read an endpoint at: each provider for `{provider}`. */
function pathsOf(endpoint: Endpoint): string[] {
  return endpoint.path.includes('{provider}') ? ['pax8', 'xero'].map((provider) => endpoint.path.replace('{provider}', provider)) : [endpoint.path];
}

describe('fixtures answer inside the contract', () => {
  const scenarios: [string, MockApiOptions][] = [
    ...roles.map((role): [string, MockApiOptions] => [`demo organization as ${role}`, { role }]),
    ['Owner with integrations connected, TOTP, passkeys, custom notifications and branding', {
      integrations: 'connected', mfa: { totp: true, passkeys: 3 }, recentAuth: true, notifications: 'custom',
      branding: { primaryColor: '#7c3aed', accentColor: '#f59e0b', logoUrl: 'data:image/svg+xml;base64,PHN2Zy8+' },
    }],
    ['Admin with integrations needing attention and a long audit log', { role: 'admin', integrations: 'attention', auditLog: 'long' }],
    ['Viewer held at the MFA gate', { role: 'viewer', requireMfa: true }],
    ['empty: five members, no invitations, no history, one session', { team: 'solo', invitations: 'none', auditLog: 'empty', loginHistory: 'empty', sessions: 'single' }],
    ['embed token', { auth: 'embed', role: 'finance' }],
  ];
  for (const [name, options] of scenarios) {
    it(`${name}: every read parses with its response schema (or as a problem)`, async () => {
      const mockApi = mock(options);
      for (const endpoint of reads) {
        const headers: Record<string, string> = options.auth === 'embed' ? { authorization: `Bearer ${mockApi.state.embedToken}` } : {};
        const query = endpoint.id === 'organization.slugAvailability' ? 'slug=acme-msp' : '';
        for (const path of pathsOf(endpoint)) await raw(mockApi, endpoint, { path, query, headers });
      }
      expect(mockApi.violations).toEqual([]);
    });
  }

  it('has one handler for every endpoint of the contract, and no other', async () => {
    expect(handlers.map((each) => each.endpoint.id).sort()).toEqual(allEndpoints.map((endpoint) => endpoint.id).sort());
    const unknown = await mock().fetch(`${baseUrl}/v1/nothing-here`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('not_found');
  });

  it('pages through all 10,000 members of the large team with cursors, name order, each member valid', async () => {
    const mockApi = mock({ team: 'large' });
    const seen = new Set<string>();
    let previous: string[] | null = null;
    let cursor: string | undefined;
    let first = true;
    let pages = 0;
    do {
      const page = await mockApi.client.request(api.team.listMembers, { query: { limit: 200, ...(cursor ? { cursor } : {}) } });
      pages++;
      if (first) expect(page.total).toBe(10_000);
      else expect(page.total).toBeUndefined();
      first = false;
      for (const member of page.items) {
        expect(Member.safeParse(member).success).toBe(true);
        const key = [member.name, member.id];
        if (previous) expect(key[0]! > previous[0]! || (key[0] === previous[0] && key[1]! > previous[1]!)).toBe(true);
        previous = key;
        seen.add(member.id);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toBe(50);
    expect(seen.size).toBe(10_000);
    expect(new Set(mockApi.state.members().map((member) => member.email)).size).toBe(10_000);
  });

  it('generates the same large team and audit log every time, only when asked', () => {
    const a = new MockState({ team: 'large', auditLog: 'long' }, Date.UTC(2026, 10, 24));
    const b = new MockState({ team: 'large', auditLog: 'long' }, Date.UTC(2026, 10, 24));
    expect(a.demo).toHaveLength(5);
    expect(a.members().map((member) => member.name)).toEqual(b.members().map((member) => member.name));
    expect(a.generatedAudit.entry(77_777)).toEqual(b.generatedAudit.entry(77_777));
  });

  it('every entry of the long audit log fits AuditEntry, newest first, and a cursor finds its place', () => {
    const log = generatedAuditLog('long', Date.UTC(2026, 10, 24));
    expect(log.count).toBe(100_000);
    let previous = Infinity;
    const invalid: number[] = [];
    const unordered: number[] = [];
    for (let index = 0; index < log.count; index++) {
      const entry = log.entry(index);
      if (!AuditEntry.safeParse(entry).success) invalid.push(index);
      const at = Date.parse(entry.at);
      if (!(at < previous)) unordered.push(index);
      previous = at;
    }
    expect(invalid).toEqual([]);
    expect(unordered).toEqual([]);
    const cursorEntry = log.entry(54_321);
    expect(log.indexAfter({ at: Date.parse(cursorEntry.at), id: cursorEntry.id })).toBe(54_322);
    expect(() => log.entry(100_000)).toThrow(RangeError);
  }, 60_000);

  it('pages the long audit log with cursors, filters like the server, and exports the filter as CSV', async () => {
    const mockApi = mock({ auditLog: 'long' });
    const first = await mockApi.client.request(api.audit.list, { query: { limit: 50 } });
    expect(first.items).toHaveLength(50);
    const second = await mockApi.client.request(api.audit.list, { query: { limit: 50, cursor: first.nextCursor! } });
    expect(Date.parse(second.items[0]!.at)).toBeLessThan(Date.parse(first.items[49]!.at));
    const roleChanges = await mockApi.client.request(api.audit.list, { query: { action: 'member', limit: 100 } });
    expect(roleChanges.items.length).toBe(100);
    expect(roleChanges.items.every((entry) => entry.action.startsWith('member.'))).toBe(true);
    const to = first.items[10]!.at;
    const bounded = await mockApi.client.request(api.audit.list, { query: { to, limit: 5 } });
    expect(bounded.items[0]!.at).toBe(to);
    const byText = await mockApi.client.request(api.audit.list, { query: { q: 'fiona', limit: 20 } });
    expect(byText.items.length).toBeGreaterThan(0);
    expect(byText.items.every((entry) => entry.actor?.name === 'Fiona Shah')).toBe(true);
    await expectProblem(mockApi.client.request(api.audit.list, { query: { cursor: 'not-a-cursor' } }), 422, 'invalid_cursor').then((error) => {
      expect(error.fieldError('cursor')).toBe('This cursor is not valid. Start again from the first page.');
    });

    const blob = await mockApi.client.download(api.audit.export, { query: { action: 'branding.updated', from: new Date(Date.now() - 30 * 864e5).toISOString() } });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toBe('time,actor_name,actor_email,action,target_type,target_id,target_label,ip,user_agent,before,after');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes(',branding.updated,'))).toBe(true);
    const latest = await mockApi.client.request(api.audit.list, { query: { limit: 1 } });
    expect(latest.items[0]!.action).toBe('audit_log.exported');
    expect(mockApi.violations).toEqual([]);
  });
});

describe('the mock behaves as the reference server', () => {
  it('computes TOTP codes as RFC 6238 (SHA-1 test vectors)', async () => {
    // "12345678901234567890" in base32; RFC 6238 appendix B gives 94287082 at T=59 s (6 digits: 287082).
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(await totpCode(secret, 59_000)).toBe('287082');
    expect(await totpCode(secret, 1_111_111_109_000)).toBe('081804');
    expect(await hotp(secret, 1)).toBe('287082');
  });

  it('enrols TOTP with a real code: wrong codes refused inline, recovery codes once, a replayed code refused', async () => {
    const mockApi = mock({ role: 'engineer' });
    const client = mockApi.client;
    const start = await client.request(api.security.startTotp);
    expect(start.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(start.otpauthUri).toContain(`secret=${start.secret}`);
    const right = await totpCode(start.secret);
    const wrong = right === '000000' ? '111111' : '000000';
    const refused = await expectProblem(client.request(api.security.verifyTotp, { body: { enrollmentId: start.enrollmentId, code: wrong } }), 422, 'invalid_code');
    expect(refused.fieldError('code')).toBe('That code is not right. Check your authenticator app and try again.');
    const enabled = await client.request(api.security.verifyTotp, { body: { enrollmentId: start.enrollmentId, code: right } });
    expect(enabled.recoveryCodes.codes).toHaveLength(10);
    const me = await client.request(api.me.get);
    expect(me.mfa.totpEnabled).toBe(true);
    await expectProblem(client.request(api.security.disableTotp, { body: { code: right } }), 422, 'code_already_used');
    await expectProblem(client.request(api.security.viewRecoveryCodes), 403, 'recent_auth_required');
    await expectProblem(client.request(api.security.startTotp), 409, 'totp_already_enabled');
  });

  it('tests Pax8 with the simulator’s demo credentials: a bad secret is invalid_credentials, the good one connects', async () => {
    const mockApi = mock({ role: 'finance' });
    const client = mockApi.client;
    const bad = await client.request(api.integrations.testPax8, { body: { clientId: pax8Demo.clientId, clientSecret: pax8Demo.badSecret } });
    expect(bad).toEqual({ ok: false, reason: 'invalid_credentials', message: 'Pax8 refused the client ID and client secret.' });
    const saveBad = await expectProblem(client.request(api.integrations.savePax8, { body: { clientId: pax8Demo.clientId, clientSecret: pax8Demo.badSecret } }), 422, 'invalid_credentials');
    expect(saveBad.fieldErrors).toEqual([{ path: 'clientSecret', message: 'Pax8 refused the client ID and client secret.', code: 'invalid_credentials' }]);
    const limited = await client.request(api.integrations.testPax8, { body: { clientId: pax8Demo.limitedClientId, clientSecret: pax8Demo.limitedSecret } });
    expect(limited).toMatchObject({ ok: false, reason: 'insufficient_access' });
    expect(await client.request(api.integrations.testPax8, { body: { clientId: pax8Demo.clientId, clientSecret: pax8Demo.secret } })).toEqual({ ok: true, companyCount: 25 });
    const saved = await client.request(api.integrations.savePax8, { body: { clientId: pax8Demo.clientId, clientSecret: pax8Demo.secret } });
    expect(saved).toMatchObject({ provider: 'pax8', status: 'connected', accountLabel: pax8Demo.clientId, secretLast4: 'Pe8U' });
    // Without a secret the stored one is used, only with the same client ID.
    expect(await client.request(api.integrations.testPax8, { body: { clientId: pax8Demo.clientId } })).toEqual({ ok: true, companyCount: 25 });
    await expectProblem(client.request(api.integrations.testPax8, { body: { clientId: pax8Demo.limitedClientId } }), 422, 'required');
    const run = await client.request(api.integrations.sync, { params: { provider: 'pax8' } });
    expect(run).toMatchObject({ status: 'succeeded', counts: { companies: 25, products: 40, subscriptions: 120 } });
    const mappings = await client.request(api.integrations.companyMappings, { query: {} });
    expect(mappings.total).toBe(25);
    expect(mappings.items.filter((item) => item.status === 'suggested').length).toBeGreaterThan(15);
    await expectProblem(mock({ role: 'engineer' }).client.request(api.integrations.testPax8, { body: { clientId: pax8Demo.clientId, clientSecret: pax8Demo.secret } }), 403, 'forbidden');
  });

  it('validates invitations: an invalid address is refused before sending, repeats and members on the server', async () => {
    const client = mock({ role: 'admin' }).client;
    const invalid = await client.request(api.team.invite, { body: { emails: ['dana@example.com', 'not-an-email'], role: 'engineer' } }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(SettingsValidationError);
    expect((invalid as SettingsValidationError).fieldErrors.map((error) => error.path)).toEqual(['emails.1']);
    const member = await expectProblem(client.request(api.team.invite, { body: { emails: ['dana@example.com', 'engineer@acme.test'], role: 'viewer' } }), 422, 'validation_failed');
    expect(member.fieldErrors).toEqual([{ path: 'emails.1', message: 'This person is already a member.', code: 'already_member' }]);
    await expectProblem(client.request(api.team.invite, { body: { emails: ['x@example.com'], role: 'owner' } }), 403, 'only_owner_grants_owner');
    const created = await client.request(api.team.invite, { body: { emails: ['dana@example.com', 'lee@example.com'], role: 'engineer' } });
    expect(created.items.map((item) => [item.email, item.role, item.status])).toEqual([['dana@example.com', 'engineer', 'pending'], ['lee@example.com', 'engineer', 'pending']]);
    const list = await client.request(api.team.listInvitations);
    expect(list.items.map((item) => item.email)).toEqual(expect.arrayContaining(['dana@example.com', 'lee@example.com', 'auditor@litware.example']));
    expect(list.items.find((item) => item.email === 'auditor@litware.example')!.status).toBe('expired');
  });

  it('refuses an Admin changing an Owner with the code of core’s checkRoleChange, and other team rules', async () => {
    const mockApi = mock({ role: 'admin' });
    const { items } = await mockApi.client.request(api.team.listMembers, { query: { q: 'acme.test', limit: 200 } });
    const owner = items.find((member) => member.role === 'owner')!;
    const admin = items.find((member) => member.email === 'admin@acme.test')!;
    const engineer = items.find((member) => member.email === 'engineer@acme.test')!;
    const rule = checkRoleChange({ id: admin.id, role: 'admin' }, owner, 'viewer', 1);
    expect(rule).toEqual({ ok: false, reason: 'admin_cannot_touch_owner' });
    const refused = await expectProblem(mockApi.client.request(api.team.changeRole, { params: { id: owner.id }, body: { role: 'viewer' } }), 403, 'admin_cannot_touch_owner');
    expect(refused.problem.detail).toBe('Admins cannot change or remove an Owner.');
    await expectProblem(mockApi.client.request(api.team.changeRole, { params: { id: admin.id }, body: { role: 'viewer' } }), 409, 'own_role');
    await expectProblem(mockApi.client.request(api.team.removeMember, { params: { id: owner.id } }), 403, 'admin_cannot_touch_owner');
    await expectProblem(mockApi.client.request(api.team.transferOwnership, { body: { memberId: engineer.id } }), 403, 'forbidden');
    const changed = await mockApi.client.request(api.team.changeRole, { params: { id: engineer.id }, body: { role: 'finance' } });
    expect(changed.role).toBe('finance');
    // Meanwhile the Owner, signed in elsewhere, makes the engineer an Owner: the Admin is now refused.
    await mockApi.clientAs('owner').request(api.team.changeRole, { params: { id: engineer.id }, body: { role: 'owner' } });
    await expectProblem(mockApi.client.request(api.team.changeRole, { params: { id: engineer.id }, body: { role: 'viewer' } }), 403, 'admin_cannot_touch_owner');
    await expectProblem(mockApi.client.request(api.team.getMember, { params: { id: 'mem_nobody' } }), 404, 'member_not_found');
  });

  it('enforces permissions, CSRF, the MFA gate, ETags and recent re-authentication', async () => {
    const viewer = mock({ role: 'viewer' });
    await expectProblem(viewer.client.request(api.team.listMembers, { query: {} }), 403, 'forbidden');
    await expectProblem(viewer.client.request(api.audit.list, { query: {} }), 403, 'forbidden');

    const owner = mock();
    const noCsrf = await raw(owner, api.sessions.terminateOthers, { headers: { 'x-csrf-token': 'wrong' } });
    expect(noCsrf).toMatchObject({ status: 403, body: { code: 'csrf_invalid' } });
    const noIfMatch = await raw(owner, api.organization.update, { body: { name: 'Acme' } });
    expect(noIfMatch).toMatchObject({ status: 428, body: { code: 'if_match_required' } });
    const read = await owner.client.requestWithMeta(api.organization.get);
    const renamed = await owner.client.request(api.organization.update, { body: { name: 'Acme Managed Services' }, ifMatch: read.etag });
    expect(renamed.name).toBe('Acme Managed Services');
    await expectProblem(owner.client.request(api.organization.update, { body: { name: 'Acme again' }, ifMatch: read.etag }), 412, 'stale_version');
    const taken = await expectProblem(owner.client.request(api.organization.update, { body: { slug: 'northwind' }, ifMatch: (await owner.client.requestWithMeta(api.organization.get)).etag }), 409, 'slug_taken');
    expect(taken.fieldError('slug')).toBe('This URL is already taken. Choose another.');
    const mfaPolicy = await expectProblem(owner.client.request(api.organization.update, { body: { requireMfa: true }, ifMatch: (await owner.client.requestWithMeta(api.organization.get)).etag }), 409, 'actor_without_mfa');
    expect(mfaPolicy.fieldError('requireMfa')).toBe('Set up two-factor authentication for yourself before requiring it for everyone.');
    expect(await owner.client.request(api.organization.slugAvailability, { query: { slug: 'admin' } })).toEqual({ slug: 'admin', available: false, reason: 'reserved' });

    const gated = mock({ role: 'engineer', requireMfa: true });
    const me = await gated.client.request(api.me.get);
    expect(me.mfa).toEqual({ totpEnabled: false, passkeyCount: 0, orgRequiresMfa: true, enrollmentRequired: true });
    await expectProblem(gated.client.request(api.profile.get), 403, 'mfa_enrollment_required');
    await gated.client.request(api.security.overview);

    const locked = await expectProblem(owner.client.request(api.notifications.update, { body: { preferences: { sync_failed: { email: false } } }, ifMatch: 'W/"stale"' }), 412, 'stale_version');
    expect(locked.status).toBe(412);
  });

  it('changes the password only with the current one and signs the other sessions out', async () => {
    const mockApi = mock({ role: 'finance' });
    await expectProblem(mockApi.client.request(api.profile.changePassword, { body: { currentPassword: 'wrong', newPassword: 'a-much-longer-password' } }), 422, 'invalid_password');
    const result = await mockApi.client.request(api.profile.changePassword, { body: { currentPassword: 'billingone-demo', newPassword: 'a-much-longer-password' } });
    expect(result).toEqual({ otherSessionsEnded: 3 });
    expect((await mockApi.client.request(api.sessions.list)).items.map((session) => session.current)).toEqual([true]);
  });

  it('fails, delays and hangs on request, as the loading and error stories need', async () => {
    const failing = mock({ fail: { 'members.list': { times: 1 } } });
    await expectProblem(failing.client.request(api.team.listMembers, { query: {} }), 500, 'internal_error');
    expect((await failing.client.request(api.team.listMembers, { query: {} })).items.length).toBe(45);

    const hanging = mock({ hang: ['me.get'] });
    const controller = new AbortController();
    const pending = hanging.client.request(api.me.get, { signal: controller.signal });
    let settled = false;
    void pending.catch(() => undefined).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'SettingsNetworkError', kind: 'aborted' });
    // A request aborted before it reaches the hang (a busy machine) ends at once too.
    const aborted = new AbortController();
    aborted.abort();
    await expect(hanging.fetch(`${baseUrl}/v1/me`, { signal: aborted.signal })).rejects.toMatchObject({ name: 'AbortError' });

    const slow = mock({ latencyMs: 60 });
    const started = Date.now();
    await slow.client.request(api.me.get);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('records a handler answering outside the contract and answers 500 instead', async () => {
    const state = new MockState();
    const violations: unknown[] = [];
    const drifting = handler(api.me.get, () => ({ member: { id: 'mem_owner' } }) as never);
    const router = createRouter(state, [drifting], '/', { onViolation: (violation) => violations.push(violation), onCall: () => undefined });
    const originalError = console.error;
    console.error = () => undefined;
    try {
      const response = await router.handle(new Request(`${baseUrl}/v1/me`), { sessionId: state.currentSessionId });
      expect(response.status).toBe(500);
      expect(((await response.json()) as { code: string }).code).toBe('internal_error');
    } finally {
      console.error = originalError;
    }
    expect(violations).toEqual([expect.objectContaining({ endpointId: 'me.get', status: 200 })]);
  });

  it('signs in with the demo password and a TOTP code, as the reference server', async () => {
    const mockApi = mock({ role: 'owner', mfa: { totp: true } });
    await expectProblem(mockApi.client.request(api.auth.signIn, { body: { email: 'owner@acme.test', password: 'nope' } }), 401, 'invalid_credentials');
    const first = await mockApi.client.request(api.auth.signIn, { body: { email: 'owner@acme.test', password: 'billingone-demo' } });
    expect(first.status).toBe('mfa_required');
    if (first.status !== 'mfa_required') return;
    const code = await totpCode(mockApi.state.me.totp!.secret);
    const second = await mockApi.client.request(api.auth.signInMfa, { body: { mfaToken: first.mfaToken, code } });
    expect(second.status).toBe('signed_in');
    await mockApi.client.request(api.auth.signOut);
    await expectProblem(mockApi.client.request(api.me.get), 401, 'unauthenticated');
  });

  it('keeps each role’s view of the demo organization consistent with the role table', async () => {
    for (const role of roles) {
      const me = await mock({ role }).client.request(api.me.get);
      expect(me.role).toBe<Role>(role);
      expect(me.member.email).toBe(`${role}@acme.test`);
    }
  });
});
