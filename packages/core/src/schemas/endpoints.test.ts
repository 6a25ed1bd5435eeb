import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { allEndpoints, api } from '../endpoints.js';
import { permissions } from '../roles/permissions.js';

const nonPermissionAccess = ['member', 'public', 'api-key'];
/** The mutable singletons of SPEC section 4: the only resources with an ETag. */
const singletonPaths = ['/organization', '/branding', '/notifications/preferences'];

function shapeKeys(schema: z.ZodMiniType | undefined): string[] {
  if (!schema) return [];
  expect(schema).toBeInstanceOf(z.ZodMiniObject);
  return Object.keys((schema as z.ZodMiniObject).shape).sort();
}

describe('endpoint table', () => {
  it('lists every endpoint of every group', () => {
    const count = Object.values(api).reduce((sum, group) => sum + Object.keys(group).length, 0);
    expect(allEndpoints).toHaveLength(count);
    expect(allEndpoints.length).toBeGreaterThan(50);
  });

  it('gives each endpoint a unique id', () => {
    const ids = allEndpoints.map((e) => e.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('gives each endpoint a unique method and path', () => {
    const routes = allEndpoints.map((e) => `${e.method} ${e.path}`);
    expect(routes.filter((route, index) => routes.indexOf(route) !== index)).toEqual([]);
  });

  it('writes paths below /v1 with a leading slash and no trailing one', () => {
    for (const e of allEndpoints) {
      expect(e.path, e.id).toMatch(/^\/[a-z0-9{}/-]*$/i);
      expect(e.path, e.id).not.toMatch(/^\/v1\b|\/$/);
    }
  });

  it('grants access by a permission of the role table or member, public, api-key', () => {
    const valid = new Set<string>([...permissions, ...nonPermissionAccess]);
    for (const e of allEndpoints) expect(valid.has(e.access), `${e.id}: ${e.access}`).toBe(true);
    expect(allEndpoints.filter((e) => e.access === 'api-key').map((e) => e.path)).toEqual(['/embed-tokens']);
  });

  it('declares exactly the path parameters its path names', () => {
    for (const e of allEndpoints) {
      const named = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(shapeKeys(e.params), e.id).toEqual(named);
    }
  });

  it('sends no body with GET or DELETE, nor with an upload', () => {
    for (const e of allEndpoints) {
      if (e.method === 'GET' || e.method === 'DELETE' || e.upload) expect(e.body, e.id).toBeUndefined();
      if (e.query) expect(e.method, e.id).toBe('GET');
      if (e.upload) {
        expect(e.upload.types.length, e.id).toBeGreaterThan(0);
        expect(e.upload.maxBytes, e.id).toBeGreaterThan(0);
      }
    }
  });

  it('keeps ETags to the organization, branding and notification-preference singletons', () => {
    const withEtag = allEndpoints.filter((e) => e.etag);
    for (const e of withEtag) expect(singletonPaths, e.id).toContain(e.path);
    for (const path of singletonPaths) {
      const onPath = allEndpoints.filter((e) => e.path === path);
      expect(onPath.some((e) => e.method === 'GET'), path).toBe(true);
      for (const e of onPath) expect(e.etag, `${e.id} must carry an ETag`).toBe(true);
    }
    expect(withEtag.map((e) => e.id).sort()).toEqual([
      'branding.get', 'branding.reset', 'branding.update', 'notifications.get', 'notifications.update', 'organization.get', 'organization.update',
    ]);
  });

  it('marks creating and gated endpoints consistently', () => {
    for (const e of allEndpoints) {
      if (e.creates) expect(e.method, e.id).toBe('POST');
      if (e.produces) expect(e.response, e.id).toBeUndefined();
      if (e.mfaGate) expect(['member', 'self.manage'], e.id).toContain(e.access);
    }
    // A member held at the MFA gate must be able to load /me and enrol.
    const gated = new Set(allEndpoints.filter((e) => e.mfaGate === 'allowed').map((e) => e.id));
    for (const id of ['me.get', 'security.get', 'security.totp.start', 'security.totp.verify', 'auth.signOut']) expect(gated.has(id), id).toBe(true);
  });
});
