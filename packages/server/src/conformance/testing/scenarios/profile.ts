import { api, NewPassword, type Role } from '@billingone/settings-core';
import type { Context } from '../context.js';
import type { Scenario } from '../scenario.js';
import { onePixelPng } from '../images.js';
import { fileKeeper, refusedUpload } from './uploads.js';
import { accessOnly, nonce, skipped, succeeded, valid } from './prepared.js';

/** The member's session and how to put their current avatar back (null when it cannot be read back). */
async function avatarKeeper(ctx: Context, role: Role) {
  const session = await ctx.sessions.of(role);
  const { avatarUrl } = await ctx.client.must(api.profile.get, {}, session);
  const restore = await fileKeeper(
    ctx,
    avatarUrl,
    (file) => ctx.client.must(api.profile.uploadAvatar, { upload: file }, session),
    () => ctx.client.must(api.profile.removeAvatar, {}, session),
  );
  return { session, restore };
}

export const profileScenarios: Record<string, Scenario> = {
  'profile.get': async () => valid(),
  'profile.update': async (ctx, role) => {
    const { name, locale, timeZone } = await ctx.client.must(api.profile.get, {}, await ctx.sessions.of(role));
    return valid({ body: { name, locale, timeZone } });
  },
  'profile.uploadAvatar': async (ctx, role) => {
    const { restore } = await avatarKeeper(ctx, role);
    return restore ? valid({ upload: onePixelPng }, { restore }) : accessOnly(refusedUpload);
  },
  'profile.removeAvatar': async (ctx, role) => {
    const { session, restore } = await avatarKeeper(ctx, role);
    if (!restore) return skipped('the current avatar cannot be read back to restore it');
    await ctx.client.must(api.profile.uploadAvatar, { upload: onePixelPng }, session);
    return valid({}, { restore });
  },
  /** Changed and changed back in the same session (which stays signed in). */
  'profile.changePassword': async (ctx, role) => {
    const password = ctx.sessions.password(role);
    const temporary = `${password}~${nonce()}`;
    if (!NewPassword.safeParse(password).success || !NewPassword.safeParse(temporary).success) {
      return accessOnly({ body: { currentPassword: `not-${password}`, newPassword: `conformance-${nonce()}-${nonce()}` } });
    }
    ctx.client.remember(temporary);
    const session = await ctx.sessions.of(role);
    return valid({ body: { currentPassword: password, newPassword: temporary } }, {
      restore: async (res) => {
        if (!succeeded(res)) return;
        const back = await ctx.client.send(api.profile.changePassword, { body: { currentPassword: temporary, newPassword: password } }, session);
        if (!succeeded(back)) throw new Error(`Could not change the password of ${session.email} back; it is now "${temporary}" (${back.status} ${back.text.slice(0, 200)}).`);
      },
    });
  },
};
