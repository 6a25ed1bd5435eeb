import { api, type Role } from '@billingone/settings-core';
import type { Context } from '../context.js';
import type { ApiResponse } from '../http.js';
import type { Scenario } from '../scenario.js';
import { disableTotp, enrolTotp, registerPasskey, removePasskey, removePasskeysNamed, startTotp } from './second-factors.js';
import { succeeded, valid } from './prepared.js';

const rememberCodes = (ctx: Context, res: ApiResponse | undefined) => {
  if (succeeded(res)) ctx.client.remember(...((res!.json?.codes ?? res!.json?.recoveryCodes?.codes ?? []) as string[]));
};

/** TOTP on and a fresh re-authentication, for the recovery-code endpoints; TOTP goes off again after. */
async function withRecoveryCodes(ctx: Context, role: Role) {
  const session = await ctx.sessions.of(role);
  const authenticator = await enrolTotp(ctx, session);
  await ctx.client.must(api.security.reauthenticate, { body: { password: ctx.sessions.password(role) } }, session);
  return valid({}, {
    restore: async (res) => {
      rememberCodes(ctx, res);
      await disableTotp(ctx, session, authenticator);
    },
  });
}

/** Registers a passkey for the request to act on; removed again after. */
async function withPasskey(ctx: Context, role: Role, request: (id: string) => Parameters<typeof valid>[0]) {
  const session = await ctx.sessions.of(role);
  const registration = await registerPasskey(ctx, session);
  const passkey = await ctx.client.must(api.security.registerPasskey, { body: registration.body }, session);
  return valid(request(passkey.id), { restore: () => removePasskey(ctx, session, passkey.id) });
}

export const securityScenarios: Record<string, Scenario> = {
  'security.get': async () => valid(),
  'security.totp.start': async (ctx) =>
    valid({}, {
      restore: async (res) => {
        if (succeeded(res)) ctx.client.remember(res!.json.secret);
      },
    }),
  'security.totp.verify': async (ctx, role) => {
    const session = await ctx.sessions.of(role);
    const { enrollmentId, authenticator } = await startTotp(ctx, session);
    return valid({ body: { enrollmentId, code: await authenticator.nextCode() } }, {
      restore: async (res) => {
        rememberCodes(ctx, res);
        await disableTotp(ctx, session, authenticator);
      },
    });
  },
  'security.totp.disable': async (ctx, role) => {
    const session = await ctx.sessions.of(role);
    const authenticator = await enrolTotp(ctx, session);
    return valid({ body: { code: await authenticator.nextCode() } }, { restore: () => disableTotp(ctx, session, authenticator) });
  },
  'security.reauthenticate': async (ctx, role) => valid({ body: { password: ctx.sessions.password(role) } }),
  'security.recoveryCodes.get': withRecoveryCodes,
  'security.recoveryCodes.regenerate': withRecoveryCodes,
  'security.passkeys.options': async () => valid(),
  'security.passkeys.register': async (ctx, role) => {
    const session = await ctx.sessions.of(role);
    const registration = await registerPasskey(ctx, session);
    return valid({ body: registration.body }, { restore: () => removePasskeysNamed(ctx, session, registration.name) });
  },
  'security.passkeys.rename': (ctx, role) => withPasskey(ctx, role, (id) => ({ params: { id }, body: { name: 'Conformance (renamed)' } })),
  'security.passkeys.remove': (ctx, role) => withPasskey(ctx, role, (id) => ({ params: { id } })),
  'security.loginHistory': async () => valid({ query: { limit: 5 } }),
};
