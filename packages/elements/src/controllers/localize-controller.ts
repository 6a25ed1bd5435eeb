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

/**
 * Gives an element a {@link Localizer} for its current locale (resolved by `resolve` on each use).
 * `pending()` tells the element to wait for the strings it needs (its namespaces in its language and
 * in English) before rendering; keys of other namespaces met while rendering are loaded on demand.
 * Re-renders when strings arrive or are registered, and when `<html lang>` changes.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #resolve: () => LocaleSettings;
  readonly #namespaces: Set<string>;
  #localizer: Localizer | undefined;
  #key = '';
  #stop: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, resolve: () => LocaleSettings, namespaces: readonly string[] = []) {
    this.#host = host;
    this.#resolve = resolve;
    this.#namespaces = new Set(namespaces);
    host.addController(this);
  }

  hostConnected(): void {
    this.#stop = onCatalogueChange(() => this.#host.requestUpdate());
    watchDocumentLanguage(this.#host);
  }

  hostDisconnected(): void {
    this.#stop?.();
    unwatchDocumentLanguage(this.#host);
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
      this.#localizer = createLocalizer(locale, { timeZone, onMissing: (missing) => this.#need(namespaceOf(missing)) });
    }
    return this.#localizer;
  }

  #need(namespace: string): void {
    if (this.#namespaces.has(namespace)) return;
    this.#namespaces.add(namespace);
    void loadLocale(this.#resolve().locale, [namespace]);
  }
}
