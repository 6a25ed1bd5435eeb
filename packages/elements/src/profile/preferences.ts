/** Locales offered in the profile (the languages the settings are translated into, and British English). */
export const offeredLocales: readonly string[] = ['en', 'en-GB', 'fr', 'ar'];

export interface Option {
  readonly value: string;
  readonly label: string;
}

/** A locale's name in its own language (“français”, “العربية”), capitalised for a list. */
export function localeLabel(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale);
    if (!name) return locale;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return locale;
  }
}

/** The offered locales, plus the member's current one when it is another. */
export function localeOptions(current: string): Option[] {
  const values = offeredLocales.includes(current) ? offeredLocales : [...offeredLocales, current];
  return values.map((value) => ({ value, label: localeLabel(value) }));
}

let zones: readonly string[] | undefined;

/** Every IANA time zone the browser knows (with UTC), sorted. */
export function timeZones(): readonly string[] {
  if (!zones) {
    const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zones = [...new Set(['UTC', ...supported])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
  }
  return zones;
}

let lastZoneOptions: { current: string; options: Option[] } | undefined;

/** The time zones as options (“America/New York”), including the current one if the browser does not list it. */
export function timeZoneOptions(current: string): Option[] {
  if (lastZoneOptions?.current !== current) {
    const all = timeZones();
    const values = all.includes(current) ? all : [current, ...all];
    lastZoneOptions = { current, options: values.map((value) => ({ value, label: value.replace(/_/g, ' ') })) };
  }
  return lastZoneOptions.options;
}
