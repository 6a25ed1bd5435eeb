import * as z from 'zod/mini';
import { endpoint } from '../endpoint.js';
import { Id, Timestamp } from './common.js';

export const Slug = z.string().check(
  z.trim(),
  z.minLength(3, 'Use at least 3 characters.'),
  z.maxLength(48, 'Use at most 48 characters.'),
  z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens, not at the start or end.'),
);
export const OrganizationName = z.string().check(z.trim(), z.minLength(2, 'Use at least 2 characters.'), z.maxLength(100, 'Use at most 100 characters.'));
/** An origin allowed to embed the settings with a bearer embed token, e.g. `https://portal.example.com`. */
export const EmbedOrigin = z.string().check(z.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'Use an origin such as https://portal.example.com (no path).'));

export const Organization = z.object({
  id: Id,
  name: z.string(),
  slug: z.string(),
  requireMfa: z.boolean(),
  embedOrigins: z.array(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Organization = z.infer<typeof Organization>;

export const OrganizationUpdate = z.object({
  name: z.optional(OrganizationName),
  slug: z.optional(Slug),
  requireMfa: z.optional(z.boolean()),
  embedOrigins: z.optional(z.array(EmbedOrigin).check(z.maxLength(20, 'At most 20 origins.'))),
});
export type OrganizationUpdate = z.input<typeof OrganizationUpdate>;

export const SlugQuery = z.object({ slug: z.string().check(z.maxLength(200)) });
export const SlugAvailability = z.object({
  slug: z.string(),
  available: z.boolean(),
  reason: z.nullable(z.enum(['taken', 'invalid', 'reserved', 'current'])),
});
export type SlugAvailability = z.infer<typeof SlugAvailability>;

const o = { tag: 'Organization' } as const;
export const organizationEndpoints = {
  get: endpoint({ ...o, id: 'organization.get', method: 'GET', path: '/organization', access: 'organization.read', etag: true, response: Organization }),
  /** Needs `organization.edit`; changing `requireMfa` also needs `organization.mfa_policy` (checked per field). */
  update: endpoint({ ...o, id: 'organization.update', method: 'PATCH', path: '/organization', access: 'organization.edit', etag: true, body: OrganizationUpdate, response: Organization }),
  slugAvailability: endpoint({ ...o, id: 'organization.slugAvailability', method: 'GET', path: '/organization/slug-availability', access: 'organization.edit', query: SlugQuery, response: SlugAvailability }),
};
