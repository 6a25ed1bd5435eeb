import { createHmac } from 'node:crypto';

/**
 * Signs a compact JWT (HS256). Both providers issue JWT access tokens; the simulators do too, so a
 * client that decodes claims (Xero's `authentication_event_id`) meets the real format. The
 * simulators still look every token up in their own tables: the signature is for realism only.
 */
export function signJwt(payload: Record<string, unknown>, secret: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', secret).update(`${header}.${body}`).digest('base64url');
  return `${header}.${body}.${signature}`;
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
