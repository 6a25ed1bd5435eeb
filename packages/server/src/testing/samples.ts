import type { Role } from '@billingone/settings-core';
import { createSession } from '../app/sign-in.js';
import { newId, sha256 } from '../app/ids.js';
import type { TestServer } from './harness.js';
import { securitySamples } from '../security/testing/samples.js';
import { integrationSamples } from '../integrations/testing/samples.js';

/** One valid request of an endpoint: what the role × endpoint matrix, the audit and fuzz checks send. */
export interface Sample {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Builds a sample for the member `as` (it may insert rows first). A sample must succeed (2xx) for
 * every role the endpoint's access allows; `public` and `api-key` samples carry their own credentials
 * in `headers` (the matrix skips those endpoints; the audit and fuzz checks use them).
 */
export type SampleFactory = (t: TestServer, as: Role) => Promise<Sample> | Sample;

/** The ETag of a GET as `as` (or `*` when that role cannot read it), for an If-Match header. */
export async function currentEtag(t: TestServer, path: string, as: Role): Promise<Record<string, string>> {
  const res = await t.request('GET', path, { as });
  return { 'if-match': res.headers.get('etag') ?? '*' };
}

/** A viewer to act upon (role changes, removal, transfer). */
export async function insertMember(t: TestServer, role: Role = 'viewer', orgId = 'org_acme'): Promise<string> {
  const id = newId('mem');
  await t.db.query(
    `INSERT INTO members (id, org_id, email, name, role, joined_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)`,
    [id, orgId, `${id}@example.com`, `Sample ${id.slice(-4)}`, role, t.clock()],
  );
  return id;
}

/** A pending invitation; `token` is the secret of its link. */
export async function insertInvitation(t: TestServer, email = 'invitee@example.com', role: Role = 'viewer'): Promise<{ id: string; token: string }> {
  const id = newId('inv');
  const token = `inv_${newId('tok')}`;
  const now = t.clock();
  await t.db.query(
    `INSERT INTO invitations (id, org_id, email, role, token_hash, invited_by, created_at, expires_at)
     VALUES ($1, 'org_acme', $2, $3, $4, 'mem_owner', $5, $6)`,
    [id, email, role, sha256(token), now, new Date(now.getTime() + 86_400_000)],
  );
  return { id, token };
}

/** An organization API key of the fixture organization, as an Authorization header. */
export async function apiKeyHeaders(t: TestServer): Promise<Record<string, string>> {
  const key = `bo_sk_${newId('sample')}`;
  await t.db.query(
    'INSERT INTO api_keys (id, org_id, name, key_hash, key_prefix, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [newId('key'), 'org_acme', 'Sample', sha256(key), key.slice(0, 10), t.clock()],
  );
  return { authorization: `Bearer ${key}` };
}

/** Samples by endpoint id. Add one line per endpoint you register. */
export const samples: Record<string, SampleFactory> = {
  // Auth
  'auth.signIn': (t) => ({ body: { email: 'viewer@acme.test', password: t.fixture.password } }),
  'auth.csrf': () => ({}),
  'auth.signOut': () => ({}),
  'auth.embedToken': async (t) => ({ headers: await apiKeyHeaders(t), body: { memberEmail: 'viewer@acme.test' } }),
  'me.get': () => ({}),
  // Profile
  'profile.get': () => ({}),
  'profile.update': () => ({ body: { name: 'Sample Name', timeZone: 'Europe/London' } }),
  'profile.changePassword': (t) => ({ body: { currentPassword: t.fixture.password, newPassword: 'another long passphrase' } }),
  // Sessions
  'sessions.list': () => ({}),
  'sessions.terminate': async (t, as) => {
    const other = await createSession(t.db, { memberId: await t.memberId(as), method: 'password', ip: null, userAgent: null, now: t.clock() });
    return { params: { id: other.id } };
  },
  'sessions.terminateOthers': () => ({}),
  // Organization and branding
  'organization.get': () => ({}),
  'organization.update': async (t, as) => ({ headers: await currentEtag(t, '/organization', as), body: { name: 'Renamed MSP' } }),
  'organization.slugAvailability': () => ({ query: { slug: 'free-slug' } }),
  'branding.get': () => ({}),
  'branding.update': async (t, as) => ({ headers: await currentEtag(t, '/branding', as), body: { primaryColor: '#123456' } }),
  'branding.reset': async (t, as) => {
    await t.db.query("UPDATE organizations SET primary_color = '#654321' WHERE id = 'org_acme'");
    return { headers: await currentEtag(t, '/branding', as) };
  },
  // Team
  'members.list': () => ({ query: { limit: 10 } }),
  'members.get': () => ({ params: { id: 'mem_viewer' } }),
  'members.changeRole': async (t) => ({ params: { id: await insertMember(t) }, body: { role: 'engineer' } }),
  'members.remove': async (t) => ({ params: { id: await insertMember(t) } }),
  'members.transferOwnership': async (t) => ({ body: { memberId: await insertMember(t) } }),
  'invitations.list': () => ({}),
  'invitations.create': () => ({ body: { emails: ['sample.invitee@example.com'], role: 'viewer' } }),
  'invitations.resend': async (t) => ({ params: { id: (await insertInvitation(t)).id } }),
  'invitations.revoke': async (t) => ({ params: { id: (await insertInvitation(t)).id } }),
  'invitations.accept': async (t) => ({ body: { token: (await insertInvitation(t)).token, name: 'New Person', password: 'a long enough password' } }),
  'roles.list': () => ({}),
  // Notifications and audit
  'notifications.get': () => ({}),
  'notifications.update': async (t, as) => ({
    headers: await currentEtag(t, '/notifications/preferences', as),
    body: { preferences: { sync_completed: { email: true } } },
  }),
  'audit.list': () => ({ query: { limit: 5 } }),
  'audit.export': () => ({ query: { action: 'member' } }),
  // Security, second-factor sign-in, avatar and logo (src/security/testing/samples.ts)
  ...securitySamples,
  // Integrations that need no provider (src/integrations/testing/samples.ts)
  ...integrationSamples,
};
