import { allEndpoints, type Endpoint } from '@billingone/settings-core';
import { base64urlEncode } from '@billingone/settings-core/implementation';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Suite } from '../suite.js';
import { label, placeholderParams } from '../endpoints.js';
import { badInputMismatch } from '../problems.js';
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

/** Text a query value or a path segment could carry: anything, and values near the edges of what the contract accepts. */
const edgyText = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.string({ minLength: 65, maxLength: 300 }),
  fc.integer().map(String),
  fc.constantFrom('', ' ', '-1', '0', '1', '201', '1e9', 'NaN', '2026-13-45', '2026-11-24T09:00:00Z', 'owner', 'xero2', 'member', 'member.role_changed', '%', '_', '\\', '..', '../members', 'é✓'),
);

/** Random query strings for an endpoint: its own parameter names (a cursor forged), and unknown ones. */
function randomQueries(endpoint: Endpoint) {
  const names = fieldNames(endpoint.query);
  const name = fc.oneof({ weight: 4, arbitrary: names.length > 0 ? fc.constantFrom(...names) : fc.constant('cursor') }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });
  return fc
    .dictionary(name, edgyText, { maxKeys: 4 })
    .chain((query) => ('cursor' in query ? forgedCursor.map((cursor) => ({ ...query, cursor })) : fc.constant(query)));
}

/** Path parameters that name something real (`pax8`), so the query is what the endpoint judges. */
function realParams(endpoint: Endpoint): Record<string, string> {
  const params = placeholderParams(endpoint);
  if ('provider' in params) params.provider = 'pax8';
  return params;
}

/** Random values for each path parameter: nothing they name exists, or they are not valid at all. */
function randomParams(endpoint: Endpoint) {
  return fc.record(Object.fromEntries(Object.keys(placeholderParams(endpoint)).map((key) => [key, edgyText.filter((text) => text !== '')])));
}

export function describeRandomRequests(suite: Suite): void {
  describe('random query strings and path parameters → a 2xx, or a 4xx problem (422 with fieldErrors), never 5xx', () => {
    const members = allEndpoints.filter((e) => e.access !== 'public' && e.access !== 'api-key');
    for (const endpoint of members.filter((e) => e.method === 'GET' && e.query)) {
      it(`${label(endpoint)}: random query, forged cursors`, async () => {
        const { ctx } = suite;
        const owner = await ctx.sessions.of('owner');
        const params = realParams(endpoint);
        await fc.assert(
          fc.asyncProperty(randomQueries(endpoint), async (query) => {
            const res = await ctx.client.send(endpoint, { params, query }, owner);
            expect(badInputMismatch(res), JSON.stringify(query)).toBeNull();
          }),
          { numRuns: RUNS_PER_ENDPOINT },
        );
      });
    }
    // Reads and bodiless writes: a random id names nothing, so nothing changes.
    for (const endpoint of members.filter((e) => e.path.includes('{') && !e.body && !e.upload && (e.method === 'GET' || e.method === 'DELETE' || e.method === 'POST'))) {
      it(`${label(endpoint)}: random path parameters`, async () => {
        const { ctx } = suite;
        const owner = await ctx.sessions.of('owner');
        await fc.assert(
          fc.asyncProperty(randomParams(endpoint), async (params) => {
            const res = await ctx.client.send(endpoint, { params }, owner);
            expect(res.status, `${JSON.stringify(params)} named something`).toBeGreaterThanOrEqual(400);
            expect(badInputMismatch(res), JSON.stringify(params)).toBeNull();
          }),
          { numRuns: RUNS_PER_ENDPOINT },
        );
      });
    }
  });
}
