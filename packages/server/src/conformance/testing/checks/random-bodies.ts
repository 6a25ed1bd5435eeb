import { allEndpoints, type Endpoint } from '@billingone/settings-core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Context } from '../context.js';
import { etagSource, isWrite, label, placeholderParams } from '../endpoints.js';
import { CookieSession, type Caller } from '../http.js';
import { fieldErrorsListed, isProblemType, show } from '../problems.js';
import { readForWrite } from '../scenarios/read-for-write.js';
import type { Suite } from '../suite.js';

const RUNS_PER_ENDPOINT = 20;

/** Field names of a body or query schema (through unions), so random inputs often name real fields. Reads zod's definition. */
export function fieldNames(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: any } })._zod?.def;
  if (def?.type === 'object') return Object.keys(def.shape);
  if (def?.type === 'union') return def.options.flatMap(fieldNames);
  if (def?.type === 'pipe') return fieldNames(def.in);
  return [];
}

interface SafeParser {
  safeParse(value: unknown): { success: boolean };
}

/** JSON values the endpoint's body schema refuses: the contract says each one is bad input. */
function badBodies(endpoint: Endpoint) {
  const schema = endpoint.body as unknown as SafeParser;
  const names = fieldNames(schema);
  const key = names.length > 0 ? fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 });
  const nonObject = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }));
  const object = fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
  return fc.oneof(nonObject, object).filter((body) => !schema.safeParse(body).success);
}

async function callerFor(ctx: Context, endpoint: Endpoint): Promise<Caller | undefined> {
  if (endpoint.access === 'public') return null;
  if (endpoint.access === 'api-key') return ctx.credentials.apiKey ? { bearer: ctx.credentials.apiKey } : undefined;
  return ctx.sessions.of('owner');
}

export function describeRandomBodies(suite: Suite): void {
  describe('random bad bodies on every JSON write → 4xx problem (422 with fieldErrors), never 5xx', () => {
    for (const endpoint of allEndpoints.filter((e) => isWrite(e) && e.body && !e.upload)) {
      it(label(endpoint), async (test) => {
        const { ctx } = suite;
        const caller = await callerFor(ctx, endpoint);
        if (caller === undefined) return test.skip('no organization API key given (apiKey in CONFORMANCE_CREDENTIALS)');
        const source = etagSource(endpoint);
        const headers = source && caller instanceof CookieSession ? (await readForWrite(ctx, source, caller)).ifMatch : {};
        const params = placeholderParams(endpoint);
        await fc.assert(
          fc.asyncProperty(badBodies(endpoint), async (body) => {
            const res = await ctx.client.send(endpoint, { params, headers, body: JSON.stringify(body) }, caller);
            const seen = `${JSON.stringify(body)} → ${show(res)}`;
            expect(res.status, seen).toBeGreaterThanOrEqual(400);
            expect(res.status, seen).toBeLessThan(500);
            expect(isProblemType(res.headers.get('content-type')), seen).toBe(true);
            if (res.status === 422) expect(fieldErrorsListed(res.json), seen).toBe(true);
          }),
          { numRuns: RUNS_PER_ENDPOINT },
        );
      });
    }
  });
}
