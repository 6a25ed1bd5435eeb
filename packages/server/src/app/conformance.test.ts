/**
 * Checks every registered route against the contract: the role × endpoint matrix from core's
 * `can()`, the MFA enrolment gate, CSRF, authentication, an audit entry without secrets for every
 * mutation, and random bodies answered 4xx (never 5xx). Endpoints come from the app's route
 * modules, so routes added later are covered; their samples live in src/testing/samples.ts.
 */
import { allEndpoints, can, fillPath, roles, type Endpoint, type Permission, type Role } from '@billingone/settings-core';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { secretKeyPattern } from '../audit/redact.js';
import { createSimulatedProviders } from '../integrations/testing/providers.js';
import { createTestServer, type As, type TestServer } from '../testing/harness.js';
import { apiKeyHeaders, samples, type Sample } from '../testing/samples.js';
import { collectRoutes } from './create-app.js';

let t: TestServer;
/** Pax8 and Xero simulators, so the integration endpoints that call them have samples too. */
const sim = createSimulatedProviders({ now: () => t.clock().getTime() });
beforeAll(async () => {
  t = await createTestServer({ deps: { providers: sim.providers } });
});
beforeEach(async () => {
  await t.reset();
  sim.reset();
});
afterAll(() => t.close());

const endpoints = collectRoutes().map((route) => route.endpoint);
const memberEndpoints = endpoints.filter((e) => e.access !== 'public' && e.access !== 'api-key');
const writes = endpoints.filter((e) => e.method !== 'GET');
const label = (e: Endpoint) => `${e.method} ${e.path} (${e.id})`;

function allowed(endpoint: Endpoint, role: Role): boolean {
  return endpoint.access === 'member' || can({ role }, endpoint.access as Permission);
}

/** The sample of an endpoint, or placeholders (every path parameter `sample`) when it has none. */
async function sampleFor(endpoint: Endpoint, as: Role): Promise<{ sample: Sample; known: boolean }> {
  const factory = samples[endpoint.id];
  if (factory) return { sample: await factory(t, as), known: true };
  const params = Object.fromEntries([...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, 'sample']));
  return { sample: { params }, known: false };
}

async function send(endpoint: Endpoint, sample: Sample, as: As, extraHeaders: Record<string, string> = {}) {
  const body = endpoint.upload ? new Uint8Array([1, 2, 3]) : sample.body;
  const headers = { ...(endpoint.upload ? { 'content-type': endpoint.upload.types[0]! } : {}), ...sample.headers, ...extraHeaders };
  return t.request(endpoint.method, fillPath(endpoint.path, sample.params), { as, body, query: sample.query, headers });
}

describe('role × endpoint matrix (core’s can())', () => {
  for (const endpoint of memberEndpoints) {
    for (const role of roles) {
      const expected = allowed(endpoint, role);
      it(`${label(endpoint)} as ${role} → ${expected ? '2xx' : '403'}`, async () => {
        const { sample, known } = await sampleFor(endpoint, role);
        const res = await send(endpoint, sample, role);
        if (!expected) {
          expect(res.status, res.text).toBe(403);
          expect(res.body.code).toBe('forbidden');
        } else if (known) {
          expect(res.status, res.text).toBeGreaterThanOrEqual(200);
          expect(res.status, res.text).toBeLessThan(300);
        } else {
          // Without a sample only the access side can be checked.
          expect([401, 403], res.text).not.toContain(res.status);
          expect(res.status, res.text).toBeLessThan(500);
        }
      });
    }
  }
});

describe('authentication', () => {
  for (const endpoint of memberEndpoints) {
    it(`${label(endpoint)} without credentials → 401`, async () => {
      const { sample } = await sampleFor(endpoint, 'owner');
      const res = await send(endpoint, sample, null);
      expect(res.status, res.text).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    });
  }
});

describe('CSRF on cookie writes', () => {
  for (const endpoint of memberEndpoints.filter((e) => e.method !== 'GET')) {
    it(`${label(endpoint)} with the cookie but no X-CSRF-Token → 403 csrf_invalid`, async () => {
      const { sample } = await sampleFor(endpoint, 'owner');
      const session = await t.signIn('owner');
      const res = await send(endpoint, sample, { headers: { cookie: session.cookie } });
      expect(res.status, res.text).toBe(403);
      expect(res.body.code).toBe('csrf_invalid');
    });
  }
});

describe('MFA enrolment gate', () => {
  beforeEach(async () => {
    await t.db.query("UPDATE organizations SET require_mfa = true WHERE id = 'org_acme'");
  });

  for (const endpoint of memberEndpoints) {
    const gated = endpoint.mfaGate !== 'allowed';
    it(`${label(endpoint)} for an Owner without MFA → ${gated ? '403 mfa_enrollment_required' : 'reachable'}`, async () => {
      const { sample } = await sampleFor(endpoint, 'owner');
      const res = await send(endpoint, sample, 'owner');
      if (gated) {
        expect(res.status, res.text).toBe(403);
        expect(res.body.code).toBe('mfa_enrollment_required');
      } else {
        expect(res.body?.code).not.toBe('mfa_enrollment_required');
      }
    });
  }

  it('does not hold a member who has a second factor', async () => {
    await t.db.query("UPDATE members SET totp_enabled_at = $1 WHERE id = 'mem_owner'", [t.clock()]);
    const res = await t.request('GET', '/members', { as: 'owner' });
    expect(res.status).toBe(200);
  });
});

/** Secret-looking values of a JSON document (by key), at least 6 characters long. */
function secretsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((item) => secretsIn(item, out));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (secretKeyPattern.test(key) && typeof item === 'string' && item.length >= 6) out.push(item);
      else secretsIn(item, out);
    }
  }
  return out;
}

/**
 * Writes that change no setting, so no audit entry: testing Pax8 credentials (nothing is stored)
 * and starting Xero consent (only a one-use OAuth state; the connection is audited at the callback).
 */
const writesWithoutAudit = new Set(['integrations.pax8.test', 'integrations.xero.authorize']);

describe('every mutation writes an audit entry without secrets', () => {
  for (const endpoint of writes.filter((e) => samples[e.id] && !writesWithoutAudit.has(e.id))) {
    it(label(endpoint), async () => {
      const role = roles.find((r) => endpoint.access === 'public' || endpoint.access === 'api-key' || allowed(endpoint, r))!;
      const sample = await samples[endpoint.id]!(t, role);
      const as = endpoint.access === 'public' || endpoint.access === 'api-key' ? null : role;
      const { rows: before } = await t.db.query<{ id: string }>('SELECT id FROM audit_logs');
      const res = await send(endpoint, sample, as);
      expect(res.status, res.text).toBeLessThan(300);
      const known = new Set(before.map((row) => row.id));
      const { rows } = await t.db.query('SELECT * FROM audit_logs');
      const added = rows.filter((row) => !known.has(row.id));
      expect(added.length, 'audit entries written').toBeGreaterThan(0);
      const text = JSON.stringify(added);
      for (const secret of [...secretsIn(sample.body), ...secretsIn(res.body)]) expect(text).not.toContain(secret);
      for (const header of Object.values(sample.headers ?? {})) if (/^Bearer /.test(header)) expect(text).not.toContain(header.slice(7));
    });
  }
});

describe('writes that change no setting', () => {
  for (const id of writesWithoutAudit) {
    it(`${id} succeeds without an audit entry`, async () => {
      const endpoint = endpoints.find((e) => e.id === id)!;
      const sample = await samples[id]!(t, 'owner');
      const res = await send(endpoint, sample, 'owner');
      expect(res.status, res.text).toBeLessThan(300);
      expect((await t.db.query('SELECT 1 FROM audit_logs')).rows).toEqual([]);
    });
  }
});

describe('random bodies are answered 4xx, never 5xx', () => {
  const withBodies = writes.filter((e) => e.body && !e.upload);
  for (const endpoint of withBodies) {
    it(label(endpoint), async () => {
      const role: Role = 'owner';
      const { sample } = await sampleFor(endpoint, role);
      const credentials = endpoint.access === 'api-key' ? { headers: await apiKeyHeaders(t) } : endpoint.access === 'public' ? null : role;
      const headers: Record<string, string> = { 'content-type': 'application/json', ...(endpoint.etag ? { 'if-match': '*' } : {}) };
      const keys = sample.body && typeof sample.body === 'object' ? Object.keys(sample.body) : ['name'];
      const nonObject = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 4 }));
      const shaped = fc.dictionary(fc.oneof(fc.constantFrom(...keys), fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
      await fc.assert(
        fc.asyncProperty(fc.oneof(nonObject.map((body) => ({ body, object: false })), shaped.map((body) => ({ body, object: true }))), async ({ body, object }) => {
          const res = await send(endpoint, { ...sample, body: JSON.stringify(body), headers }, credentials);
          expect(res.status, `${JSON.stringify(body)} → ${res.text}`).toBeLessThan(500);
          if (!object) expect(res.status, res.text).toBe(422);
          if (res.status === 400 || res.status === 422) {
            expect(Array.isArray(res.body.fieldErrors) && res.body.fieldErrors.length > 0, res.text).toBe(true);
          }
        }),
        { numRuns: 25 },
      );
    });
  }

  it('malformed JSON is 400 invalid_json with a field error', async () => {
    const res = await t.request('PATCH', '/profile', { as: 'viewer', body: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_json', fieldErrors: [{ path: '' }] });
  });
});

describe('contract coverage', () => {
  it('every endpoint of the contract has a route', () => {
    const routed = new Set(endpoints.map((e) => e.id));
    expect(allEndpoints.filter((e) => !routed.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('every route answers the endpoint it is registered for, once', () => {
    const ids = endpoints.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
