import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSession } from './sign-in.js';
import { createTestServer, type TestServer } from '../testing/harness.js';
import type { Actor } from './actor.js';
import { ActorCache } from './actor-cache.js';

const actor = (role: Actor['role'], expiresAt = new Date('2026-12-01T00:00:00Z')) =>
  ({ role, expiresAt, memberId: 'mem_1' }) as Actor;
const now = new Date('2026-11-24T09:00:00Z');

describe('ActorCache', () => {
  it('reuses a lookup within its window, then looks up again', async () => {
    const cache = new ActorCache(1000);
    let lookups = 0;
    const load = async () => (lookups++, actor('admin'));
    await cache.lookup('k', now, load);
    await cache.lookup('k', new Date(now.getTime() + 999), load);
    expect(lookups).toBe(1);
    await cache.lookup('k', new Date(now.getTime() + 1000), load);
    expect(lookups).toBe(2);
  });

  it('drops every entry on a write', async () => {
    const cache = new ActorCache(60_000);
    await cache.lookup('k', now, async () => actor('admin'));
    cache.invalidate();
    expect(await cache.lookup('k', now, async () => actor('viewer'))).toMatchObject({ role: 'viewer' });
  });

  it('does not keep a lookup that a write overtook', async () => {
    const cache = new ActorCache(60_000);
    await cache.lookup('k', now, async () => {
      cache.invalidate();
      return actor('admin');
    });
    expect(cache.get('k', now.getTime())).toBeNull();
  });

  it('never answers an expired credential from the cache', async () => {
    const cache = new ActorCache(60_000);
    await cache.lookup('k', now, async () => actor('admin', new Date(now.getTime() + 10)));
    expect(await cache.lookup('k', new Date(now.getTime() + 10), async () => null)).toBeNull();
  });

  it('keeps nothing when the window is 0', async () => {
    const cache = new ActorCache(0);
    await cache.lookup('k', now, async () => actor('admin'));
    expect(cache.get('k', now.getTime())).toBeNull();
  });
});

describe('cached members seen through the API', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await createTestServer();
  });
  beforeEach(() => t.reset());
  afterAll(() => t.close());

  it('a role change applies to the member’s very next request', async () => {
    // Sessions made first: the harness's direct writes would drop the cache themselves.
    await t.signIn('owner');
    const adminId = await t.memberId('admin');
    const slug = { query: { slug: 'acme-new' } };
    expect((await t.request('GET', '/organization/slug-availability', { as: 'admin', ...slug })).status).toBe(200);
    const changed = await t.request('PATCH', `/members/${adminId}`, { as: 'owner', body: { role: 'viewer' } });
    expect(changed.status, changed.text).toBe(200);
    expect((await t.request('GET', '/me', { as: 'admin' })).body.role).toBe('viewer');
    expect((await t.request('GET', '/organization/slug-availability', { as: 'admin', ...slug })).status).toBe(403);
  });

  it('a signed-out session is refused at once, though it was just used', async () => {
    const session = await t.signIn('viewer');
    expect((await t.request('GET', '/me', { as: session })).status).toBe(200);
    expect((await t.request('POST', '/auth/sign-out', { as: session })).status).toBe(204);
    expect((await t.request('GET', '/me', { as: session })).status).toBe(401);
  });

  it('another device signed out from the sessions page is refused at once', async () => {
    const other = await createSession(t.db, { memberId: await t.memberId('viewer'), method: 'password', ip: null, userAgent: null, now: t.clock() });
    const otherHeaders = { headers: { cookie: `billingone_session=${other.token}`, 'x-csrf-token': other.csrfToken } };
    await t.signIn('viewer');
    expect((await t.request('GET', '/me', { as: otherHeaders })).status).toBe(200);
    expect((await t.request('DELETE', `/sessions/${other.id}`, { as: 'viewer' })).status).toBe(204);
    expect((await t.request('GET', '/me', { as: otherHeaders })).status).toBe(401);
  });
});
