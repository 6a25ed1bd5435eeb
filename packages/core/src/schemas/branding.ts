import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { HexColor, Timestamp } from './common.js';

export const defaultBranding = { primaryColor: '#1d4ed8', accentColor: '#0f766e' } as const;

export const Branding = z.object({
  primaryColor: HexColor,
  accentColor: HexColor,
  logoUrl: z.nullable(z.string()),
  /** True while nothing differs from the defaults. */
  isDefault: z.boolean(),
  updatedAt: Timestamp,
});
export type Branding = z.infer<typeof Branding>;

export const BrandingUpdate = z.object({
  primaryColor: z.optional(HexColor),
  accentColor: z.optional(HexColor),
});
export type BrandingUpdate = z.input<typeof BrandingUpdate>;

/** Logo uploads: PNG, JPEG, WebP or SVG (sanitised by the server) up to 1 MB. */
export const logoUpload = { types: ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'], maxBytes: 1024 * 1024 } as const;
export const Logo = z.object({ logoUrl: z.nullable(z.string()) });

const b = { tag: 'Branding' } as const;
export const brandingEndpoints = {
  get: endpoint({ ...b, id: 'branding.get', method: 'GET', path: '/branding', access: 'organization.read', etag: true, response: Branding }),
  update: endpoint({ ...b, id: 'branding.update', method: 'PATCH', path: '/branding', access: 'branding.edit', etag: true, body: BrandingUpdate, response: Branding }),
  reset: endpoint({ ...b, id: 'branding.reset', method: 'DELETE', path: '/branding', access: 'branding.edit', etag: true, response: Branding }),
  uploadLogo: endpoint({ ...b, id: 'branding.uploadLogo', method: 'PUT', path: '/branding/logo', access: 'branding.edit', upload: logoUpload, response: Logo }),
  removeLogo: endpoint({ ...b, id: 'branding.removeLogo', method: 'DELETE', path: '/branding/logo', access: 'branding.edit' }),
};
