import { createContext } from '@lit/context';
import type { SettingsClient, SettingsStores } from '@billingone/settings-core';

export type { SettingsClient, SettingsStores } from '@billingone/settings-core';

/** Locale settings provided by `<billingone-provider>` and `<billingone-settings>` to the sections inside. */
export interface LocaleSettings {
  /** BCP 47 locale, e.g. `fr-FR`. */
  readonly locale: string;
  /** IANA time zone for dates, e.g. `Europe/Paris`; the browser's when absent. */
  readonly timeZone?: string;
}

// Global symbols, so that two copies of this package on one page (e.g. the bundle and an npm build) still meet.
export const clientContext = createContext<SettingsClient | undefined>(Symbol.for('billingone.settings.client'));
export const storesContext = createContext<SettingsStores | undefined>(Symbol.for('billingone.settings.stores'));
export const localeContext = createContext<LocaleSettings | undefined>(Symbol.for('billingone.settings.locale'));
