import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsClient } from '../client/client.js';
import { SettingsValidationError } from '../client/errors.js';
import { member, memberPage } from '../client/samples.fixture.test.js';
import { startScriptedServer, type ScriptedServer } from '../client/scripted-server.fixture.test.js';
import type { SettingsClient } from '../client/types.js';
import { auditEndpoints } from '../schemas/audit.js';
import { integrationEndpoints } from '../schemas/integrations.js';
import { teamEndpoints } from '../schemas/team.js';
import { createPagedStore, type PagedState } from './paged-store.js';

let server: ScriptedServer;
let client: SettingsClient;
beforeEach(async () => {
  server = await startScriptedServer();
  client = createSettingsClient({ baseUrl: server.url, getToken: () => 'embed-token-1', retry: { limit: 0 } });
});
afterEach(async () => {
  await server.close();
});

const pages: Record<string, ReturnType<typeof memberPage>> = {
  first: memberPage(0, 3, 'cur_3', 7),
  cur_3: memberPage(3, 3, 'cur_6', 7),
  cur_6: memberPage(6, 1, null, 7),
};
const membersRoute = () => server.route('GET', '/v1/members', (req) => ({ json: pages[req.query.get('cursor') ?? 'first'], delayMs: 20 }));
const ids = (state: PagedState<{ id: string }, unknown>) => state.items.map((item) => item.id);

describe('createPagedStore', () => {
  it('pages with the cursor until the last page and shares a page under way', async () => {
    membersRoute();
    const store = createPagedStore(client, teamEndpoints.listMembers, { pageSize: 3, filter: { role: 'engineer' } });
    expect(store.getState()).toMatchObject({ status: 'idle', items: [], nextCursor: null });
    await Promise.all([store.loadMore(), store.loadMore()]);
    expect(server.requests).toHaveLength(1);
    expect(Object.fromEntries(server.requests[0]!.query)).toEqual({ role: 'engineer', limit: '3' });
    expect(store.getState()).toMatchObject({ status: 'ready', nextCursor: 'cur_3', total: 7 });
    const next = store.loadMore();
    expect(store.loadMore()).toBe(next);
    await next;
    await store.loadMore();
    expect(server.requests.map((r) => r.query.get('cursor'))).toEqual([null, 'cur_3', 'cur_6']);
    expect(ids(store.getState())).toEqual(['mem_0000', 'mem_0001', 'mem_0002', 'mem_0003', 'mem_0004', 'mem_0005', 'mem_0006']);
    expect(store.getState().nextCursor).toBeNull();
    await store.loadMore();
    expect(server.requests).toHaveLength(3);
  });

  it('keeps the total of the first page when later pages omit it', async () => {
    const { total: _omitted, ...second } = memberPage(3, 1, null);
    server.route('GET', '/v1/members', (req) => ({ json: req.query.get('cursor') ? second : memberPage(0, 3, 'cur_3', 4) }));
    const store = createPagedStore(client, teamEndpoints.listMembers, { pageSize: 3 });
    await store.loadMore();
    await store.loadMore();
    expect(store.getState()).toMatchObject({ total: 4, nextCursor: null });
    expect(store.getState().items).toHaveLength(4);
  });

  it('never lets a stale page land after a newer filter, and cancels its request', async () => {
    server.route('GET', '/v1/members', (req) => req.query.get('q') === 'grace'
      ? { json: { items: [member(0, { name: 'Grace Hopper' })], nextCursor: null }, delayMs: 150 }
      : { json: { items: [member(1, { name: 'Alan Turing' })], nextCursor: null } });
    const store = createPagedStore(client, teamEndpoints.listMembers);
    const seen: string[][] = [];
    store.subscribe((state) => seen.push(state.items.map((item) => item.name)));
    const slow = store.setFilter({ q: 'grace' });
    await waitFor(() => server.requests.length === 1);
    const fast = store.setFilter({ q: 'alan' });
    await Promise.all([slow, fast]);
    await new Promise((resolve) => setTimeout(resolve, 200)); // longer than the slow answer
    expect(store.getState()).toMatchObject({ status: 'ready', filter: { q: 'alan' } });
    expect(store.getState().items.map((item) => item.name)).toEqual(['Alan Turing']);
    expect(seen.flat()).not.toContain('Grace Hopper');
    await waitFor(() => server.requests[0]!.aborted);
  });

  it('clears the items on a filter change but keeps them during a reload', async () => {
    membersRoute();
    const store = createPagedStore(client, teamEndpoints.listMembers, { pageSize: 3 });
    await store.loadMore();
    const reload = store.reload();
    expect(store.getState()).toMatchObject({ status: 'loading' });
    expect(store.getState().items).toHaveLength(3);
    await reload;
    const change = store.setFilter({ role: 'viewer' });
    expect(store.getState().items).toHaveLength(0);
    await change;
    await store.setFilter({ role: 'viewer' }); // same filter: no new request
    expect(server.requests).toHaveLength(3);
  });

  it('reports a filter the query schema refuses without sending it', async () => {
    const store = createPagedStore(client, auditEndpoints.list, { filter: { from: '2026-11-20T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' } });
    await store.loadMore();
    const { status, error } = store.getState();
    expect(status).toBe('error');
    expect(error).toBeInstanceOf(SettingsValidationError);
    expect((error as SettingsValidationError).fieldError('to')).toBe('The start must be before the end.');
    expect(server.requests).toHaveLength(0);
  });

  it('fills path parameters and retries the first page after an error', async () => {
    const run = {
      id: 'run_01', provider: 'pax8', trigger: 'scheduled', status: 'succeeded', startedAt: '2026-11-24T02:00:00.000Z',
      finishedAt: '2026-11-24T02:03:12.000Z', counts: { companies: 42, subscriptions: 318 }, error: null,
    };
    server.route('GET', '/v1/integrations/pax8/syncs', { problem: { status: 503, code: 'overloaded', title: 'Service Unavailable' } }, { json: { items: [run], nextCursor: null } });
    const store = createPagedStore(client, integrationEndpoints.syncRuns, { params: { provider: 'pax8' } });
    await store.loadMore();
    expect(store.getState()).toMatchObject({ status: 'error', error: { status: 503 } });
    await store.loadMore();
    expect(store.getState()).toMatchObject({ status: 'ready', error: undefined });
    expect(store.getState().items[0]!.counts).toEqual({ companies: 42, subscriptions: 318 });
  });

  it('reloads on invalidate when subscribed and resets to idle when not', async () => {
    membersRoute();
    const store = createPagedStore(client, teamEndpoints.listMembers, { pageSize: 3 });
    await store.loadMore();
    await store.loadMore();
    const unsubscribe = store.subscribe(() => undefined);
    store.invalidate();
    await waitFor(() => store.getState().status === 'ready' && server.requests.length === 3);
    expect(ids(store.getState())).toEqual(['mem_0000', 'mem_0001', 'mem_0002']);
    unsubscribe();
    store.invalidate();
    expect(store.getState()).toMatchObject({ status: 'idle', items: [], nextCursor: null });
    expect(server.requests).toHaveLength(3);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
