import type { Role } from '@billingone/settings-core';
import { commands } from 'vitest/browser';

/** Password of every seeded demo member (`<role>@acme.test`). */
export const demoPassword = 'billingone-demo';

/** Email of the seeded demo member holding a role. */
export function demoEmail(role: Role): string {
  return `${role}@acme.test`;
}

export interface SignedIn {
  readonly email: string;
  /** The CSRF token of the new cookie session. */
  readonly csrfToken: string;
}

/** Sign-in addresses run from 198.51.100.100 to .253: three-digit last parts, so none starts with an address the tests use themselves (198.51.100.7 would otherwise match 198.51.100.71). */
const firstAddress = 100;
const addressCount = 154;
let signIns = Math.floor(Math.random() * addressCount);

/**
 * Signs the page in as the demo member of `role` (or any email) with a cookie session, through the
 * `/v1` proxy: elements then use the session like a same-origin host page would.
 *
 * Each sign-in comes from its own documentation address (198.51.100.0/24, sent as the first
 * `X-Forwarded-For` hop, which the test server trusts), so the hundreds of sign-ins of a test run
 * stay under the server's per-address sign-in limit while rate limiting stays on.
 */
export async function signInAs(who: Role | string, password = demoPassword): Promise<SignedIn> {
  const email = who.includes('@') ? who : demoEmail(who as Role);
  const address = `198.51.100.${firstAddress + (signIns++ % addressCount)}`;
  const response = await fetch('/v1/auth/sign-in', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json().catch(() => null)) as { status?: string; csrfToken?: string; detail?: string } | null;
  if (!response.ok) throw new Error(`Sign-in as ${email} failed: ${response.status} ${body?.detail ?? ''}`);
  if (body?.status !== 'signed_in' || !body.csrfToken) {
    throw new Error(`Sign-in as ${email} needs a second factor (${body?.status}); use a member without MFA.`);
  }
  return { email, csrfToken: body.csrfToken };
}

/** Ends the page's cookie session, if any. */
export async function signOut(): Promise<void> {
  const csrf = await fetch('/v1/auth/csrf', { credentials: 'same-origin' });
  if (!csrf.ok) return;
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await fetch('/v1/auth/sign-out', { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': csrfToken } });
}

/** Puts the reference server's data back to the seeded demo organization. */
export function resetDemoData(): Promise<void> {
  return commands.resetDemoData();
}

/** A short-lived bearer embed token for the demo member of `role` (or any email), for bearer-mode tests. */
export function embedTokenFor(who: Role | string, ttlSeconds?: number): Promise<string> {
  return commands.embedToken(who.includes('@') ? who : demoEmail(who as Role), ttlSeconds);
}

/** Runs SQL on the reference database, for setup the API refuses on purpose. Prefer the API otherwise. */
export function queryDemoDatabase(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]> {
  return commands.queryDemoDatabase(sql, params);
}
