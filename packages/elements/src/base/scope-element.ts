import { ContextProvider } from '@lit/context';
import { createSettingsClient, type SettingsClientOptions } from '@billingone/settings-core';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { clientContext, localeContext, storesContext, type LocaleSettings, type SettingsClient, type SettingsStores } from '../context.js';
import { BillingoneElement } from './billingone-element.js';
import { storesFor } from './stores.js';

/** Bearer mode: returns the embed token (called before requests, and with `{ forceRefresh: true }` after a 401). */
export type GetToken = NonNullable<SettingsClientOptions['getToken']>;
export type { SettingsClientOptions };

/**
 * The absolute API origin (and optional path prefix, without a trailing slash) for a `base-url`
 * attribute; empty or missing means the page's own origin.
 */
export function resolveBaseUrl(baseUrl: string | undefined, base: string = document.baseURI): string {
  let url: URL;
  try {
    url = new URL(baseUrl?.trim() || '/', base);
  } catch {
    throw new TypeError(`base-url must be a URL such as "https://settings.example.com" or "/", got ${JSON.stringify(baseUrl)}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`base-url must be an http(s) URL, got ${JSON.stringify(baseUrl)}.`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * An element that owns a client: from its `client` property, or created from `base-url` (and
 * `getToken` for bearer mode), or else the one of an enclosing scope, or one for the page's origin.
 * It provides the client, its stores and its locale to every element inside it through context.
 */
export class BillingoneScopeElement extends BillingoneElement {
  static override properties: PropertyDeclarations = {
    baseUrl: { type: String, attribute: 'base-url' },
    getToken: { attribute: false },
  };

  /** Origin of the Settings API (the client appends `/v1`); the page's origin when empty. Ignored when `client` is set. */
  declare baseUrl: string | undefined;
  /** Bearer mode: a function returning a short-lived embed token (see core's `createSettingsClient`). Ignored when `client` is set. */
  declare getToken: GetToken | undefined;

  readonly #clientProvider = new ContextProvider(this, { context: clientContext });
  readonly #storesProvider = new ContextProvider(this, { context: storesContext });
  readonly #localeProvider = new ContextProvider(this, { context: localeContext });
  #own: { baseUrl: string; getToken: GetToken | undefined; client: SettingsClient } | undefined;
  /** Why no client could be made (an invalid `base-url`), shown by subclasses. */
  protected configurationError: Error | undefined;

  /** The client enclosing scopes provide, if any. */
  protected get outerClient(): SettingsClient | undefined {
    return this.client ? undefined : super.settingsClient;
  }

  override get settingsClient(): SettingsClient | undefined {
    if (this.client) return this.client;
    const outer = this.outerClient;
    if (outer && this.baseUrl === undefined && this.getToken === undefined) return outer;
    return this.#ownClient();
  }

  override get stores(): SettingsStores | undefined {
    const client = this.settingsClient;
    if (!client) return undefined;
    return client === this.outerClient ? super.stores : storesFor(client);
  }

  #ownClient(): SettingsClient | undefined {
    let baseUrl: string;
    try {
      baseUrl = resolveBaseUrl(this.baseUrl);
      this.configurationError = undefined;
    } catch (error) {
      this.configurationError = error as Error;
      return undefined;
    }
    const own = this.#own;
    if (own && own.baseUrl === baseUrl && own.getToken === this.getToken) return own.client;
    const client = createSettingsClient(this.getToken ? { baseUrl, getToken: this.getToken } : { baseUrl });
    this.#own = { baseUrl, getToken: this.getToken, client };
    return client;
  }

  /** The locale settings handed to the elements inside. */
  protected localeForDescendants(): LocaleSettings {
    return { locale: this.localizer.locale, timeZone: this.localizer.timeZone };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const client = this.settingsClient;
    if (this.configurationError && changed.has('baseUrl')) console.error(`<${this.localName}>: ${this.configurationError.message}`);
    this.#clientProvider.setValue(client);
    this.#storesProvider.setValue(client ? this.stores : undefined);
    const locale = this.localeForDescendants();
    const current = this.#localeProvider.value;
    if (current?.locale !== locale.locale || current?.timeZone !== locale.timeZone) this.#localeProvider.setValue(locale);
  }
}
