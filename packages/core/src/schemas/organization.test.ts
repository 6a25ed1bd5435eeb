import { describe, expect, it } from 'vitest';
import { expectIssue, expectValid } from '../../test/schema-assert.js';
import { EmbedOrigin, Organization, OrganizationUpdate, Slug, SlugAvailability, SlugQuery } from './organization.js';
import { Branding, BrandingUpdate, defaultBranding, logoUpload } from './branding.js';

const at = '2026-11-24T09:00:00.000Z';

describe('Slug', () => {
  it('accepts lowercase letters, digits and single inner hyphens, 3 to 48 characters', () => {
    for (const slug of ['abc', 'acme-it', 'a1-b2-c3', 'x'.repeat(48), '123']) expectValid(Slug, slug);
    expect(expectValid(Slug, '  acme  ')).toBe('acme');
  });

  it('refuses too short, too long, uppercase, spaces and misplaced hyphens', () => {
    expectIssue(Slug, 'ab', [], /at least 3/);
    expectIssue(Slug, 'x'.repeat(49), [], /at most 48/);
    for (const bad of ['Acme', 'acme it', '-acme', 'acme-', 'ac--me', 'acmé', 'acme_it']) {
      expectIssue(Slug, bad, [], /lowercase letters/);
    }
  });
});

describe('OrganizationUpdate', () => {
  it('accepts a partial update', () => {
    expectValid(OrganizationUpdate, {});
    expectValid(OrganizationUpdate, { name: 'Acme IT', slug: 'acme-it', requireMfa: true, embedOrigins: ['https://portal.example.com', 'http://localhost:5173'] });
  });

  it('refuses each bad field at its path', () => {
    expectIssue(OrganizationUpdate, { slug: 'A' }, ['slug']);
    expectIssue(OrganizationUpdate, { name: ' x ' }, ['name'], /at least 2/);
    expectIssue(OrganizationUpdate, { requireMfa: 'yes' }, ['requireMfa']);
    expectIssue(OrganizationUpdate, { embedOrigins: ['https://ok.example.com', 'https://bad.example.com/path'] }, ['embedOrigins', 1], /origin/);
    expectIssue(OrganizationUpdate, { embedOrigins: Array.from({ length: 21 }, (_, i) => `https://p${i}.example.com`) }, ['embedOrigins'], /20/);
  });

  it('EmbedOrigin has no path, query or credentials', () => {
    expectValid(EmbedOrigin, 'https://portal.example.com:8443');
    for (const bad of ['portal.example.com', 'https://portal.example.com/', 'javascript:alert(1)', 'https://u:p@example.com']) {
      expectIssue(EmbedOrigin, bad, []);
    }
  });

  it('Organization and slug availability responses', () => {
    expectValid(Organization, { id: 'o1', name: 'Acme', slug: 'acme', requireMfa: false, embedOrigins: [], createdAt: at, updatedAt: at });
    expectValid(SlugQuery, { slug: 'anything, validated by the server' });
    expectValid(SlugAvailability, { slug: 'acme', available: false, reason: 'taken' });
    expectIssue(SlugAvailability, { slug: 'acme', available: false, reason: 'gone' }, ['reason']);
  });
});

describe('Branding', () => {
  it('defaults are valid colours', () => {
    expectValid(BrandingUpdate, defaultBranding);
    expectValid(Branding, { ...defaultBranding, logoUrl: null, isDefault: true, updatedAt: at });
  });

  it('BrandingUpdate refuses non-hex colours at their path', () => {
    expectValid(BrandingUpdate, { accentColor: '#0F766E' });
    expectIssue(BrandingUpdate, { primaryColor: 'blue' }, ['primaryColor'], /hex colour/);
    expectIssue(BrandingUpdate, { accentColor: '#0f766' }, ['accentColor'], /hex colour/);
  });

  it('logo uploads allow SVG and 1 MB', () => {
    expect(logoUpload.types).toContain('image/svg+xml');
    expect(logoUpload.maxBytes).toBe(1024 * 1024);
  });
});
