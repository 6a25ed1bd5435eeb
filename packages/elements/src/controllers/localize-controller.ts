import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LocaleSettings } from '../context.js';
import { createLocalizer, isLocaleLoaded, loadLocale, onCatalogueChange, type Localizer } from '../i18n/localize.js';

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
 * Gives an element a {@link Localizer} for its current locale (resolved by `resolve` on each use),
 * loads the catalogue of a shipped language on first use and re-renders when it arrives, when
 * a catalogue is registered, or when `<html lang>` changes.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #resolve: () => LocaleSettings;
  #localizer: Localizer | undefined;
  #key = '';
  #stop: (() => void) | undefined;

  constructor(host: ReactiveControllerHost, resolve: () => LocaleSettings) {
    this.#host = host;
    this.#resolve = resolve;
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

  /** The localizer for the locale in force now. */
  get localizer(): Localizer {
    const { locale, timeZone } = this.#resolve();
    const key = `${locale}|${timeZone ?? ''}`;
    if (!this.#localizer || this.#key !== key) {
      this.#key = key;
      this.#localizer = createLocalizer(locale, { timeZone });
      if (!isLocaleLoaded(this.#localizer.locale)) {
        void loadLocale(this.#localizer.locale).then((loaded) => loaded && this.#host.requestUpdate());
      }
    }
    return this.#localizer!;
  }
}
