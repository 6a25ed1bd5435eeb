import {
  can,
  integrationEndpoints,
  meEndpoints,
  type Integration,
  type PagedStore,
  type PageFilter,
  type Pax8FormState,
  type Provider,
  type SyncRun,
  type XeroCallbackParams,
  type XeroConnectMode,
} from '@billingone/settings-core';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { BillingoneElement } from '../base/billingone-element.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { focusAfterUpdate } from '../controllers/focus.js';
import { StoreController } from '../controllers/store-controller.js';
import { BillingoneErrorEvent } from '../events/error.js';
import { BillingoneIntegrationConnectedEvent, BillingoneIntegrationDisconnectedEvent } from '../events/integration-connected.js';
import { BillingoneOAuthRedirectEvent } from '../events/oauth-redirect.js';
import { BillingoneSavedEvent } from '../events/saved.js';
import type { MessageKey, MessageParams } from '../i18n/localize.js';
import { describeError, hasStatus, isAbort } from '../ui/errors.js';
import { formErrorView } from '../ui/field.js';
import { sectionHeader } from '../ui/section.js';
import { errorView, forbiddenView, loadingView } from '../ui/status.js';
import { integrationFacts, statusBadge } from './card.js';
import { integrationsStyles } from './integrations.styles.js';
import { MappingsController } from './mappings-controller.js';
import { mappingsView } from './mappings-view.js';
import { Pax8ConfigureController } from './pax8-configure-controller.js';
import { pax8Form } from './pax8-form.js';
import { syncHistory } from './sync-history.js';
import { providerNames, type ViewContext } from './view-context.js';
import { currentPageUrl, takeXeroCallbackFromLocation, XeroConnectController } from './xero-connect-controller.js';
import { xeroConnectView } from './xero-connect-view.js';

const providers: readonly Provider[] = ['pax8', 'xero'];

type SyncRunsStore = PagedStore<SyncRun, PageFilter<typeof integrationEndpoints.syncRuns>>;

/**
 * Pax8 and Xero: status, last and next sync, record counts, sync history, and, for members whose
 * role may manage integrations (Owner, Admin, Finance), configuring Pax8 credentials, connecting
 * Xero, syncing now, disconnecting, and mapping Pax8 companies to BillingOne clients. Everyone else
 * sees the same cards read-only.
 *
 * Pax8: Configure → Client ID and Client secret → Test connection → Save. The stored secret is never
 * shown (only `••••1234`); “Replace” opens an empty field, and the secret changes only when a new one
 * is typed. Save is possible once the values on screen passed a test.
 *
 * Xero (OAuth 2.0): by default the page leaves for Xero's consent page and Xero sends the browser back
 * (through the API's return page) to `xero-return-to` (default: the current page) with `code` and
 * `state` in the URL; the element finishes the connection when it loads there (only for an attempt this
 * tab started: other `code`/`state` parameters are left alone) and removes them from the address bar.
 * Before leaving it fires a cancelable `billingone-oauth-redirect`: cancel it to navigate yourself.
 * With `xero-mode="popup"` the consent page opens in a popup instead (a blocked popup falls back to the
 * redirect). When the Xero login covers several organisations, the member picks one.
 *
 * @summary Pax8 and Xero integrations: status, configuration, sync, history and company mapping.
 * @tagname billingone-integrations
 *
 * @csspart base - The section.
 * @csspart header - The section's heading and introduction.
 * @csspart title - Headings.
 * @csspart card - Each provider's card and the mapping card.
 * @csspart section - The mapping card.
 * @csspart badge - Status badges.
 * @csspart form - The Pax8 credentials form, the Xero organisation choice, the mapping save bar.
 * @csspart field - A labelled field.
 * @csspart label - Field labels.
 * @csspart input - Inputs and selects.
 * @csspart hint - Field hints.
 * @csspart error - Field and form errors.
 * @csspart button - Every button.
 * @csspart primary-button - The main action of a form or card.
 * @csspart danger-button - Disconnect buttons.
 * @csspart table - The sync history and mapping tables.
 * @csspart row - Their rows.
 * @csspart dialog - The disconnect confirmation.
 * @csspart status - Loading, empty, error and forbidden states.
 *
 * @cssprop [--billingone-integrations-card-gap=var(--billingone-space-xl)] - Space between the cards.
 *
 * @fires {BillingoneSavedEvent} billingone-saved - Pax8 credentials saved, Xero connected, an integration disconnected, or company mappings saved (`detail.section` is `integrations`, `detail.resource` is `pax8`, `xero` or `mappings`).
 * @fires {BillingoneIntegrationConnectedEvent} billingone-integration-connected - Pax8 credentials were saved or Xero was authorised (`detail.provider`).
 * @fires {BillingoneIntegrationDisconnectedEvent} billingone-integration-disconnected - The member disconnected an integration (`detail.provider`).
 * @fires {BillingoneErrorEvent} billingone-error - A user action failed (a sync, a disconnection, saving credentials or mappings, connecting Xero); the element shows it too (`detail.section` is `integrations`).
 * @fires {BillingoneOAuthRedirectEvent} billingone-oauth-redirect - The page is about to leave for Xero's consent page (`detail.url`). Cancelable: cancel it to navigate yourself.
 */
export class BillingoneIntegrations extends BillingoneElement {
  static override styles = [BillingoneElement.styles, integrationsStyles];

  static override properties: PropertyDeclarations = {
    xeroMode: { type: String, attribute: 'xero-mode', reflect: true },
    xeroReturnTo: { type: String, attribute: 'xero-return-to' },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    _openHistory: { state: true },
    _tenantChoice: { state: true },
  };

  /** How Xero's consent page opens: `redirect` (default: the page leaves and comes back) or `popup`. */
  declare xeroMode: XeroConnectMode;
  /** The page Xero returns to in redirect mode (absolute URL, same origin as the API or an embedding origin); default: the current page. */
  declare xeroReturnTo: string | undefined;
  /** Milliseconds between status checks while a sync runs (default 2000). */
  declare pollInterval: number;
  /** @internal Providers whose sync history is expanded. */
  declare _openHistory: ReadonlySet<Provider>;
  /** @internal The Xero organisation ticked in the choice. */
  declare _tenantChoice: string | undefined;

  readonly #me = new StoreController(this, () => this.stores?.resource(meEndpoints.get));
  readonly #list = new StoreController(this, () => this.stores?.resource(integrationEndpoints.list));
  readonly #history: Record<Provider, StoreController<SyncRunsStore>>;
  readonly #historyStores = new Map<Provider, SyncRunsStore>();
  readonly #tr = (key: MessageKey, params?: MessageParams): string => this.t(key, params);
  readonly #confirm = new ConfirmController(this);
  readonly #pax8 = new Pax8ConfigureController(this, {
    client: () => this.settingsClient,
    onSaved: (integration) => void this.#connected(integration),
    onError: (error) => this.#failed(error),
  });
  readonly #xero = new XeroConnectController(this, {
    client: () => this.settingsClient,
    returnTo: () => this.xeroReturnTo || currentPageUrl(),
    beforeRedirect: async (url) => !(await this.emit(new BillingoneOAuthRedirectEvent({ provider: 'xero', url }))).defaultPrevented,
    onConnected: (integration) => void this.#connected(integration),
    onError: (error) => this.#failed(error),
  });
  readonly #mappings = new MappingsController(this, {
    client: () => this.settingsClient,
    onSaved: (count) => {
      this.announce(this.t('integrations.mappings.saved', { count }));
      void this.emit(new BillingoneSavedEvent({ section: 'integrations', resource: 'mappings' }));
    },
    onError: (error) => this.#failed(error),
  });
  /** Syncs started here and still running. */
  #syncing = new Set<Provider>();
  /** The last failed action (sync, disconnect) of each card. */
  #actionErrors = new Map<Provider, unknown>();
  #callback: XeroCallbackParams | undefined;
  #callbackChecked = false;
  #poll: ReturnType<typeof setTimeout> | undefined;
  #wasSyncing = new Set<Provider>();

  constructor() {
    super();
    this.xeroMode = 'redirect';
    this.pollInterval = 2000;
    this._openHistory = new Set();
    this._tenantChoice = undefined;
    this.#history = {
      pax8: new StoreController(this, () => this.#historyStore('pax8')),
      xero: new StoreController(this, () => this.#historyStore('xero')),
    };
  }

  /** The sync history of a provider, while it is expanded (created on first use). */
  #historyStore(provider: Provider): SyncRunsStore | undefined {
    const stores = this.stores;
    if (!this._openHistory.has(provider) || !stores) return undefined;
    let store = this.#historyStores.get(provider);
    if (!store) {
      store = stores.list(integrationEndpoints.syncRuns, { params: { provider }, pageSize: 10 });
      this.#historyStores.set(provider, store);
    }
    return store;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.#callbackChecked) {
      this.#callbackChecked = true;
      this.#callback = takeXeroCallbackFromLocation();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#poll);
    this.#poll = undefined;
  }

  get #view(): ViewContext {
    return { t: this.#tr, localizer: this.localizer, canManage: this.#canManage };
  }

  get #canManage(): boolean {
    return can(this.#me.state?.data, 'integrations.manage');
  }

  #integration(provider: Provider): Integration | undefined {
    return this.#list.state?.data?.items.find((item) => item.provider === provider);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const pax8 = this.#integration('pax8');
    if (this.#list.state?.data) this.#pax8.follow(pax8);
    if (pax8 && pax8.status !== 'not_configured') this.#mappings.ensureLoaded();
    else if (pax8 && this.#mappings.state.status !== 'idle') this.#mappings.clear();
    // Back from Xero: finish once a client is there (it may arrive later through context).
    if (this.#callback && this.settingsClient) {
      const params = this.#callback;
      this.#callback = undefined;
      void this.#resumeXero(params);
    }
    this.#watchSyncs();
  }

  /** While the API reports a sync running, checks again every `pollInterval` until it ends. */
  #watchSyncs(): void {
    const items = this.#list.state?.data?.items ?? [];
    const running = new Set(items.filter((item) => item.status === 'syncing').map((item) => item.provider));
    for (const provider of this.#wasSyncing) if (!running.has(provider) && !this.#syncing.has(provider)) this.#syncFinished(provider);
    this.#wasSyncing = running;
    if (running.size === 0 || this.#poll !== undefined || !this.isConnected || this.#list.state?.status === 'loading') return;
    this.#poll = setTimeout(() => {
      this.#poll = undefined;
      this.#list.refresh();
    }, this.pollInterval);
  }

  /** A sync ended: fresh history, and fresh mappings after a Pax8 sync. */
  #syncFinished(provider: Provider): void {
    this.stores?.invalidate(integrationEndpoints.syncRuns);
    if (provider === 'pax8' && this.#mappings.state.status !== 'idle') void this.#mappings.reload();
  }

  async #connected(integration: Integration): Promise<void> {
    const store = this.#list.store;
    const data = store?.getState().data;
    if (store && data) store.set({ items: data.items.map((item) => (item.provider === integration.provider ? integration : item)) });
    this.stores?.invalidate(integrationEndpoints.list);
    const provider = integration.provider;
    this.#actionErrors.delete(provider);
    this.announce(this.t('integrations.connected', { provider: providerNames[provider] }));
    if (provider === 'pax8') void this.#mappings.reload();
    await focusAfterUpdate(this, `#${provider}-result`);
    void this.emit(new BillingoneIntegrationConnectedEvent({ provider }));
    void this.emit(new BillingoneSavedEvent({ section: 'integrations', resource: provider }));
  }

  /**
   * A user action failed (the element shows it): tells the host. A 403 means the role changed
   * meanwhile, so the permissions are read again.
   */
  #failed(error: unknown): void {
    if (isAbort(error)) return;
    if (hasStatus(error, 403)) this.#me.refresh();
    if (error instanceof Error) void this.emit(new BillingoneErrorEvent({ section: 'integrations', error }));
  }

  async #syncNow(provider: Provider): Promise<void> {
    const stores = this.stores;
    if (!stores || this.#syncing.has(provider)) return;
    this.#syncing.add(provider);
    this.#actionErrors.delete(provider);
    // "Pax8 credentials saved." is old news once the member moves on to syncing.
    if (provider === 'pax8') this.#pax8.send({ type: 'dismiss' });
    this.announce(this.t('integrations.sync.started', { provider: providerNames[provider] }));
    this.requestUpdate();
    try {
      const run = await stores.mutate(integrationEndpoints.sync, { params: { provider } }, { invalidates: [integrationEndpoints.list] });
      const name = providerNames[provider];
      this.announce(
        run.status === 'failed'
          ? this.t('integrations.sync.failed', { provider: name, message: run.error?.message ?? '' })
          : run.status === 'running'
            ? this.t('integrations.sync.running', { provider: name })
            : this.t('integrations.sync.succeeded', { provider: name }),
      );
    } catch (error) {
      this.#actionErrors.set(provider, error);
      this.#failed(error);
      this.announce(describeError(error, this.#tr), 'assertive');
    } finally {
      this.#syncing.delete(provider);
      this.#syncFinished(provider);
      this.requestUpdate();
    }
  }

  async #disconnect(provider: Provider): Promise<void> {
    const name = providerNames[provider];
    const confirmed = await this.#confirm.ask({
      title: this.t('integrations.disconnect.title', { provider: name }),
      message: html`<p>${this.t(provider === 'pax8' ? 'integrations.disconnect.pax8' : 'integrations.disconnect.xero')}</p>`,
      confirmLabel: this.t('integrations.disconnect.confirm', { provider: name }),
      danger: true,
    });
    const stores = this.stores;
    if (!confirmed || !stores) return;
    this.#actionErrors.delete(provider);
    try {
      await stores.mutate(integrationEndpoints.disconnect, { params: { provider } }, { invalidates: [integrationEndpoints.list, integrationEndpoints.syncRuns] });
    } catch (error) {
      this.#actionErrors.set(provider, error);
      this.#failed(error);
      this.requestUpdate();
      return;
    }
    if (provider === 'pax8') this.#mappings.clear();
    else this.#xero.reset();
    this.announce(this.t('integrations.disconnected', { provider: name }));
    void this.emit(new BillingoneIntegrationDisconnectedEvent({ provider }));
    void this.emit(new BillingoneSavedEvent({ section: 'integrations', resource: provider }));
  }

  async #editPax8(): Promise<void> {
    this.#pax8.send({ type: 'edit' });
    await focusAfterUpdate(this, '#pax8-client-id');
  }

  async #afterPax8Test(): Promise<void> {
    await this.#pax8.test();
    const state = this.#pax8.state;
    if (state.kind === 'test_passed') {
      this.announce(this.t('integrations.pax8.test.passed', { count: state.companyCount }));
      return;
    }
    await this.#focusPax8Problem();
  }

  async #savePax8(): Promise<void> {
    await this.#pax8.save();
    if (this.#pax8.state.kind === 'editing') await this.#focusPax8Problem();
  }

  /** Moves focus to what the member has to fix after a failed test or save. */
  async #focusPax8Problem(): Promise<void> {
    await this.updateComplete;
    const root = this.renderRoot;
    const target =
      root.querySelector<HTMLElement>('.pax8-form [aria-invalid="true"]') ??
      // The stored secret was refused: its “Replace” button is where to act.
      root.querySelector<HTMLElement>('.pax8-form button[aria-describedby~="pax8-secret-error"]') ??
      root.querySelector<HTMLElement>('.pax8-form .form-error');
    target?.focus();
  }

  async #cancelPax8(): Promise<void> {
    this.#pax8.cancel();
    await focusAfterUpdate(this, '#pax8-configure');
  }

  #toggleHistory(provider: Provider): void {
    const next = new Set(this._openHistory);
    if (next.has(provider)) next.delete(provider);
    else next.add(provider);
    this._openHistory = next;
  }

  async #connectXero(): Promise<void> {
    this._tenantChoice = undefined;
    this.#actionErrors.delete('xero');
    await this.#xero.connect(this.xeroMode === 'popup' ? 'popup' : 'redirect');
    if (this.#xero.state.kind === 'choose_tenant') await this.#focusTenants();
  }

  /** Finishes a redirect back from Xero; with several organisations, focus goes to the choice. */
  async #resumeXero(params: Parameters<XeroConnectController['resume']>[0]): Promise<void> {
    await this.#xero.resume(params);
    if (this.#xero.state.kind === 'choose_tenant') await this.#focusTenants();
  }

  async #focusTenants(): Promise<void> {
    await focusAfterUpdate(this, 'input[name="xero-tenant"]');
  }

  #retry(): void {
    this.#me.refresh();
    this.#list.refresh();
  }

  protected override render(): TemplateResult {
    const me = this.#me.state;
    const list = this.#list.state;
    let body: unknown;
    const error = me?.status === 'error' ? me.error : list?.status === 'error' ? list.error : undefined;
    if (hasStatus(error, 403)) {
      body = forbiddenView(this.#tr);
    } else if (error) {
      body = errorView(this.#tr, { error, title: this.t('integrations.loadError'), onRetry: () => this.#retry() });
    } else if (!me?.data || !list?.data) {
      body = loadingView(this.#tr, this.t('integrations.loading'));
    } else {
      body = this.#content();
    }
    return html`
      <section class="stack" part="base" aria-labelledby="integrations-title">
        ${sectionHeader({ title: this.t('integrations.title'), intro: this.t('integrations.intro'), titleId: 'integrations-title' })} ${body}
      </section>
      ${this.#confirm.render()}
    `;
  }

  #content(): TemplateResult {
    const view = this.#view;
    const pax8 = this.#integration('pax8');
    return html`
      ${view.canManage ? nothing : html`<p class="notice" part="status" data-status="read-only">${this.t('integrations.readOnly')}</p>`}
      <div class="cards">
        ${providers.map((provider) => {
          const integration = this.#integration(provider);
          return integration ? this.#card(view, integration) : nothing;
        })}
      </div>
      ${pax8 && pax8.status !== 'not_configured'
        ? mappingsView(view, this.#mappings, {
            setFilter: (filter) => void this.#mappings.setFilter(filter),
            acceptAll: () => void this.#acceptAll(),
            save: () => void this.#mappings.save(),
            discard: () => this.#mappings.discard(),
          })
        : nothing}
    `;
  }

  async #acceptAll(): Promise<void> {
    const count = await this.#mappings.acceptAll();
    if (this.#mappings.saveError === undefined) this.announce(this.t('integrations.mappings.accepted', { count }));
  }

  #card(view: ViewContext, integration: Integration): TemplateResult {
    const provider = integration.provider;
    const name = providerNames[provider];
    const status = this.#syncing.has(provider) ? 'syncing' : integration.status;
    const actionError = this.#actionErrors.get(provider);
    const historyOpen = this._openHistory.has(provider);
    const pax8Form = provider === 'pax8' && 'form' in this.#pax8.state ? (this.#pax8.state as Pax8FormState) : undefined;
    return html`
      <article class="card integration" part="card" data-provider=${provider} aria-labelledby="${provider}-title">
        <div class="card-header">
          <h3 class="subtitle" part="title" id="${provider}-title">${name}</h3>
          ${statusBadge(view, status)}
        </div>
        <p class="muted small">${this.t(provider === 'pax8' ? 'integrations.pax8.description' : 'integrations.xero.description')}</p>
        ${integrationFacts(view, { ...integration, status })}
        ${provider === 'pax8' ? this.#pax8Result() : this.#xeroFlow(view)}
        ${pax8Form ? this.#pax8FormView(view, pax8Form) : view.canManage ? this.#actions(integration, status) : nothing}
        ${actionError === undefined ? nothing : formErrorView(describeError(actionError, this.#tr))}
        <div class="history-toggle">
          <button
            type="button"
            class="button button-ghost button-small"
            part="button"
            aria-expanded=${historyOpen ? 'true' : 'false'}
            aria-controls="${provider}-history"
            @click=${() => this.#toggleHistory(provider)}
          >
            ${this.t(historyOpen ? 'integrations.history.hide' : 'integrations.history.show')}
          </button>
        </div>
        ${historyOpen
          ? syncHistory(view, provider, this.#history[provider].state, {
              loadMore: () => void this.#history[provider].store?.loadMore(),
              retry: this.#history[provider].refresh,
            })
          : nothing}
      </article>
    `;
  }

  #pax8Result(): TemplateResult | typeof nothing {
    const state = this.#pax8.state;
    if (state.kind !== 'saved') return nothing;
    return html`<p class="notice notice-success" role="status" tabindex="-1" id="pax8-result">${this.t('integrations.pax8.saved')}</p>`;
  }

  #pax8FormView(view: ViewContext, state: Pax8FormState): TemplateResult {
    return pax8Form(view, state, this.#pax8.lastError, {
      change: (field, value) => this.#pax8.send({ type: 'change', field, value }),
      replaceSecret: () => void this.#replaceSecret(),
      keepSecret: () => this.#pax8.send({ type: 'keep_secret' }),
      test: () => void this.#afterPax8Test(),
      save: () => void this.#savePax8(),
      cancel: () => void this.#cancelPax8(),
    });
  }

  async #replaceSecret(): Promise<void> {
    this.#pax8.send({ type: 'replace_secret' });
    await focusAfterUpdate(this, '#pax8-secret');
  }

  #xeroFlow(view: ViewContext): TemplateResult | typeof nothing {
    return xeroConnectView(view, this.#xero.state, this.#xero.lastError, {
      choice: this._tenantChoice,
      pick: (tenantId) => (this._tenantChoice = tenantId),
      chooseTenant: () => void this.#xero.chooseTenant(this._tenantChoice ?? ''),
      cancel: () => this.#xero.cancel(),
      dismiss: () => this.#xero.reset(),
    });
  }

  #actions(integration: Integration, status: Integration['status']): TemplateResult {
    const provider = integration.provider;
    const name = providerNames[provider];
    const configured = integration.status !== 'not_configured';
    const busy = status === 'syncing';
    const xeroBusy = provider === 'xero' && !['idle', 'connected', 'cancelled', 'failed'].includes(this.#xero.state.kind);
    const connect =
      provider === 'pax8'
        ? html`<button
            type="button"
            id="pax8-configure"
            class="button ${configured ? '' : 'button-primary'}"
            part=${configured ? 'button' : 'button primary-button'}
            ?disabled=${busy}
            @click=${() => void this.#editPax8()}
          >
            ${this.t(configured ? (integration.status === 'needs_reauth' ? 'integrations.pax8.reenter' : 'integrations.pax8.edit') : 'integrations.pax8.configure')}
          </button>`
        : !configured || integration.status === 'needs_reauth'
          ? html`<button
              type="button"
              id="xero-connect"
              class="button button-primary"
              part="button primary-button"
              ?disabled=${xeroBusy}
              @click=${() => void this.#connectXero()}
            >
              ${this.t(configured ? 'integrations.xero.reconnect' : 'integrations.xero.connect')}
            </button>`
          : nothing;
    const canSync = configured && integration.status !== 'needs_reauth';
    return html`
      <div class="row actions">
        ${canSync
          ? html`<button
              type="button"
              class="button button-primary"
              part="button primary-button"
              ?disabled=${busy}
              aria-describedby=${busy ? `${provider}-sync-busy` : nothing}
              @click=${() => void this.#syncNow(provider)}
            >
              ${this.t(busy ? 'integrations.sync.running.button' : 'integrations.sync.button')}
            </button>`
          : nothing}
        ${connect}
        ${configured
          ? html`<button
              type="button"
              class="button button-danger-outline"
              part="button danger-button"
              ?disabled=${busy}
              @click=${() => void this.#disconnect(provider)}
            >
              ${this.t('integrations.disconnect.button', { provider: name })}
            </button>`
          : nothing}
      </div>
      ${busy ? html`<p class="muted small" id="${provider}-sync-busy">${this.t('integrations.sync.busy')}</p>` : nothing}
    `;
  }
}
