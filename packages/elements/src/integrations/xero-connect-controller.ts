import {
  createFlowStore,
  initialXeroConnectState,
  integrationEndpoints,
  parseXeroCallback,
  toFlowError,
  xeroConnectTransition,
  type FlowStore,
  type Integration,
  type XeroCallbackParams,
  type XeroConnectEvent,
  type XeroConnectMode,
  type XeroConnectState,
} from '@billingone/settings-core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SettingsClient } from '../context.js';

/** The return page's message to the window that opened the consent popup (see the API's `oauth-return` page). */
const popupMessageType = 'billingone:xero-oauth';
const popupName = 'billingone-xero-connect';
const popupFeatures = 'popup=yes,width=620,height=760';
/** Where the `state` of a redirect is kept until the provider sends the browser back. */
const pendingStateKey = 'billingone.xero.oauth-state';
/** Query parameters the provider (through the API's return page) adds to the host page's URL. */
const callbackParams = ['code', 'state', 'error', 'error_description', 'scope', 'session_state'];
/** States handled on this page already (two elements, or a re-render, never spend one twice). */
const handledStates = new Set<string>();

export interface XeroConnectOptions {
  readonly client: () => SettingsClient | undefined;
  /** Where Xero sends the browser back in redirect mode (an absolute URL of the host page). */
  readonly returnTo: () => string;
  /**
   * The page is about to leave for the consent page. Resolves `true` to navigate, `false` when the
   * host took over (cancelled the element's event).
   */
  readonly beforeRedirect: (url: string) => Promise<boolean>;
  /** Xero is connected (a tenant chosen): the API's view of the integration. */
  readonly onConnected: (integration: Integration) => void;
  /** A request of the flow failed. */
  readonly onError?: (error: unknown) => void;
}

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * The Xero OAuth return parameters in the page's URL, if the page is a return from Xero: a `state`
 * with a `code` or an `error`, while a connection this tab started is pending (so a host's own
 * `code`/`state` parameters are left alone). Removes them from the address bar (history.replaceState).
 */
export function takeXeroCallbackFromLocation(): XeroCallbackParams | undefined {
  if (!location.search) return undefined;
  const params = parseXeroCallback(location.search);
  if (!params.state || (!params.code && !params.error) || handledStates.has(params.state)) return undefined;
  // Without session storage nothing could be kept before leaving: the API's check of `state` decides.
  const store = sessionStore();
  if (store && store.getItem(pendingStateKey) === null) return undefined;
  handledStates.add(params.state);
  const url = new URL(location.href);
  for (const name of callbackParams) url.searchParams.delete(name);
  history.replaceState(history.state, '', url.toString());
  return params;
}

/** The current page without OAuth parameters or fragment: the default return address. */
export function currentPageUrl(): string {
  const url = new URL(location.href);
  for (const name of callbackParams) url.searchParams.delete(name);
  url.hash = '';
  return url.toString();
}

/**
 * Drives core's Xero connect flow: asks the API for an authorize URL, then leaves for Xero
 * (redirect) or opens it in a popup and waits for the return page's message; finishes with the
 * code and state (from the popup, or from the page URL after a redirect), and saves the chosen
 * organisation when the grant covers several.
 */
export class XeroConnectController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: XeroConnectOptions;
  #flow: FlowStore<XeroConnectState, XeroConnectEvent> = createFlowStore(xeroConnectTransition, initialXeroConnectState);
  #controller: AbortController | undefined;
  #popup: Window | null = null;
  #popupOrigin = '';
  #poll: ReturnType<typeof setInterval> | undefined;
  /** The error of the last failed request, for `describeError`. */
  lastError: unknown;

  constructor(host: ReactiveControllerHost, options: XeroConnectOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get state(): XeroConnectState {
    return this.#flow.getState();
  }

  hostDisconnected(): void {
    this.#controller?.abort();
    this.#stopWatchingPopup();
  }

  #send(event: XeroConnectEvent): XeroConnectState {
    const before = this.state;
    const after = this.#flow.send(event);
    if (after !== before) this.#host.requestUpdate();
    return after;
  }

  #restart(): AbortSignal {
    this.#controller?.abort();
    this.#controller = new AbortController();
    return this.#controller.signal;
  }

  /**
   * Starts connecting. Must run inside the click handler: in popup mode the window opens at once
   * (browsers block popups opened later); a blocked popup falls back to a redirect.
   */
  async connect(mode: XeroConnectMode): Promise<void> {
    if (this.state.kind === 'connected') this.#flow = createFlowStore(xeroConnectTransition, initialXeroConnectState);
    let effective = mode;
    if (mode === 'popup') {
      this.#popup = window.open('about:blank', popupName, popupFeatures);
      if (!this.#popup) effective = 'redirect';
    }
    if (this.#send({ type: 'connect', mode: effective }).kind !== 'authorizing') {
      this.#closePopup();
      return;
    }
    this.lastError = undefined;
    const signal = this.#restart();
    let authorization: { authorizeUrl: string; state: string };
    try {
      const client = this.#options.client();
      if (!client) throw new Error('No Settings API client.');
      const body = effective === 'redirect' ? { mode: effective, returnTo: this.#options.returnTo() } : { mode: effective };
      authorization = await client.request(integrationEndpoints.authorizeXero, { body, signal });
    } catch (error) {
      if (signal.aborted) return;
      this.#closePopup();
      this.lastError = error;
      this.#send({ type: 'authorize_failed', error: toFlowError(error) });
      this.#options.onError?.(error);
      return;
    }
    if (signal.aborted) return;
    const state = this.#send({ type: 'authorize_succeeded', ...authorization });
    if (state.kind === 'popup_open') this.#openInPopup(state.authorizeUrl);
    else if (state.kind === 'redirecting') await this.#redirect(state.authorizeUrl, state.state);
  }

  async #redirect(url: string, state: string): Promise<void> {
    sessionStore()?.setItem(pendingStateKey, state);
    if (await this.#options.beforeRedirect(url)) location.assign(url);
  }

  #openInPopup(url: string): void {
    const popup = this.#popup;
    if (!popup || popup.closed) {
      this.#send({ type: 'popup_closed' });
      return;
    }
    try {
      this.#popupOrigin = new URL(new URL(url).searchParams.get('redirect_uri') ?? '').origin;
    } catch {
      this.#popupOrigin = new URL(this.#options.client()?.baseUrl ?? location.href, location.href).origin;
    }
    popup.location.href = url;
    window.addEventListener('message', this.#onMessage);
    this.#poll = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(this.#poll);
      // The return page posts its message and then closes: let a message already on its way land first.
      setTimeout(() => {
        if (this.state.kind !== 'popup_open') return;
        this.#stopWatchingPopup();
        this.#send({ type: 'popup_closed' });
      }, 400);
    }, 400);
  }

  readonly #onMessage = (event: MessageEvent): void => {
    if (event.source !== this.#popup || event.origin !== this.#popupOrigin) return;
    const data = event.data as Record<string, unknown> | null;
    if (!data || data.type !== popupMessageType) return;
    const text = (name: string) => (typeof data[name] === 'string' && data[name] !== '' ? (data[name] as string) : undefined);
    const params: { -readonly [K in keyof XeroCallbackParams]: XeroCallbackParams[K] } = {};
    const code = text('code');
    const state = text('state');
    const error = text('error');
    const description = text('error_description');
    if (code) params.code = code;
    if (state) params.state = state;
    if (error) params.error = error;
    if (description) params.errorDescription = description;
    this.#closePopup();
    void this.#finish({ type: 'callback', params });
  };

  #stopWatchingPopup(): void {
    clearInterval(this.#poll);
    this.#poll = undefined;
    window.removeEventListener('message', this.#onMessage);
  }

  #closePopup(): void {
    this.#stopWatchingPopup();
    if (this.#popup && !this.#popup.closed) this.#popup.close();
    this.#popup = null;
  }

  /** Back from a redirect: finishes with what Xero returned in the page URL. */
  resume(params: XeroCallbackParams): Promise<void> {
    const store = sessionStore();
    const expectedState = store?.getItem(pendingStateKey) ?? undefined;
    store?.removeItem(pendingStateKey);
    return this.#finish(expectedState ? { type: 'callback', params, expectedState } : { type: 'callback', params });
  }

  async #finish(callback: XeroConnectEvent): Promise<void> {
    const received = this.#send(callback);
    if (received.kind !== 'callback_received') return;
    const exchanging = this.#send({ type: 'exchange' });
    if (exchanging.kind !== 'exchanging') return;
    const signal = this.#restart();
    try {
      const client = this.#options.client();
      if (!client) throw new Error('No Settings API client.');
      const result = await client.request(integrationEndpoints.xeroCallback, { body: { state: exchanging.state, code: exchanging.code }, signal });
      if (signal.aborted) return;
      const next = this.#send({ type: 'exchange_succeeded', result });
      if (next.kind === 'connected') this.#options.onConnected(next.integration);
      else if (next.kind === 'saving_tenant') await this.#saveTenant(next.tenantId);
    } catch (error) {
      if (signal.aborted) return;
      this.lastError = error;
      this.#send({ type: 'exchange_failed', error: toFlowError(error) });
      this.#options.onError?.(error);
    }
  }

  /** Saves the organisation the member picked. */
  async chooseTenant(tenantId: string): Promise<void> {
    const state = this.#send({ type: 'choose_tenant', tenantId });
    if (state.kind !== 'saving_tenant') return;
    await this.#saveTenant(state.tenantId);
  }

  async #saveTenant(tenantId: string): Promise<void> {
    const signal = this.#restart();
    try {
      const client = this.#options.client();
      if (!client) throw new Error('No Settings API client.');
      const integration = await client.request(integrationEndpoints.chooseXeroTenant, { body: { tenantId }, signal });
      if (signal.aborted) return;
      this.lastError = undefined;
      if (this.#send({ type: 'tenant_saved', integration }).kind === 'connected') this.#options.onConnected(integration);
    } catch (error) {
      if (signal.aborted) return;
      this.lastError = error;
      this.#send({ type: 'tenant_failed', error: toFlowError(error) });
      this.#options.onError?.(error);
    }
  }

  /** Abandons the attempt (closes the popup). */
  cancel(): void {
    this.#controller?.abort();
    this.#closePopup();
    this.#send({ type: 'cancel' });
  }

  /** Forgets a finished attempt (its message), back to the card's own view. */
  reset(): void {
    const kind = this.state.kind;
    if (kind === 'connected' || kind === 'cancelled' || kind === 'failed') {
      this.#flow = createFlowStore(xeroConnectTransition, initialXeroConnectState);
      this.lastError = undefined;
      this.#host.requestUpdate();
    }
  }
}
