import { allEndpoints, can, type Endpoint, type Permission, type Role } from '@billingone/settings-core';
import type { ApiRequest } from './http.js';

/** Endpoints a signed-in member calls (not public, not server-to-server). */
export const memberEndpoints = allEndpoints.filter((e) => e.access !== 'public' && e.access !== 'api-key');

export const isWrite = (endpoint: Endpoint) => endpoint.method !== 'GET';

export const label = (endpoint: Endpoint) => `${endpoint.method} ${endpoint.path} (${endpoint.id})`;

/** Whether core's role table lets the role call a member endpoint. */
export function allowed(endpoint: Endpoint, role: Role): boolean {
  return endpoint.access === 'member' || can({ role }, endpoint.access as Permission);
}

/** A value for every path parameter that names nothing on the target. */
export function placeholderParams(endpoint: Endpoint): Record<string, string> {
  return Object.fromEntries([...endpoint.path.matchAll(/\{(\w+)\}/g)].map((match) => [match[1]!, 'conformance-unknown']));
}

/** A request that reaches the endpoint but names nothing real and carries no body. */
export function placeholderRequest(endpoint: Endpoint): ApiRequest {
  return { params: placeholderParams(endpoint) };
}

/** The GET that reads what an ETag write changes (same path). */
export function etagSource(endpoint: Endpoint): Endpoint | undefined {
  return allEndpoints.find((e) => e.method === 'GET' && e.path === endpoint.path && e.etag);
}
