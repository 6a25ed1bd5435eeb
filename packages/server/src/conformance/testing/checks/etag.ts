import { allEndpoints, roles, type Endpoint } from '@billingone/settings-core';
import { describe, expect, it } from 'vitest';
import { allowed, isWrite, label } from '../endpoints.js';
import type { ApiRequest } from '../http.js';
import { problemMismatch, show } from '../problems.js';
import { exercise } from '../scenario.js';
import type { Suite } from '../suite.js';

const withoutIfMatch = (request: ApiRequest): ApiRequest => ({
  ...request,
  headers: Object.fromEntries(Object.entries(request.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'if-match')),
});

/** A well-formed entity tag that is not the resource's current one. */
function withStaleIfMatch(request: ApiRequest): ApiRequest {
  const stripped = withoutIfMatch(request);
  return { ...stripped, headers: { ...stripped.headers, 'if-match': '"conformance-stale"' } };
}

const firstAllowedRole = (endpoint: Endpoint) => roles.find((role) => endpoint.access === 'member' || allowed(endpoint, role))!;

export function describeEtags(suite: Suite): void {
  describe('ETags on mutable singletons', () => {
    for (const endpoint of allEndpoints.filter((e) => e.etag && !isWrite(e))) {
      it(`${label(endpoint)} answers an ETag`, async () => {
        const res = await suite.ctx.client.send(endpoint, {}, await suite.ctx.sessions.of(firstAllowedRole(endpoint)));
        expect(res.status, show(res)).toBe(200);
        expect(res.headers.get('etag')).toMatch(/^(W\/)?"[^"]*"$/);
      });
    }
    for (const endpoint of allEndpoints.filter((e) => e.etag && isWrite(e))) {
      const role = firstAllowedRole(endpoint);
      it(`${label(endpoint)} with a stale If-Match → 412`, async (test) => {
        const result = await exercise(suite.ctx, endpoint, role, { alter: withStaleIfMatch });
        if (result.skipped !== undefined) return test.skip(result.skipped);
        expect(problemMismatch(result.res, 412)).toBeNull();
      });
      it(`${label(endpoint)} without If-Match → 428`, async (test) => {
        const result = await exercise(suite.ctx, endpoint, role, { alter: withoutIfMatch });
        if (result.skipped !== undefined) return test.skip(result.skipped);
        expect(problemMismatch(result.res, 428)).toBeNull();
      });
    }
  });
}
