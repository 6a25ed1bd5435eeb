import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsClient } from '../client/client.js';
import { SettingsApiError } from '../client/errors.js';
import { me, member, memberPage, notificationPreferences, organization } from '../client/samples.fixture.test.js';
import { startScriptedServer, type ScriptedServer } from '../client/scripted-server.fixture.test.js';
import type { SettingsClient } from '../client/types.js';
import { notificationEndpoints } from '../schemas/notifications.js';
import { organizationEndpoints } from '../schemas/organization.js';
import { sessionEndpoints } from '../schemas/sessions.js';
import { teamEndpoints } from '../schemas/team.js';
import { meEndpoints } from '../schemas/me.js';
import { createSettingsStores } from './settings-stores.js';

let server: ScriptedServer;
let client: SettingsClient;
beforeEach(async () => {
  server = await startScriptedServer();
  client = createSettingsClient({ baseUrl: server.url, getToken: () => 'embed-token-1', retry: { limit: 0 } });
});
afterEach(async () => {
  await server.close();
});

const stale = { problem: { status: 412, code: 'precondition_failed', title: 'Precondition Failed', detail: 'The organization changed since you loaded it.' } };

describe('createSettingsStores', () => {
  it('keeps the ETag of a singleton and sends it as If-Match on mutate, storing the new version', async () => {
    server.route('GET', '/v1/organization', { json: organization, headers: { etag: 'W/"org-3"' } });
    server.route('PATCH', '/v1/organization', (req) => req.headers['if-match'] === 'W/"org-3"'
      ? { json: { ...organization, name: 'Northwind Managed Services' }, headers: { etag: 'W/"org-4"' } }
      : stale);
    server.route('GET', '/v1/me', { json: me }, { json: { ...me, organization: { ...me.organization, name: 'Northwind Managed Services' } } });
    const stores = createSettingsStores(client);
    await stores.resource(organizationEndpoints.get).load();
    expect(stores.resource(organizationEndpoints.get).getState().etag).toBe('W/"org-3"');
    await stores.resource(meEndpoints.get).load();
    stores.resource(meEndpoints.get).subscribe(() => undefined);

    const saved = await stores.mutate(organizationEndpoints.update, { body: { name: 'Northwind Managed Services' } }, { invalidates: [meEndpoints.get] });
    expect(saved.name).toBe('Northwind Managed Services');
    expect(server.requestsTo('PATCH', '/v1/organization')[0]!.headers['if-match']).toBe('W/"org-3"');
    expect(stores.resource(organizationEndpoints.get).getState()).toMatchObject({ status: 'ready', etag: 'W/"org-4"', data: { name: 'Northwind Managed Services' } });
    expect(server.requestsTo('GET', '/v1/organization')).toHaveLength(1); // the answer is the new version: no reload
    await waitFor(() => stores.resource(meEndpoints.get).getState().data?.organization.name === 'Northwind Managed Services');
    expect(server.requestsTo('GET', '/v1/me')).toHaveLength(2);
  });

  it('reloads a singleton after a 412 so the next save uses the latest version', async () => {
    server.route('GET', '/v1/organization',
      { json: organization, headers: { etag: '"org-3"' } },
      { json: { ...organization, slug: 'northwind' }, headers: { etag: '"org-5"' } });
    server.route('PATCH', '/v1/organization', stale);
    const stores = createSettingsStores(client);
    await stores.resource(organizationEndpoints.get).load();
    stores.resource(organizationEndpoints.get).subscribe(() => undefined); // the section on screen
    const error = await stores.mutate(organizationEndpoints.update, { body: { requireMfa: true } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsApiError);
    expect((error as SettingsApiError).status).toBe(412);
    await waitFor(() => stores.resource(organizationEndpoints.get).getState().etag === '"org-5"');
    expect(stores.resource(organizationEndpoints.get).getState().data!.slug).toBe('northwind');
  });

  it('passes the ETag to an optimistic commit and keeps the new one', async () => {
    server.route('GET', '/v1/notifications/preferences', { json: notificationPreferences, headers: { etag: '"n-1"' } });
    server.route('PATCH', '/v1/notifications/preferences', (req) => ({
      json: { ...notificationPreferences, preferences: { ...notificationPreferences.preferences, sync_completed: { email: false, in_app: true } } },
      headers: { etag: req.headers['if-match'] === '"n-1"' ? '"n-2"' : '"unexpected"' },
    }));
    const stores = createSettingsStores(client);
    await stores.resource(notificationEndpoints.get).load();
    const body = { preferences: { sync_completed: { email: false } } };
    await stores.resource(notificationEndpoints.get).optimistic(
      (data) => ({ ...data, preferences: { ...data.preferences, sync_completed: { ...data.preferences.sync_completed, email: false } } }),
      (etag) => client.requestWithMeta(notificationEndpoints.update, { body, ifMatch: etag }),
    );
    expect(server.requestsTo('PATCH', '/v1/notifications/preferences')[0]!.headers['if-match']).toBe('"n-1"');
    expect(stores.resource(notificationEndpoints.get).getState().etag).toBe('"n-2"');
    expect(stores.resource(notificationEndpoints.get).getState().data!.preferences.sync_completed).toEqual({ email: false, in_app: true });
  });

  it('invalidates every live list of a kind after a mutation', async () => {
    let version = 0;
    server.route('GET', '/v1/members', () => ({ json: version === 0 ? memberPage(0, 2, null, 2) : { items: [member(0, { role: 'viewer' }), member(1)], nextCursor: null, total: 2 } }));
    server.route('PATCH', '/v1/members/mem_0000', () => {
      version = 1;
      return { json: member(0, { role: 'viewer' }) };
    });
    const stores = createSettingsStores(client);
    const members = stores.list(teamEndpoints.listMembers, { filter: { q: 'hopper' } });
    const seen: string[] = [];
    members.subscribe((state) => seen.push(state.status));
    await members.loadMore();
    expect(members.getState().items[0]!.role).toBe('admin');
    const changed = await stores.mutate(teamEndpoints.changeRole, { params: { id: 'mem_0000' }, body: { role: 'viewer' } }, { invalidates: [teamEndpoints.listMembers, teamEndpoints.listRoles] });
    expect(changed.role).toBe('viewer');
    await waitFor(() => members.getState().items[0]?.role === 'viewer');
    expect(server.requestsTo('GET', '/v1/members').every((r) => r.query.get('q') === 'hopper')).toBe(true);
    expect(server.requestsTo('GET', '/v1/roles')).toHaveLength(0); // not subscribed: marked stale only
  });

  it('mutates endpoints without a body or an answer', async () => {
    server.route('DELETE', '/v1/sessions/ses_02', { status: 204 });
    server.route('GET', '/v1/sessions', { json: { items: [] } });
    const stores = createSettingsStores(client);
    stores.resource(sessionEndpoints.list).subscribe(() => undefined);
    await expect(stores.mutate(sessionEndpoints.terminate, { params: { id: 'ses_02' } }, { invalidates: [sessionEndpoints.list] })).resolves.toBeUndefined();
    await waitFor(() => stores.resource(sessionEndpoints.list).getState().status === 'ready');
    expect(server.requestsTo('GET', '/v1/sessions')).toHaveLength(1);
    // @ts-expect-error terminate needs the session id
    await expect(stores.mutate(sessionEndpoints.terminate)).rejects.toThrow(/Check the highlighted fields/);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
