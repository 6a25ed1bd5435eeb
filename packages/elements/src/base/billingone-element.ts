import { ContextConsumer } from '@lit/context';
import { LitElement, type CSSResultGroup, type PropertyDeclarations, type PropertyValues } from 'lit';
import { clientContext, localeContext, storesContext, type LocaleSettings, type SettingsClient, type SettingsStores } from '../context.js';
import { AnnouncerController, type Politeness } from '../controllers/announcer.js';
import { FocusKeeper } from '../controllers/focus-keeper.js';
import { LocalizeController } from '../controllers/localize-controller.js';
import type { Localizer, MessageKey, MessageParams } from '../i18n/localize.js';
import { namespacesOf } from '../i18n/messages.js';
import { hostStyles, sharedStyles } from '../theme/shared.styles.js';
import { registerTokens } from '../theme/tokens.js';
import { storesFor } from './stores.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * Base class of every BillingOne settings element.
 *
 * - Client and stores: the `client` property (standalone use), else the client and stores provided by
 *   an enclosing `<billingone-provider>` or `<billingone-settings>` through context.
 * - Locale: the `locale` property, else the provider's locale, else the nearest `lang` attribute,
 *   `<html lang>`, the browser's language, English. `lang` and `dir` (right-to-left for Arabic, Hebrew,
 *   Persian, Urdu) are set on the element to match.
 * - Theme: `theme="light|dark|auto"`; without it the element follows its surroundings.
 * - `t()` and `localizer` for strings, dates and numbers; `announce()` for the live region;
 *   `emit()` to fire events after the current render.
 * - Focus: a control that a render disables or removes while it has focus does not drop focus to
 *   the page (see `FocusKeeper`).
 *
 * Subclasses declare `static styles = [BillingoneElement.styles, own]` and their own `static properties`.
 */
export class BillingoneElement extends LitElement {
  static override styles: CSSResultGroup = [hostStyles, sharedStyles];

  static override properties: PropertyDeclarations = {
    locale: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    client: { attribute: false },
  };

  /** BCP 47 locale of the element's strings, dates and numbers (e.g. `fr`, `en-GB`, `ar`). */
  declare locale: string | undefined;
  /** Colour theme: `light`, `dark` or `auto` (follows the operating system). Inherited from the surroundings when unset. */
  declare theme: Theme | undefined;
  /** A Settings API client (core's `createSettingsClient`) for standalone use, outside a provider. */
  declare client: SettingsClient | undefined;

  readonly #clientContext = new ContextConsumer(this, { context: clientContext, subscribe: true });
  readonly #storesContext = new ContextConsumer(this, { context: storesContext, subscribe: true });
  readonly #localeContext = new ContextConsumer(this, { context: localeContext, subscribe: true });
  readonly #localize = new LocalizeController(this, () => this.resolveLocale(), namespacesOf(this.localName));
  readonly #announcer = new AnnouncerController(this);

  constructor() {
    super();
    // Keyboard focus stays in the element when a render disables or removes the focused control.
    new FocusKeeper(this);
  }

  override connectedCallback(): void {
    registerTokens();
    super.connectedCallback();
  }

  /** The client in use: the `client` property, else the provided one. */
  get settingsClient(): SettingsClient | undefined {
    return this.client ?? this.#clientContext.value;
  }

  /** The stores in use: those of the `client` property, else the provided ones. */
  get stores(): SettingsStores | undefined {
    if (this.client) return storesFor(this.client);
    const provided = this.#storesContext.value;
    if (provided) return provided;
    const client = this.#clientContext.value;
    return client ? storesFor(client) : undefined;
  }

  /** Strings, dates, numbers and money in the element's locale. */
  get localizer(): Localizer {
    return this.#localize.localizer;
  }

  /** A catalogue string in the element's locale. */
  t(key: MessageKey, params?: MessageParams): string {
    return this.#localize.localizer.t(key, params);
  }

  /** Locale settings provided by an enclosing provider or shell. */
  protected providedLocale(): LocaleSettings | undefined {
    return this.#localeContext.value;
  }

  /** The locale (and time zone) in force, following the order described on the class. */
  protected resolveLocale(): LocaleSettings {
    const provided = this.providedLocale();
    const parent = this.parentNode instanceof Element ? this.parentNode.closest<HTMLElement>('[lang]') : null;
    const locale =
      this.locale ||
      provided?.locale ||
      parent?.lang ||
      document.documentElement.lang ||
      (typeof navigator === 'undefined' ? '' : navigator.language) ||
      'en';
    return { locale, timeZone: provided?.timeZone };
  }

  /** Waits, before rendering, for the strings the element needs in its locale (first render, locale changes). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const strings = this.#localize.pending();
    return strings ? strings.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const { locale, dir } = this.localizer;
    if (this.getAttribute('lang') !== locale) this.setAttribute('lang', locale);
    if (this.getAttribute('dir') !== dir) this.setAttribute('dir', dir);
  }

  /** Tells assistive technology about a result through the element's live region. */
  protected announce(message: string, politeness: Politeness = 'polite'): void {
    this.#announcer.announce(message, politeness);
  }

  /** Dispatches a domain event once the current render is done; resolves with the event (check `defaultPrevented`). */
  protected async emit<E extends Event>(event: E): Promise<E> {
    await this.updateComplete;
    this.dispatchEvent(event);
    return event;
  }
}
