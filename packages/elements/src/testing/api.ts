import type { Role } from '@billingone/settings-core';
import { demoEmail, demoPassword } from './session.js';

export interface ApiAnswer<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

async function csrfToken(): Promise<string | undefined> {
  const response = await fetch('/v1/auth/csrf', { credentials: 'same-origin' });
  if (!response.ok) return undefined;
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/**
 * Calls the reference API as the page's signed-in member (cookie session, CSRF token on writes), for
 * test setup and for checking what the server holds after an element saved something.
 */
export async function apiCall<T = any>(method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (method !== 'GET') {
    const token = await csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/v1${path}`, {
    method,
    credentials: 'same-origin',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}

/**
 * Signs a member in as if from another device: the server opens a session (with `ip` as the client
 * address) but the page keeps its own cookie.
 */
export async function signInElsewhere(who: Role | string, options: { ip?: string; password?: string } = {}): Promise<void> {
  const email = who.includes('@') ? who : demoEmail(who as Role);
  const response = await fetch('/v1/auth/sign-in', {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(options.ip ? { 'x-forwarded-for': options.ip } : {}) },
    body: JSON.stringify({ email, password: options.password ?? demoPassword }),
  });
  if (!response.ok) throw new Error(`Sign-in elsewhere as ${email} failed: ${response.status} ${await response.text()}`);
}
