import { securityEndpoints, type LoginHistoryEntry, type PagedStore, type SettingsStores } from '@billingone/settings-core';
import { html, type TemplateResult } from 'lit';
import { StoreController } from '../controllers/store-controller.js';
import type { MessageKey } from '../i18n/localize.js';
import { badge } from '../ui/badge.js';
import { describeError, hasStatus } from '../ui/errors.js';
import { pager } from '../ui/pager.js';
import { errorView, forbiddenView, loadingView } from '../ui/status.js';
import type { SecurityHost } from './host.js';

type HistoryStore = PagedStore<LoginHistoryEntry, Record<string, never>>;

/** Sign-ins per page. */
export const loginHistoryPageSize = 10;

const methodKeys: Readonly<Record<LoginHistoryEntry['method'], MessageKey>> = {
  password: 'security.history.method.password',
  'password+totp': 'security.history.method.passwordTotp',
  'password+recovery_code': 'security.history.method.passwordRecovery',
  passkey: 'security.history.method.passkey',
  embed_token: 'security.history.method.embed',
  invitation: 'security.history.method.invitation',
};

/** The read-only “Recent sign-ins” card of `<billingone-security>`, paged with core's list store. */
export class LoginHistoryPanel {
  readonly #host: SecurityHost;
  readonly #list: StoreController<HistoryStore>;
  #for: SettingsStores | undefined;
  #store: HistoryStore | undefined;

  constructor(host: SecurityHost) {
    this.#host = host;
    this.#list = new StoreController(host, () => this.#listStore());
  }

  #listStore(): HistoryStore | undefined {
    const stores = this.#host.stores;
    if (!stores) return undefined;
    if (stores !== this.#for) {
      this.#for = stores;
      this.#store = stores.list(securityEndpoints.loginHistory, { pageSize: loginHistoryPageSize }) as HistoryStore;
    }
    return this.#store;
  }

  render(): TemplateResult {
    const t = this.#host.t.bind(this.#host);
    return html`
      <section class="card stack" part="card" aria-labelledby="history-title" data-card="history">
        <div class="card-header">
          <h3 id="history-title" class="subtitle" part="title">${t('security.history.title')}</h3>
        </div>
        <p class="muted">${t('security.history.description')}</p>
        ${this.#content()}
      </section>
    `;
  }

  #content(): unknown {
    const t = this.#host.t.bind(this.#host);
    const state = this.#list.state;
    const store = this.#list.store;
    const items = state?.items ?? [];
    if (items.length === 0) {
      if (!state || state.status === 'idle' || state.status === 'loading') return loadingView(t);
      if (state.status === 'error') {
        if (hasStatus(state.error, 403)) return forbiddenView(t, { message: describeError(state.error, t) });
        return errorView(t, { error: state.error, onRetry: () => void store?.reload() });
      }
      return html`<p class="small muted" data-empty="history">${t('security.history.empty')}</p>`;
    }
    const l = this.#host.localizer;
    return html`
      <div class="table-scroll">
        <table class="table" part="table">
          <caption class="visually-hidden">${t('security.history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('security.history.column.when')}</th>
              <th scope="col">${t('security.history.column.method')}</th>
              <th scope="col">${t('security.history.column.result')}</th>
              <th scope="col">${t('security.history.column.ip')}</th>
              <th scope="col">${t('security.history.column.location')}</th>
            </tr>
          </thead>
          <tbody>
            ${items.map(
              (entry) => html`
                <tr part="row" data-login=${entry.id}>
                  <td><time datetime=${entry.at} title=${l.dateTime(entry.at)}>${l.relativeTime(entry.at)}</time></td>
                  <td>${t(methodKeys[entry.method])}</td>
                  <td>${entry.success ? badge(t('security.history.success'), 'success') : badge(t('security.history.failure'), 'danger')}</td>
                  <td><span class="mono" dir="ltr">${entry.ip ?? t('common.unknown')}</span></td>
                  <td>${entry.location ?? t('common.unknown')}</td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
      ${state?.status === 'error' ? errorView(t, { error: state.error, onRetry: () => void store?.loadMore() }) : ''}
      ${pager(t, {
        shown: items.length,
        total: state?.total,
        hasMore: state?.nextCursor != null,
        loading: state?.status === 'loading',
        onLoadMore: () => void store?.loadMore(),
      })}
    `;
  }
}
