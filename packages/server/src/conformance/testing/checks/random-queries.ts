import { allEndpoints, FieldError, type Endpoint } from '@billingone/settings-core';
import { base64urlEncode } from '@billingone/settings-core/implementation';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Suite } from '../suite.js';
import { label, placeholderParams } from '../endpoints.js';
import { isProblemType, show } from '../problems.js';
import { fieldNames } from './random-bodies.js';

const RUNS_PER_ENDPOINT = 25;

/**
 * Cursors a client could forge or mangle: base64url of JSON arrays of any values (times that are
 * not times, numbers, nulls, the wrong count), base64url of any text, and plain text.
 */
const forgedCursor = fc.oneof(
  fc
    .array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2026-11-24T09:00:00.000Z', 'not-a-time', ''), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)), { maxLength: 3 })
    .map((values) => base64urlEncode(JSON.stringify(values))),
  fc.string({ maxLength: 16 }).map(base64urlEncode),
  fc.string({ maxLength: 24 }),
);

/** Text a query value could carry: anything, and values near the edges of what the contract accepts. */
const queryValue = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.integer().map(String),
  fc.constantFrom('', ' ', '-1', '0', '1', '201', '1e9', 'NaN', '2026-13-45', '2026-11-24T09:00:00Z', 'owner', 'pax8', 'member', 'member.role_changed', '%', '_', '\\'),
);

/** Random query strings for an endpoint: its own parameter names (a cursor forged), and unknown ones. */
function randomQueries(endpoint: Endpoint) {
  const names = fieldNames(endpoint.query);
  const known = names.length > 0 ? fc.constantFrom(...names) : fc.constant('cursor');
  return fc.dictionary(fc.oneof({ weight: 4, arbitrary: known }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), queryValue, { maxKeys: 4 }).chain((query) =>
    'cursor' in query || names.includes('cursor')
      ? forgedCursor.map((cursor) => ({ ...query, cursor }))
      : fc.constant(query),
  );
}

/** Path parameters that name something real, so the query is what the endpoint judges. */
function pathParams(endpoint: Endpoint): Record<string, string> {
  const params = placeholderParams(endpoint);
  if ('provider' in params) params.provider = 'pax8';
  return params;
}

const fieldErrorsListed = (json: any) =>
  Array.isArray(json?.fieldErrors) && json.fieldErrors.length > 0 && json.fieldErrors.every((error: unknown) => FieldError.safeParse(error).success);

export function describeRandomQueries(suite: Suite): void {
  describe('random query strings and forged cursors on every read with a query → 2xx or a 4xx problem (422 with fieldErrors), never 5xx', () => {
    for (const endpoint of allEndpoints.filter((e) => e.method === 'GET' && e.query && e.access !== 'public' && e.access !== 'api-key')) {
      it(label(endpoint), async () => {
        const { ctx } = suite;
        const owner = await ctx.sessions.of('owner');
        const params = pathParams(endpoint);
        await fc.assert(
          fc.asyncProperty(randomQueries(endpoint), async (query) => {
            const res = await ctx.client.send(endpoint, { params, query }, owner);
            const seen = `${JSON.stringify(query)} → ${show(res)}`;
            expect(res.status, seen).toBeLessThan(500);
            if (res.status >= 400) {
              expect(isProblemType(res.headers.get('content-type')), seen).toBe(true);
              if (res.status === 422) expect(fieldErrorsListed(res.json), seen).toBe(true);
            }
          }),
          { numRuns: RUNS_PER_ENDPOINT },
        );
      });
    }
  });
}
