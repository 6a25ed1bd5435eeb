import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettingsClient } from '../client/client.js';
import { SettingsApiError, SettingsNetworkError } from '../client/errors.js';
import { me, profile } from '../client/samples.fixture.test.js';
import { startScriptedServer, type ScriptedServer } from '../client/scripted-server.fixture.test.js';
import type { SettingsClient } from '../client/types.js';
import { meEndpoints } from '../schemas/me.js';
import { profileEndpoints, type Profile } from '../schemas/profile.js';
import { createResourceStore, type StoreState } from './resource-store.js';

let server: ScriptedServer;
let client: SettingsClient;
beforeEach(async () => {
  server = await startScriptedServer();
  client = createSettingsClient({ baseUrl: server.url, getToken: () => 'embed-token-1', retry: { limit: 0 } });
});
afterEach(async () => {
  await server.close();
});

const profileStore = () => createResourceStore({ load: (signal) => client.request(profileEndpoints.get, { signal }) });
const statuses = <T>(states: StoreState<T>[]) => states.map((s) => s.status);

describe('createResourceStore', () => {
  it('calls a new listener at once with the current state, then on every change', async () => {
    server.route('GET', '/v1/me', { json: me });
    const store = createResourceStore({ load: (signal) => client.request(meEndpoints.get, { signal }) });
    const seen: StoreState<unknown>[] = [];
    const unsubscribe = store.subscribe((state) => seen.push(state));
    expect(seen).toEqual([{ status: 'idle', data: undefined, error: undefined, etag: null }]);
    await store.load();
    expect(statuses(seen)).toEqual(['idle', 'loading', 'ready']);
    const late: string[] = [];
    store.subscribe((state) => late.push(state.status));
    expect(late).toEqual(['ready']);
    unsubscribe();
    store.set({ ...store.getState().data!, role: 'admin' });
    expect(seen).toHaveLength(3);
    expect(late).toEqual(['ready', 'ready']);
  });

  it('de-duplicates concurrent loads and answers a ready store from memory', async () => {
    server.route('GET', '/v1/profile', { json: profile, delayMs: 30 });
    let loads = 0;
    const store = createResourceStore({
      load: (signal) => {
        loads++;
        return client.request(profileEndpoints.get, { signal });
      },
    });
    const [a, b] = await Promise.all([store.load(), store.load()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    expect(server.requests).toHaveLength(1);
    await store.load();
    expect(server.requests).toHaveLength(1);
    await store.load({ force: true });
    expect(server.requests).toHaveLength(2);
  });

  it('keeps the data and reports the error when a reload fails, and recovers on retry', async () => {
    server.route('GET', '/v1/profile', { json: profile }, { problem: { status: 500, code: 'internal', title: 'Internal Server Error' } }, { json: { ...profile, name: 'Ada King' } });
    const store = profileStore();
    await store.load();
    const error = await store.load({ force: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsApiError);
    expect(store.getState()).toMatchObject({ status: 'error', data: { name: 'Ada Lovelace' }, error: { code: 'internal' } });
    await store.load();
    expect(store.getState()).toMatchObject({ status: 'ready', data: { name: 'Ada King' }, error: undefined });
  });

  it('lets one caller stop waiting without cancelling the shared load', async () => {
    server.route('GET', '/v1/profile', { json: profile, delayMs: 80 });
    const store = profileStore();
    const controller = new AbortController();
    const first = store.load({ signal: controller.signal });
    const second = store.load();
    controller.abort();
    const error = await first.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsNetworkError);
    expect((error as SettingsNetworkError).kind).toBe('aborted');
    await expect(second).resolves.toMatchObject({ name: 'Ada Lovelace' });
    expect(store.getState().status).toBe('ready');
    expect(server.requests).toHaveLength(1);
  });

  it('rolls an optimistic update back when the commit fails', async () => {
    server.route('GET', '/v1/profile', { json: profile });
    server.route('PATCH', '/v1/profile', {
      problem: { status: 422, code: 'validation_failed', title: 'Validation failed', fieldErrors: [{ path: 'name', message: 'This name is not allowed.' }] },
    });
    const store = profileStore();
    await store.load();
    const names: string[] = [];
    store.subscribe((state) => names.push(state.data!.name));
    const commit = store.optimistic(
      (data) => ({ ...data, name: 'Countess of Lovelace' }),
      () => client.request(profileEndpoints.update, { body: { name: 'Countess of Lovelace' } }),
    );
    expect(store.getState().data!.name).toBe('Countess of Lovelace');
    const error = (await commit.catch((e: unknown) => e)) as SettingsApiError;
    expect(error.fieldError('name')).toBe('This name is not allowed.');
    expect(names).toEqual(['Ada Lovelace', 'Countess of Lovelace', 'Ada Lovelace']);
    expect(store.getState().status).toBe('ready');
  });

  it('takes the commit result as the new data', async () => {
    server.route('GET', '/v1/profile', { json: profile });
    server.route('PATCH', '/v1/profile', { json: { ...profile, name: 'Ada King', updatedAt: '2026-11-24T10:00:00.000Z' } });
    const store = profileStore();
    await store.load();
    await store.optimistic((data) => ({ ...data, name: 'Ada King' }), () => client.request(profileEndpoints.update, { body: { name: 'Ada King' } }));
    expect(store.getState().data).toMatchObject({ name: 'Ada King', updatedAt: '2026-11-24T10:00:00.000Z' });
    await expect(createResourceStore<Profile>({ load: () => Promise.resolve(profile) }).optimistic((d) => d, () => Promise.resolve()))
      .rejects.toThrow(/Load the store before/);
  });

  it('reloads on invalidate when subscribed, and only on next use when not', async () => {
    server.route('GET', '/v1/profile', { json: profile }, { json: { ...profile, locale: 'fr-FR' } }, { json: { ...profile, locale: 'de-DE' } });
    const store = profileStore();
    await store.load();
    const unsubscribe = store.subscribe(() => undefined);
    store.invalidate();
    await waitFor(() => store.getState().data?.locale === 'fr-FR');
    expect(server.requests).toHaveLength(2);
    unsubscribe();
    store.invalidate();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.requests).toHaveLength(2);
    await expect(store.load()).resolves.toMatchObject({ locale: 'de-DE' });
    expect(server.requests).toHaveLength(3);
  });

  it('gives a caller waiting on a superseded load the fresh data', async () => {
    server.route('GET', '/v1/profile', { json: profile, delayMs: 100 }, { json: { ...profile, name: 'Ada King' } });
    const store = profileStore();
    const waiting = store.load();
    await waitFor(() => server.requests.length === 1);
    store.invalidate();
    await expect(waiting).resolves.toMatchObject({ name: 'Ada King' });
    expect(store.getState().data!.name).toBe('Ada King');
    await waitFor(() => server.requests[0]!.aborted);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
