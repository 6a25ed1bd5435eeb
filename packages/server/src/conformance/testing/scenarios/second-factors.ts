import { api } from '@billingone/settings-core';
import type { Context } from '../context.js';
import type { CookieSession } from '../http.js';
import { createPasskeyResponse } from '../passkey.js';
import { Authenticator } from '../totp.js';
import { nonce } from './prepared.js';

/** Starts TOTP enrolment and remembers the secret; the verification is the caller's. */
export async function startTotp(ctx: Context, session: CookieSession) {
  const enrollment = await ctx.client.must(api.security.startTotp, {}, session);
  ctx.client.remember(enrollment.secret);
  return { enrollmentId: enrollment.enrollmentId, authenticator: new Authenticator(enrollment.secret) };
}

export async function enrolTotp(ctx: Context, session: CookieSession): Promise<Authenticator> {
  const { enrollmentId, authenticator } = await startTotp(ctx, session);
  const enabled = await ctx.client.must(api.security.verifyTotp, { body: { enrollmentId, code: await authenticator.nextCode() } }, session);
  ctx.client.remember(...enabled.recoveryCodes.codes);
  return authenticator;
}

/** Turns TOTP off again when it is on; the suite's members must end as they began, without a second factor. */
export async function disableTotp(ctx: Context, session: CookieSession, authenticator: Authenticator): Promise<void> {
  let last = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const overview = await ctx.client.must(api.security.overview, {}, session);
    if (!overview.totp.enabled) return;
    const res = await ctx.client.send(api.security.disableTotp, { body: { code: await authenticator.nextCode() } }, session);
    last = `${res.status} ${res.text.slice(0, 200)}`;
  }
  throw new Error(`Could not turn TOTP off again for ${session.email} (secret ${authenticator.secret}): ${last}`);
}

export async function registerPasskey(ctx: Context, session: CookieSession, name = `Conformance ${nonce()}`) {
  const { challengeId, options } = await ctx.client.must(api.security.passkeyOptions, {}, session);
  const response = createPasskeyResponse(options as { challenge: string; rp: { id?: string } }, ctx.origin);
  return { name, body: { challengeId, name, response } };
}

export async function removePasskey(ctx: Context, session: CookieSession, id: string): Promise<void> {
  const res = await ctx.client.send(api.security.removePasskey, { params: { id } }, session);
  if (res.status >= 300 && res.status !== 404) throw new Error(`Could not remove passkey ${id} of ${session.email}: ${res.status} ${res.text.slice(0, 200)}`);
}

export async function removePasskeysNamed(ctx: Context, session: CookieSession, name: string): Promise<void> {
  const overview = await ctx.client.must(api.security.overview, {}, session);
  for (const passkey of overview.passkeys.filter((p) => p.name === name)) await removePasskey(ctx, session, passkey.id);
}
