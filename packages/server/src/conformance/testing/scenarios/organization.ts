import { api, can, type Role } from '@billingone/settings-core';
import type { Context } from '../context.js';
import { onePixelPng } from '../images.js';
import type { Scenario } from '../scenario.js';
import { fileKeeper, refusedUpload } from './uploads.js';
import { accessOnly, nonce, skipped, valid } from './prepared.js';
import { readForWrite } from './read-for-write.js';

/** How to put the organization's logo back (or null when it cannot be read back). */
async function logoKeeper(ctx: Context) {
  const owner = await ctx.sessions.of('owner');
  const { logoUrl } = await ctx.client.must(api.branding.get, {}, owner);
  return fileKeeper(
    ctx,
    logoUrl,
    (file) => ctx.client.must(api.branding.uploadLogo, { upload: file }, owner),
    () => ctx.client.must(api.branding.removeLogo, {}, owner),
  );
}

const mayEditBranding = (role: Role) => can({ role }, 'branding.edit');

export const organizationScenarios: Record<string, Scenario> = {
  'organization.get': async () => valid(),
  'organization.update': async (ctx) => {
    const { body, ifMatch } = await readForWrite(ctx, api.organization.get, await ctx.sessions.of('owner'));
    return valid({ headers: ifMatch, body: { name: body.name } });
  },
  'organization.slugAvailability': async () => valid({ query: { slug: `conformance-${nonce()}` } }),
  'branding.get': async () => valid(),
  'branding.update': async (ctx) => {
    const { body, ifMatch } = await readForWrite(ctx, api.branding.get, await ctx.sessions.of('owner'));
    return valid({ headers: ifMatch, body: { primaryColor: body.primaryColor } });
  },
  /** Back to the defaults, then the colours and logo as they were. */
  'branding.reset': async (ctx) => {
    const owner = await ctx.sessions.of('owner');
    const { body: before, ifMatch } = await readForWrite(ctx, api.branding.get, owner);
    const putLogoBack = await logoKeeper(ctx);
    if (!putLogoBack) return accessOnly({});
    return valid({ headers: ifMatch }, {
      restore: async () => {
        const { body: now, ifMatch: current } = await readForWrite(ctx, api.branding.get, owner);
        if (now.primaryColor !== before.primaryColor || now.accentColor !== before.accentColor) {
          await ctx.client.must(api.branding.update, { headers: current, body: { primaryColor: before.primaryColor, accentColor: before.accentColor } }, owner);
        }
        await putLogoBack();
      },
    });
  },
  'branding.uploadLogo': async (ctx) => {
    const restore = await logoKeeper(ctx);
    return restore ? valid({ upload: onePixelPng }, { restore }) : accessOnly(refusedUpload);
  },
  'branding.removeLogo': async (ctx, role) => {
    const restore = await logoKeeper(ctx);
    if (!restore) return mayEditBranding(role) ? skipped('the current logo cannot be read back to restore it') : valid();
    await ctx.client.must(api.branding.uploadLogo, { upload: onePixelPng }, await ctx.sessions.of('owner'));
    return valid({}, { restore });
  },
};
