import { beforeAll, describe, expect, inject, it } from 'vitest';
import { embedTokenFor, resetDemoData, signInAs, signOut } from './session.js';

const me = async (init?: RequestInit) => {
  const response = await fetch('/v1/me', { credentials: 'same-origin', ...init });
  return { status: response.status, body: (await response.json()) as { member?: { email: string }; role?: string } };
};

describe('test infrastructure', () => {
  beforeAll(async () => {
    await resetDemoData();
  });

  it('reaches the reference server through the /v1 proxy with a same-origin cookie session', async () => {
    await signOut();
    expect((await me()).status).toBe(401);
    const session = await signInAs('viewer');
    expect(session.csrfToken).toBeTruthy();
    const answer = await me();
    expect(answer.status).toBe(200);
    expect(answer.body.member?.email).toBe('viewer@acme.test');
    expect(answer.body.role).toBe('viewer');
    await signInAs('owner');
    expect((await me()).body.role).toBe('owner');
    await signOut();
    expect((await me()).status).toBe(401);
    expect(inject('billingoneApiUrl')).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('refuses a wrong password with a clear error', async () => {
    await expect(signInAs('viewer', 'wrong-password')).rejects.toThrow('Sign-in as viewer@acme.test failed: 401');
  });

  it('mints embed tokens for bearer mode', async () => {
    await signOut();
    const token = await embedTokenFor('finance');
    const answer = await me({ credentials: 'omit', headers: { authorization: `Bearer ${token}` } });
    expect(answer.body.member?.email).toBe('finance@acme.test');
  });

  it('puts the demo data back', async () => {
    const { csrfToken } = await signInAs('owner');
    const renamed = await fetch('/v1/profile', {
      method: 'PATCH',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'Renamed Owner' }),
    });
    expect(renamed.status).toBe(200);
    await resetDemoData();
    const session = await signInAs('owner');
    expect(session.email).toBe('owner@acme.test');
    const profile = (await (await fetch('/v1/profile')).json()) as { name: string };
    expect(profile.name).not.toBe('Renamed Owner');
  });
});
