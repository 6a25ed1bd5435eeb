import { describe, expect, it, vi } from 'vitest';
import { canonicalLocale, createLocalizer, directionOf, isLocaleLoaded, loadLocale, onCatalogueChange, registerCatalogue } from './localize.js';

describe('localizer', () => {
  it('translates with parameters and falls back to English', async () => {
    const en = createLocalizer('en-GB');
    expect(en.t('common.notFound.body', { name: 'billing' })).toBe('There is no settings page called “billing”.');
    expect(en.t('common.results', { count: 3 })).toBe('3 results');
    expect(en.t('common.results', { count: 0 })).toBe('No results');
    expect(en.t('common.firstResults', { count: 10 })).toBe('First 10 results shown');

    expect(await loadLocale('fr-CA')).toBe(true);
    expect(isLocaleLoaded('fr-CA')).toBe(true);
    const fr = createLocalizer('fr-CA');
    expect(fr.t('common.retry')).toBe('Réessayer');
    expect(fr.t('common.results', { count: 1 })).toBe('1 résultat');
  });

  it('loads Arabic, writes right to left and uses its plural forms', async () => {
    expect(await loadLocale('ar')).toBe(true);
    const ar = createLocalizer('ar-EG');
    expect(ar.dir).toBe('rtl');
    expect(ar.t('common.retry')).toBe('إعادة المحاولة');
    expect(ar.t('common.results', { count: 2 })).toBe('نتيجتان');
    expect(directionOf('he')).toBe('rtl');
    expect(directionOf('fa-IR')).toBe('rtl');
    expect(directionOf('ur')).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
  });

  it('answers false for languages it does not ship and keeps English for them', async () => {
    expect(await loadLocale('de')).toBe(false);
    expect(createLocalizer('de').t('common.retry')).toBe('Try again');
  });

  it('accepts catalogues registered by the host and tells listeners', () => {
    const listener = vi.fn();
    const stop = onCatalogueChange(listener);
    registerCatalogue('nl', { 'common.retry': 'Opnieuw proberen' });
    stop();
    expect(listener).toHaveBeenCalledTimes(1);
    const nl = createLocalizer('nl-BE');
    expect(nl.t('common.retry')).toBe('Opnieuw proberen');
    expect(nl.t('common.cancel')).toBe('Cancel');
  });

  it('falls back to English with a clear warning for an invalid locale', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(canonicalLocale('not a locale!')).toBe('en');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"not a locale!" is not a valid locale'));
    expect(createLocalizer('en_us').locale).toBe('en-US');
    warn.mockRestore();
  });

  it('formats dates in the member time zone, numbers, money, lists and sizes', () => {
    const date = '2026-11-24T23:30:00.000Z';
    expect(createLocalizer('en-GB', { timeZone: 'Europe/London' }).date(date)).toBe('24 Nov 2026');
    expect(createLocalizer('en-GB', { timeZone: 'Asia/Tokyo' }).date(date)).toBe('25 Nov 2026');
    expect(createLocalizer('en-US', { timeZone: 'UTC' }).dateTime(date)).toBe('Nov 24, 2026, 11:30 PM');
    expect(createLocalizer('en', { timeZone: 'Not/AZone' }).timeZone).toBeUndefined();
    expect(createLocalizer('en').date('yesterday')).toBe('yesterday');
    expect(createLocalizer('en-US').number(1234.5)).toBe('1,234.5');
    expect(createLocalizer('fr-FR').money(1234.5, 'EUR')).toBe('1\u202f234,50\u00a0€');
    expect(createLocalizer('en-US').money(12, 'USD')).toBe('$12.00');
    expect(createLocalizer('en').list(['PNG', 'JPEG', 'WebP'])).toBe('PNG, JPEG, and WebP');
    expect(createLocalizer('en').fileSize(2 * 1024 * 1024)).toBe('2 MB');
    expect(createLocalizer('en').fileSize(1536)).toBe('1.5 kB');
  });

  it('says how long ago things happened', () => {
    const now = new Date('2026-11-24T09:00:00Z');
    const en = createLocalizer('en');
    expect(en.relativeTime('2026-11-24T08:59:58Z', now)).toBe('now');
    expect(en.relativeTime('2026-11-24T08:57:00Z', now)).toBe('3 minutes ago');
    expect(en.relativeTime('2026-11-23T09:00:00Z', now)).toBe('yesterday');
    expect(en.relativeTime('2026-11-27T09:00:00Z', now)).toBe('in 3 days');
    expect(en.relativeTime('2025-11-24T09:00:00Z', now)).toBe('last year');
  });
});

describe('strings loaded per section', () => {
  it('loads a namespace in the language and in English, and shows nothing for its keys until then', async () => {
    const missing: string[] = [];
    const localizer = createLocalizer('fr', { onMissing: (key) => missing.push(key) });
    expect(isLocaleLoaded('fr', ['sessions'])).toBe(false);
    expect(localizer.t('sessions.current' as never)).toBe('');
    expect(missing).toEqual(['sessions.current']);
    expect(await loadLocale('fr', ['sessions'])).toBe(true);
    expect(isLocaleLoaded('fr', ['sessions'])).toBe(true);
    expect(isLocaleLoaded('en', ['sessions'])).toBe(true);
    expect(localizer.t('sessions.current' as never)).toBe('Actuelle');
    expect(localizer.t('sessions.current' as never)).not.toBe(createLocalizer('en').t('sessions.current' as never));
  });

  it('shows a key that no catalogue has as itself', () => {
    expect(createLocalizer('en').t('nowhere.at.all' as never)).toBe('nowhere.at.all');
  });
});
