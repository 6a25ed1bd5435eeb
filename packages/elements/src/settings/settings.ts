import { brandingEndpoints, canSeeSection, meEndpoints, sections, visibleSections, type Me } from '@billingone/settings-core';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { BillingoneScopeElement } from '../base/scope-element.js';
import type { LocaleSettings } from '../context.js';
import { loadLocale, type MessageKey, type MessageParams } from '../i18n/localize.js';
import { namespacesOf } from '../i18n/messages.js';
import { StoreController } from '../controllers/store-controller.js';
import { BillingoneNavigateEvent } from '../events/navigate.js';
import { applyBranding, type BrandingColors } from '../theme/branding.js';
import { exportPartsValue } from '../ui/parts.js';
import { errorView, forbiddenView, loadingView, notFoundView } from '../ui/status.js';
import { isBuiltInSection, sectionLabelKeys, sectionLoaders, sectionTags, type SectionLoader, type ShellSection } from './sections.js';
import { settingsStyles } from './settings.styles.js';
import { resolveAssetUrl } from '../ui/asset-url.js';

type LoadState = 'loading' | 'ready' | 'error';

interface NavItem {
  readonly name: string;
  readonly builtIn: boolean;
}

type Active =
  | { readonly kind: 'built-in'; readonly name: ShellSection }
  | { readonly kind: 'page'; readonly name: string }
  | { readonly kind: 'forbidden'; readonly name: string }
  | { readonly kind: 'not-found'; readonly name: string };

const pageSlot = /^(nav|page)-([a-z0-9][a-z0-9-]*)$/;

const listConverter = {
  fromAttribute: (value: string | null) => (value === null ? undefined : value.split(/[\s,]+/).filter(Boolean)),
  toAttribute: (value: readonly string[] | undefined) => value?.join(' '),
};

/**
 * The settings area: a sidebar of the sections the signed-in member may see and one section at a time.
 *
 * ```html
 * <billingone-settings base-url="https://settings.example.com" section="team"></billingone-settings>
 * ```
 *
 * - Sections come from the member's role (`GET /v1/me`); `sections` narrows and orders the built-in ones.
 * - `section` chooses the section shown (deep links: set it from the URL). Choosing a section in the
 *   navigation fires a cancelable `billingone-navigate`; unless it is cancelled the shell switches and
 *   updates `section`.
 * - Host pages join the navigation through named slots: an element with `slot="nav-<name>"` is the
 *   navigation label and one with `slot="page-<name>"` the page (names are lowercase, digits and
 *   hyphens, and may appear in `sections` to set their place).
 * - Each section's code is loaded when it is first shown.
 * - When the organization requires MFA and the member has none, only `<billingone-mfa-enrollment>` shows.
 * - The organization's colours are applied as tokens; a host rule on this element still wins.
 * - Below a container width of 44rem the sidebar collapses into a menu button.
 *
 * @summary The settings shell: navigation, one section at a time, branding, MFA gate.
 * @tagname billingone-settings
 *
 * @slot nav-<name> - Navigation label of a host page called `<name>` (e.g. `slot="nav-billing"`).
 * @slot page-<name> - Content of the host page called `<name>`, shown when `section` is `<name>`.
 *
 * @csspart base - The grid holding the sidebar and the content.
 * @csspart sidebar - The sidebar (organization, menu button, navigation).
 * @csspart header - The organization's logo and name.
 * @csspart menu-button - The button that opens the navigation in narrow containers.
 * @csspart nav - The navigation landmark.
 * @csspart nav-item - Each navigation button (the current one has `aria-current="page"`).
 * @csspart body - The area showing the current section.
 * @csspart section - The current section's element; its own parts are re-exported under their names.
 * @csspart status - Loading, error, forbidden and not-found states.
 *
 * @cssprop [--billingone-settings-sidebar-width=var(--billingone-sidebar-width)] - Width of the sidebar.
 * @cssprop [--billingone-color-primary=#1d4ed8] - Primary colour (set by the organization's branding unless the host sets it on this element).
 *
 * @fires {BillingoneNavigateEvent} billingone-navigate - The user chose a section (`detail.section`). Cancelable.
 * @fires {BillingoneSavedEvent} billingone-saved - Bubbles from the section shown: the user saved a change.
 * @fires {BillingoneErrorEvent} billingone-error - Bubbles from the section shown: an action failed.
 * @fires {BillingoneSignedOutEvent} billingone-signed-out - Bubbles from the sessions section: this device was signed out.
 * @fires {BillingoneMfaEnrolledEvent} billingone-mfa-enrolled - The member enrolled MFA (security section or the enrolment gate).
 * @fires {BillingoneIntegrationConnectedEvent} billingone-integration-connected - Bubbles from the integrations section.
 */
export class BillingoneSettings extends BillingoneScopeElement {
  static override styles = [BillingoneScopeElement.styles, settingsStyles];

  static override properties: PropertyDeclarations = {
    section: { type: String, reflect: true },
    sections: { converter: listConverter },
    loaders: { attribute: false },
    _menuOpen: { state: true },
  };

  /** The section shown (a built-in section name or a host page name); the first one when empty. */
  declare section: string | undefined;
  /** Built-in sections to offer, in order (attribute: names separated by spaces or commas). All the member may see when unset. */
  declare sections: string[] | undefined;
  /** Replaces how some built-in sections' code is loaded (e.g. `{ team: () => import('./my-team.js') }`). */
  declare loaders: Partial<Record<ShellSection, SectionLoader>> | undefined;
  /** @internal Whether the collapsed navigation is open. */
  declare _menuOpen: boolean;

  readonly #me = new StoreController(this, () => this.stores?.resource(meEndpoints.get));
  readonly #branding = new StoreController(this, () => this.stores?.resource(brandingEndpoints.get), { load: false });
  readonly #loadStates = new Map<ShellSection, LoadState>();
  readonly #elements = new Map<ShellSection, HTMLElement>();
  readonly #warned = new Set<string>();
  #pages: { nav: Set<string>; page: Set<string> } = { nav: new Set(), page: new Set() };
  #brandingKey = '';
  readonly #tr = (key: MessageKey, params?: MessageParams): string => this.t(key, params);
  #observer: MutationObserver | undefined;

  constructor() {
    super();
    this._menuOpen = false;
    this.addEventListener('billingone-mfa-enrolled', () => void this.#reloadMe().catch(() => undefined));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readPages();
    this.#observer = new MutationObserver(() => {
      if (this.#readPages()) this.requestUpdate();
    });
    this.#observer.observe(this, { childList: true, subtree: false, attributes: true, attributeFilter: ['slot'], attributeOldValue: false });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
  }

  /** Reads the host pages from the slotted children; returns whether they changed. */
  #readPages(): boolean {
    const nav = new Set<string>();
    const page = new Set<string>();
    for (const child of this.children) {
      const match = pageSlot.exec(child.slot);
      if (!match) continue;
      const [, kind, name] = match as unknown as [string, 'nav' | 'page', string];
      if (isBuiltInSection(name) || name === 'mfa-enrollment') {
        this.#warnOnce(`page:${name}`, `"${name}" is a built-in section; rename the host page in slot="${child.slot}".`);
        continue;
      }
      (kind === 'nav' ? nav : page).add(name);
    }
    const same = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));
    const changed = !same(nav, this.#pages.nav) || !same(page, this.#pages.page);
    this.#pages = { nav, page };
    return changed;
  }

  #reloadMe(): Promise<unknown> {
    return this.#me.store?.load({ force: true }) ?? Promise.resolve();
  }

  #warnOnce(key: string, message: string): void {
    if (this.#warned.has(key)) return;
    this.#warned.add(key);
    console.warn(`<billingone-settings>: ${message}`);
  }

  get #meData(): Me | undefined {
    return this.#me.state?.data;
  }

  protected override resolveLocale(): LocaleSettings {
    const me = this.#meData;
    const base = super.resolveLocale();
    return {
      locale: this.locale || me?.member.locale || base.locale,
      timeZone: me?.member.timeZone ?? base.timeZone,
    };
  }

  /** The navigation: built-in sections the member may see (narrowed and ordered by `sections`), then host pages. */
  #navItems(me: Me): NavItem[] {
    const visible = visibleSections(me) as string[];
    const pages = [...this.#pages.nav];
    if (!this.sections) {
      return [...visible.map((name) => ({ name, builtIn: true })), ...pages.map((name) => ({ name, builtIn: false }))];
    }
    const items: NavItem[] = [];
    for (const name of this.sections) {
      if (visible.includes(name)) items.push({ name, builtIn: true });
      else if (this.#pages.nav.has(name)) items.push({ name, builtIn: false });
    }
    for (const name of pages) if (!this.sections.includes(name)) items.push({ name, builtIn: false });
    return items;
  }

  #active(me: Me, items: NavItem[]): Active | undefined {
    const requested = this.section?.trim();
    if (!requested) {
      const first = items[0];
      if (!first) return undefined;
      return first.builtIn ? { kind: 'built-in', name: first.name as ShellSection } : { kind: 'page', name: first.name };
    }
    if (isBuiltInSection(requested)) {
      if (!canSeeSection(me, requested)) return { kind: 'forbidden', name: requested };
      if (this.sections && !this.sections.includes(requested)) return { kind: 'not-found', name: requested };
      return { kind: 'built-in', name: requested };
    }
    if (this.#pages.page.has(requested)) return { kind: 'page', name: requested };
    return { kind: 'not-found', name: requested };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('sections') && this.sections) {
      for (const name of this.sections) {
        if (!isBuiltInSection(name) && !pageSlot.test(`page-${name}`)) {
          this.#warnOnce(
            `sections:${name}`,
            `"${name}" in sections is neither a built-in section (${sections.join(', ')}) nor a host page name (lowercase letters, digits and hyphens).`,
          );
        }
      }
    }
    const me = this.#meData;
    if (!me) return;
    if (me.mfa.enrollmentRequired) {
      this.#ensureLoaded('mfa-enrollment');
      return;
    }
    const active = this.#active(me, this.#navItems(me));
    if (active?.kind === 'built-in') this.#ensureLoaded(active.name);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#applyBranding();
  }

  #applyBranding(): void {
    const me = this.#meData;
    const fromStore = this.#branding.state?.data;
    const colors: BrandingColors | undefined = fromStore ?? me?.organization.branding;
    const key = `${colors?.primaryColor ?? ''}|${colors?.accentColor ?? ''}`;
    if (key === this.#brandingKey) return;
    this.#brandingKey = key;
    applyBranding(this, colors);
  }

  #ensureLoaded(name: ShellSection): void {
    if (this.#loadStates.has(name)) return;
    const tag = sectionTags[name];
    if (customElements.get(tag)) {
      this.#loadStates.set(name, 'ready');
      return;
    }
    this.#loadStates.set(name, 'loading');
    const load = this.loaders?.[name] ?? sectionLoaders[name];
    // The section's strings download alongside its code.
    void loadLocale(this.localizer.locale, namespacesOf(tag));
    Promise.resolve()
      .then(load)
      .then(() => {
        if (!customElements.get(tag)) throw new Error(`loading the "${name}" section did not define <${tag}>.`);
        this.#loadStates.set(name, 'ready');
      })
      .catch((error: unknown) => {
        console.error(`<billingone-settings>: the "${name}" section could not be loaded.`, error);
        this.#loadStates.set(name, 'error');
      })
      .finally(() => this.requestUpdate());
  }

  #retrySection(name: ShellSection): void {
    this.#loadStates.delete(name);
    this.requestUpdate();
  }

  #sectionElement(name: ShellSection): HTMLElement {
    let element = this.#elements.get(name);
    if (!element) {
      element = document.createElement(sectionTags[name]);
      element.setAttribute('part', 'section');
      element.setAttribute('exportparts', exportPartsValue);
      this.#elements.set(name, element);
    }
    return element;
  }

  #label(item: NavItem): TemplateResult | string {
    return item.builtIn ? this.t(sectionLabelKeys[item.name as ShellSection]) : html`<slot name="nav-${item.name}"></slot>`;
  }

  #labelText(name: string): string {
    if (isBuiltInSection(name)) return this.t(sectionLabelKeys[name]);
    const label = this.querySelector(`:scope > [slot="nav-${CSS.escape(name)}"]`);
    return label?.textContent?.trim() || name;
  }

  async #choose(name: string): Promise<void> {
    const narrow = this.#isNarrow();
    if (this._menuOpen) this._menuOpen = false;
    if (narrow) this.#focusMenuButton();
    if (name === this.#currentName()) return;
    const event = await this.emit(new BillingoneNavigateEvent({ section: name }));
    if (event.defaultPrevented) return;
    this.section = name;
    this.announce(this.t('shell.opened', { section: this.#labelText(name) }));
  }

  #currentName(): string | undefined {
    const me = this.#meData;
    return me ? this.#active(me, this.#navItems(me))?.name : undefined;
  }

  #isNarrow(): boolean {
    const toggle = this.renderRoot.querySelector<HTMLElement>('.menu-toggle');
    return !!toggle && getComputedStyle(toggle).display !== 'none';
  }

  async #focusMenuButton(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.menu-toggle')?.focus();
  }

  #toggleMenu(): void {
    this._menuOpen = !this._menuOpen;
  }

  #onNavKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this._menuOpen) {
      event.stopPropagation();
      this._menuOpen = false;
      void this.#focusMenuButton();
    }
  }

  protected override render(): TemplateResult {
    if (this.configurationError) {
      return html`<div part="base" class="shell-gate">${errorView(this.#tr, { error: this.configurationError, message: this.configurationError.message })}</div>`;
    }
    const state = this.#me.state;
    const me = state?.data;
    // A failed reload keeps what was shown; only a failed first load replaces the settings.
    if (!me && state?.status === 'error') {
      return html`<div part="base" class="shell-gate">
        ${errorView(this.#tr, {
          title: this.t('shell.error.title'),
          error: state?.error,
          onRetry: () => void this.#reloadMe().catch(() => undefined),
        })}
      </div>`;
    }
    if (!me) return html`<div part="base" class="shell-gate">${loadingView(this.#tr, this.t('shell.loading'))}</div>`;
    if (me.mfa.enrollmentRequired) {
      return html`<div part="base" class="shell-gate">${this.#renderSection('mfa-enrollment')}</div>`;
    }
    const items = this.#navItems(me);
    const active = this.#active(me, items);
    const current = active && (active.kind === 'built-in' || active.kind === 'page') ? active.name : undefined;
    const logo = this.#logoUrl(me);
    return html`
      <div part="base" class="shell">
        <div class="sidebar" part="sidebar">
          <div class="org" part="header">
            ${logo ? html`<img src=${logo} alt="" @error=${(e: Event) => ((e.currentTarget as HTMLElement).hidden = true)} />` : nothing}
            <span>${me.organization.name}</span>
          </div>
          <button
            type="button"
            class="button menu-toggle"
            part="menu-button"
            aria-expanded=${this._menuOpen ? 'true' : 'false'}
            aria-controls="billingone-settings-nav"
            @click=${this.#toggleMenu}
          >
            ${current ? this.t('shell.menu.current', { section: this.#labelText(current) }) : this.t('shell.menu.button')}
          </button>
          <nav
            id="billingone-settings-nav"
            class="nav ${this._menuOpen ? 'nav-open' : ''}"
            part="nav"
            aria-label=${this.t('shell.nav.label')}
            @keydown=${this.#onNavKeydown}
          >
            <ul role="list">
              ${items.map(
                (item) => html`<li>
                  <button
                    type="button"
                    class="nav-item"
                    part="nav-item"
                    data-section=${item.name}
                    aria-current=${item.name === current ? 'page' : nothing}
                    @click=${() => void this.#choose(item.name)}
                  >
                    ${this.#label(item)}
                  </button>
                </li>`,
              )}
            </ul>
          </nav>
        </div>
        <div class="content" part="body">${this.#renderActive(active)}</div>
      </div>
    `;
  }

  #renderActive(active: Active | undefined): unknown {
    const t = this.#tr;
    if (!active) return notFoundView(t, this.section ?? '');
    switch (active.kind) {
      case 'built-in':
        return this.#renderSection(active.name);
      case 'page':
        return html`<slot name="page-${active.name}"></slot>`;
      case 'forbidden':
        return forbiddenView(t);
      case 'not-found':
        return notFoundView(t, active.name);
    }
  }

  #renderSection(name: ShellSection): unknown {
    const t = this.#tr;
    const state = this.#loadStates.get(name);
    if (state === 'ready') return this.#sectionElement(name);
    if (state === 'error') {
      return errorView(t, {
        title: this.t('shell.sectionError.title'),
        message: this.t('shell.sectionError.body'),
        onRetry: () => this.#retrySection(name),
      });
    }
    return loadingView(t);
  }

  #logoUrl(me: Me): string | undefined {
    const url = this.#branding.state?.data?.logoUrl ?? me.organization.branding.logoUrl;
    return url ? resolveAssetUrl(url, this.settingsClient?.baseUrl) : undefined;
  }
}
