import { brandingEndpoints, defaultBranding } from '@billingone/settings-core';
import { problem } from '@billingone/settings-core/implementation';
import { handler, iso } from '../context.js';
import type { MockState } from '../state.js';
import { acceptImage } from '../uploads.js';

/** Stored colours are null while they equal the defaults (`/me` then reports null). */
export function brandingJson(state: MockState) {
  const org = state.organization;
  return {
    primaryColor: org.primaryColor ?? defaultBranding.primaryColor,
    accentColor: org.accentColor ?? defaultBranding.accentColor,
    logoUrl: org.logoUrl,
    isDefault: org.primaryColor === null && org.accentColor === null && org.logoUrl === null,
    updatedAt: iso(org.brandingUpdatedAt),
  };
}

function stored(colour: string, fallback: string): string | null {
  const lower = colour.toLowerCase();
  return lower === fallback ? null : lower;
}

const orgTarget = (state: MockState) => ({ type: 'organization', id: state.organization.id, label: state.organization.name });

export const brandingHandlers = [
  handler(brandingEndpoints.get, ({ state }) => brandingJson(state)),
  handler(brandingEndpoints.update, ({ state, body, now, checkIfMatch, audit }) => {
    const current = brandingJson(state);
    checkIfMatch(current);
    const org = state.organization;
    const primary = body.primaryColor === undefined ? org.primaryColor : stored(body.primaryColor, defaultBranding.primaryColor);
    const accent = body.accentColor === undefined ? org.accentColor : stored(body.accentColor, defaultBranding.accentColor);
    if (primary === org.primaryColor && accent === org.accentColor) return current;
    Object.assign(org, { primaryColor: primary, accentColor: accent, brandingUpdatedAt: now });
    const next = brandingJson(state);
    audit({
      action: 'branding.updated',
      target: orgTarget(state),
      before: { primaryColor: current.primaryColor, accentColor: current.accentColor },
      after: { primaryColor: next.primaryColor, accentColor: next.accentColor },
    });
    return next;
  }),
  handler(brandingEndpoints.reset, ({ state, now, checkIfMatch, audit }) => {
    const current = brandingJson(state);
    checkIfMatch(current);
    if (current.isDefault) return current;
    Object.assign(state.organization, { primaryColor: null, accentColor: null, logoUrl: null, brandingUpdatedAt: now });
    audit({
      action: 'branding.reset',
      target: orgTarget(state),
      before: { primaryColor: current.primaryColor, accentColor: current.accentColor, logoUrl: current.logoUrl === null ? null : 'logo' },
      after: { primaryColor: defaultBranding.primaryColor, accentColor: defaultBranding.accentColor, logoUrl: null },
    });
    return brandingJson(state);
  }),
  handler(brandingEndpoints.uploadLogo, ({ state, upload, now, audit }) => {
    if (!upload) throw problem(400, 'file_required', 'Send the image as the request body.');
    const file = acceptImage(upload.bytes, brandingEndpoints.uploadLogo.upload!);
    Object.assign(state.organization, { logoUrl: file.url, brandingUpdatedAt: now, updatedAt: now });
    audit({ action: 'branding.logo_updated', target: orgTarget(state), after: { contentType: file.contentType, size: upload.bytes.byteLength } });
    return { logoUrl: file.url };
  }),
  handler(brandingEndpoints.removeLogo, ({ state, now, audit }) => {
    if (state.organization.logoUrl === null) return;
    Object.assign(state.organization, { logoUrl: null, brandingUpdatedAt: now, updatedAt: now });
    audit({ action: 'branding.logo_removed', target: orgTarget(state), after: { logoUrl: null } });
  }),
];
