import { en, type Catalogue, type MessageKey } from './en/index.js';
import { formatMessage, type FormatContext, type MessageParams } from './message-format.js';

export type { MessageKey, Catalogue } from './en/index.js';
export type { MessageParams, MessageValue } from './message-format.js';

/** Languages written right to left. */
const rtlLanguages = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug']);

/** `rtl` for Arabic, Hebrew, Persian, Urdu (and other right-to-left languages), otherwise `ltr`. */
export function directionOf(locale: string): 'ltr' | 'rtl' {
  return rtlLanguages.has(languageOf(locale)) ? 'rtl' : 'ltr';
}

/** The language subtag of a locale, lower-cased (`fr-CA` → `fr`). */
export function languageOf(locale: string): string {
  return locale.split(/[-_]/)[0]!.toLowerCase();
}

const catalogues = new Map<string, Catalogue>([['en', en]]);
const listeners = new Set<() => void>();
const loaders: Record<string, () => Promise<Catalogue>> = {
  fr: () => import('./fr/index.js').then((m) => m.fr),
  ar: () => import('./ar/index.js').then((m) => m.ar),
};
const loading = new Map<string, Promise<boolean>>();

/**
 * Adds (or extends) the catalogue of a language or a full locale (`de`, `fr-CA`). Keys it lacks fall
 * back to the language, then to English. Elements already on the page re-render.
 */
export function registerCatalogue(locale: string, messages: Catalogue): void {
  const tag = locale.toLowerCase();
  catalogues.set(tag, { ...catalogues.get(tag), ...messages });
  for (const listener of listeners) listener();
}

/** Called whenever a catalogue is registered; returns the function that stops listening. */
export function onCatalogueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The languages shipped with the package besides English (loaded on demand). */
export const bundledLanguages = ['en', ...Object.keys(loaders)] as const;

/**
 * Loads the shipped catalogue of a locale's language if it is not loaded yet. Resolves to `true`
 * when a catalogue for it is available (English always is).
 */
export function loadLocale(locale: string): Promise<boolean> {
  const language = languageOf(locale);
  if (catalogues.has(language) || catalogues.has(locale.toLowerCase())) return Promise.resolve(true);
  const load = loaders[language];
  if (!load) return Promise.resolve(false);
  let pending = loading.get(language);
  if (!pending) {
    pending = load().then(
      (messages) => {
        registerCatalogue(language, messages);
        return true;
      },
      (error: unknown) => {
        loading.delete(language);
        console.warn(`BillingOne settings: the "${language}" strings could not be loaded; showing English.`, error);
        return false;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}

/** Whether strings for a locale's language are ready (English always is). */
export function isLocaleLoaded(locale: string): boolean {
  return catalogues.has(locale.toLowerCase()) || catalogues.has(languageOf(locale));
}

const warned = new Set<string>();

/** A valid canonical BCP 47 tag for `locale`, or `en` (with a console warning) when it is not one. */
export function canonicalLocale(locale: string | null | undefined): string {
  if (!locale) return 'en';
  try {
    return Intl.getCanonicalLocales(locale.replace(/_/g, '-'))[0] ?? 'en';
  } catch {
    if (!warned.has(locale)) {
      warned.add(locale);
      console.warn(`BillingOne settings: ${JSON.stringify(locale)} is not a valid locale (use a tag such as "fr" or "en-GB"); using English.`);
    }
    return 'en';
  }
}

type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  return value instanceof Date ? value : new Date(value);
}

export interface LocalizerOptions {
  /** IANA time zone for dates and times; the browser's when absent. */
  readonly timeZone?: string;
}

/** Strings, dates, numbers and money for one locale. */
export interface Localizer {
  /** Canonical BCP 47 locale, e.g. `fr-CA`. */
  readonly locale: string;
  readonly language: string;
  readonly dir: 'ltr' | 'rtl';
  readonly timeZone: string | undefined;
  /** A catalogue string with its `{parameters}` filled in (falls back to English). */
  t(key: MessageKey, params?: MessageParams): string;
  /** A date: `medium` style unless options say otherwise. */
  date(value: DateInput, options?: Intl.DateTimeFormatOptions): string;
  /** A date and time (`medium` date, `short` time). */
  dateTime(value: DateInput): string;
  /** “3 minutes ago”, “in 2 days”. */
  relativeTime(value: DateInput, now?: DateInput): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** An amount in major units (e.g. 12.5) of an ISO 4217 currency. */
  money(amount: number, currency: string, options?: Intl.NumberFormatOptions): string;
  /** “PNG, JPEG and WebP”. */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
  /** A byte count as “2 MB”, “512 kB” (base 1024). */
  fileSize(bytes: number): string;
}

/** A {@link Localizer} for `locale` (any BCP 47 tag; invalid ones fall back to English with a warning). */
export function createLocalizer(locale: string, options: LocalizerOptions = {}): Localizer {
  const tag = canonicalLocale(locale);
  const language = languageOf(tag);
  const timeZone = validTimeZone(options.timeZone);
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (opts?: Intl.NumberFormatOptions) => {
    const key = JSON.stringify(opts ?? {});
    let format = numberFormats.get(key);
    if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(tag, opts)));
    return format;
  };
  const plural = new Intl.PluralRules(tag);
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const context: FormatContext = {
    plural,
    number: (value) => numberFormat().format(value),
    date: (value) => dateFormat.format(value),
  };

  const lookup = (key: MessageKey): string =>
    catalogues.get(tag.toLowerCase())?.[key] ?? catalogues.get(language)?.[key] ?? en[key] ?? key;

  return {
    locale: tag,
    language,
    dir: directionOf(tag),
    timeZone,
    t: (key, params = {}) => formatMessage(lookup(key), params, context),
    date: (value, opts) => safeDate(value, (d) => (opts ? new Intl.DateTimeFormat(tag, { timeZone, ...opts }).format(d) : dateFormat.format(d))),
    dateTime: (value) => safeDate(value, (d) => dateTimeFormat.format(d)),
    relativeTime: (value, now = Date.now()) => safeDate(value, (d) => relative(tag, d, toDate(now))),
    number: (value, opts) => numberFormat(opts).format(value),
    money: (amount, currency, opts) => numberFormat({ style: 'currency', currency, ...opts }).format(amount),
    list: (items, type = 'conjunction') => new Intl.ListFormat(tag, { type }).format(items),
    fileSize: (bytes) => {
      const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
      let value = bytes;
      let unit = 0;
      while (Math.abs(value) >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
      }
      return numberFormat({ style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
    },
  };
}

function safeDate(value: DateInput, format: (date: Date) => string): string {
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? String(value) : format(date);
}

function validTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

const relativeSteps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

function relative(locale: string, date: Date, now: Date): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  let value = (date.getTime() - now.getTime()) / 1000;
  for (const [unit, size] of relativeSteps) {
    if (Math.abs(value) < size) {
      const rounded = Math.round(value);
      return format.format(unit === 'second' && Math.abs(rounded) < 10 ? 0 : rounded, unit);
    }
    value /= size;
  }
  return format.format(Math.round(value), 'year');
}
