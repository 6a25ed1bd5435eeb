import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LocaleSettings } from '../context.js';
import { createLocalizer, isLocaleLoaded, loadLocale, namespaceOf, onCatalogueChange, type Localizer } from '../i18n/localize.js';

const hosts = new Set<ReactiveControllerHost>();
let documentObserver: MutationObserver | undefined;

function watchDocumentLanguage(host: ReactiveControllerHost): void {
  hosts.add(host);
  if (!documentObserver && typeof MutationObserver !== 'undefined') {
    documentObserver = new MutationObserver(() => {
      for (const each of hosts) each.requestUpdate();
    });
    documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
}

function unwatchDocumentLanguage(host: ReactiveControllerHost): void {
  hosts.delete(host);
  if (hosts.size === 0) {
    documentObserver?.disconnect();
    documentObserver = undefined;
  }
}

/** How often an element that shows relative times (“5 minutes ago”) renders again to keep them true. */
export const RELATIVE_TIME_REFRESH_MS = 60_000;

/**
 * Gives an element a {@link Localizer} for its current locale (resolved by `resolve` on each use).
 * `pending()` tells the element to wait for the strings it needs (its namespaces in its language and
 * in English) before rendering; keys of other namespaces met while rendering are loaded on demand.
 * Re-renders when strings arrive or are registered, when `<html lang>` changes, and a minute after
 * it last wrote a relative time (with a new localizer, so that parts given it as a property render
 * again too).
 */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #resolve: () => LocaleSettings;
  readonly #namespaces: Set<string>;
  #localizer: Localizer | undefined;
  #key = '';
  #stop: (() => void) | undefined;
  #refresh: ReturnType<typeof setTimeout> | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, resolve: () => LocaleSettings, namespaces: readonly string[] = []) {
    this.#host = host;
    this.#resolve = resolve;
    this.#namespaces = new Set(namespaces);
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#stop = onCatalogueChange(() => this.#host.requestUpdate());
    watchDocumentLanguage(this.#host);
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop?.();
    unwatchDocumentLanguage(this.#host);
    clearTimeout(this.#refresh);
    this.#refresh = undefined;
  }

  /** A promise while the strings for the current locale are loading, otherwise undefined. */
  pending(): Promise<unknown> | undefined {
    const { locale } = this.#resolve();
    const namespaces = [...this.#namespaces];
    return isLocaleLoaded(locale, namespaces) ? undefined : loadLocale(locale, namespaces);
  }

  /** The localizer for the locale in force now. */
  get localizer(): Localizer {
    const { locale, timeZone } = this.#resolve();
    const key = `${locale}|${timeZone ?? ''}`;
    if (!this.#localizer || this.#key !== key) {
      this.#key = key;
      const localizer = createLocalizer(locale, { timeZone, onMissing: (missing) => this.#need(namespaceOf(missing)) });
      this.#localizer = {
        ...localizer,
        relativeTime: (value, now) => {
          this.#refreshRelativeTimes();
          return localizer.relativeTime(value, now);
        },
      };
    }
    return this.#localizer;
  }

  #refreshRelativeTimes(): void {
    if (this.#refresh !== undefined || !this.#connected) return;
    this.#refresh = setTimeout(() => {
      this.#refresh = undefined;
      this.#localizer = undefined;
      this.#host.requestUpdate();
    }, RELATIVE_TIME_REFRESH_MS);
  }

  #need(namespace: string): void {
    if (this.#namespaces.has(namespace)) return;
    this.#namespaces.add(namespace);
    void loadLocale(this.#resolve().locale, [namespace]);
  }
}
