import { describe, expect, it } from 'vitest';
import { endpointSummaries } from './endpoint-summaries.js';
import { allEndpoints, type EndpointId } from './endpoints.js';

describe('endpointSummaries', () => {
  it('gives every endpoint a one-sentence summary', () => {
    for (const e of allEndpoints) expect(endpointSummaries[e.id as EndpointId], e.id).toMatch(/^\S.*\.$/);
  });

  it('names no endpoint that does not exist', () => {
    expect(Object.keys(endpointSummaries).sort()).toEqual(allEndpoints.map((e) => e.id).sort());
  });

  it('is typed to list exactly the endpoint ids (checked by tsc)', () => {
    const { 'me.get': _omitted, ...withoutMe } = endpointSummaries;
    // @ts-expect-error an endpoint without a summary
    const _missing: Record<EndpointId, string> = withoutMe;
    // @ts-expect-error a summary for no endpoint
    const _extra: Record<EndpointId, string> = { ...endpointSummaries, 'me.unknown': 'Nothing.' };
  });
});
