import { en, type Catalogue, type MessageKey } from './en/index.js';
import { formatMessage, type FormatContext, type MessageParams } from './message-format.js';
import { baseMessages, sectionMessages } from './messages.js';

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
/** `language/namespace` pairs loaded (`fr/` is the language's shared strings). */
const loaded = new Set<string>(['en/']);
const pending = new Map<string, Promise<boolean>>();

function merge(tag: string, messages: Catalogue): void {
  catalogues.set(tag, { ...catalogues.get(tag), ...messages });
}

function notify(): void {
  for (const listener of listeners) listener();
}

/**
 * Adds (or extends) the catalogue of a language or a full locale (`de`, `fr-CA`). Keys it lacks fall
 * back to the language, then to English. Elements already on the page re-render.
 */
export function registerCatalogue(locale: string, messages: Catalogue): void {
  merge(locale.toLowerCase(), messages);
  notify();
}

/** Called whenever strings are registered or loaded; returns the function that stops listening. */
export function onCatalogueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The languages shipped with the package (other languages can be registered). */
export const bundledLanguages: readonly string[] = ['en', ...Object.keys(baseMessages)];

/** The namespace of a key (`team.invite.title` → `team`). */
export function namespaceOf(key: string): string {
  return key.slice(0, key.indexOf('.'));
}

function loadOne(language: string, namespace: string): Promise<boolean> {
  const id = `${language}/${namespace}`;
  if (loaded.has(id)) return Promise.resolve(true);
  const load = namespace ? sectionMessages[namespace]?.[language] : baseMessages[language];
  if (!load) return Promise.resolve(false);
  let promise = pending.get(id);
  if (!promise) {
    promise = load().then(
      (messages) => {
        merge(language, messages);
        loaded.add(id);
        pending.delete(id);
        return true;
      },
      (error: unknown) => {
        pending.delete(id);
        console.warn(`BillingOne settings: the ${language} strings${namespace ? ` of "${namespace}"` : ''} could not be loaded.`, error);
        return false;
      },
    );
    pending.set(id, promise);
  }
  return promise;
}

/** Whether the strings of `namespaces` (and the language's shared strings) are ready for a locale. */
export function isLocaleLoaded(locale: string, namespaces: readonly string[] = []): boolean {
  const language = languageOf(locale);
  const languages = language === 'en' ? ['en'] : ['en', language];
  const base = language === 'en' || !(language in baseMessages) || loaded.has(`${language}/`);
  return base && namespaces.every((namespace) => languages.every((each) => loaded.has(`${each}/${namespace}`) || !sectionMessages[namespace]?.[each]));
}

/**
 * Loads the shipped strings a locale needs: its language's shared strings and, for each namespace,
 * the English and the language's strings (English is the fallback of every key). Resolves to whether
 * the locale's language is shipped (English always is); registered catalogues count too.
 */
export async function loadLocale(locale: string, namespaces: readonly string[] = []): Promise<boolean> {
  const language = languageOf(locale);
  if (isLocaleLoaded(locale, namespaces)) return language === 'en' || language in baseMessages || catalogues.has(language) || catalogues.has(locale.toLowerCase());
  const jobs = [loadOne(language, '')];
  for (const namespace of namespaces) {
    jobs.push(loadOne('en', namespace));
    if (language !== 'en') jobs.push(loadOne(language, namespace));
  }
  const [base] = await Promise.all(jobs);
  notify();
  return language === 'en' || base === true || catalogues.has(language) || catalogues.has(locale.toLowerCase());
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
  /** Called with a key found in no loaded catalogue (its namespace may still be loading). */
  readonly onMissing?: (key: MessageKey) => void;
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

  const lookup = (key: MessageKey): string => {
    const message = catalogues.get(tag.toLowerCase())?.[key] ?? catalogues.get(language)?.[key] ?? catalogues.get('en')?.[key];
    if (message !== undefined) return message;
    options.onMissing?.(key);
    // While its namespace loads, show nothing rather than the key; a key no catalogue has shows as itself.
    const namespace = namespaceOf(key);
    return sectionMessages[namespace]?.en && !loaded.has(`en/${namespace}`) ? '' : key;
  };

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
