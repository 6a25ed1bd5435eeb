import type { Endpoint, EndpointResponse } from '@billingone/settings-core';
import type { Context } from '../context.js';
import type { CookieSession } from '../http.js';

/** A GET of an ETag resource: its body and the `If-Match` header for a write. */
export async function readForWrite<E extends Endpoint>(ctx: Context, endpoint: E, session: CookieSession) {
  const res = await ctx.client.send(endpoint, {}, session);
  if (res.status !== 200) throw new Error(`${endpoint.id} answered ${res.status}: ${res.text.slice(0, 300)}`);
  const etag = res.headers.get('etag');
  if (!etag) throw new Error(`${endpoint.id} answered without an ETag.`);
  return { body: res.json as EndpointResponse<E>, ifMatch: { 'if-match': etag } };
}
