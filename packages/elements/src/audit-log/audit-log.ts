import { auditEndpoints, can, meEndpoints, teamEndpoints, type AuditEntry, type Me, type PagedStore } from '@billingone/settings-core';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { BillingoneElement } from '../base/billingone-element.js';
import { integerInRange } from '../base/integer-attribute.js';
import type { SettingsStores } from '../context.js';
import { StoreController } from '../controllers/store-controller.js';
import { BillingoneErrorEvent } from '../events/error.js';
import type { MessageKey, MessageParams } from '../i18n/localize.js';
import { saveFile } from '../ui/clipboard.js';
import { describeError, hasStatus, isAbort } from '../ui/errors.js';
import { describedBy, field, formErrorView, onSubmit } from '../ui/field.js';
import { emptyView, errorView, forbiddenView, loadingView, storeView } from '../ui/status.js';
import { auditActionGroups, auditActionKey } from './audit-actions.js';
import {
  checkAuditFilter,
  emptyAuditFilterForm,
  isEmailLike,
  type AuditFilterField,
  type AuditFilterForm,
  type AuditFilterProblem,
  type AuditQueryFilter,
} from './audit-filter.js';
import { auditLogStyles } from './audit-log.styles.js';
import { entryDetails } from './entry-details.js';

type AuditList = PagedStore<AuditEntry, AuditQueryFilter>;

/** Entries per request. */
const pageSize = 50;
/** Delay between the last keystroke in a text filter and the request. */
const typingDelayMs = 400;

const problemKeys: Readonly<Record<AuditFilterProblem | 'unknownActor', MessageKey>> = {
  actor: 'audit.filter.actorInvalid',
  unknownActor: 'audit.filter.actorUnknown',
  action: 'audit.filter.actionInvalid',
  date: 'audit.filter.dateInvalid',
  range: 'audit.filter.rangeOrder',
  text: 'audit.filter.textTooLong',
};

/**
 * The organization's audit log: who did what, when, to what, from which IP address.
 *
 * - Filters: actor (a member's email address or id), action (a group such as “Members” or one action),
 *   a date range (local days) and free text; the list follows them as the user types.
 * - Newest first, loaded 50 at a time with cursor paging (“Load more”). However many entries are
 *   loaded, the table holds at most `max-rows` of them; “Show newer entries” walks back.
 * - Each row expands (a disclosure button) to show what changed, field by field, as recorded by the
 *   server with secrets already redacted.
 * - “Export CSV” downloads the entries of the current filter (fetched through the client, so it works
 *   with cookie sessions and bearer tokens alike).
 *
 * Owners and Admins see the section; other roles get the forbidden state.
 *
 * @summary The audit log with filters, details and CSV export.
 * @tagname billingone-audit-log
 *
 * @fires {BillingoneErrorEvent} billingone-error - When the export failed: `{ section: 'audit-log', error }`.
 *
 * @csspart base - The section's wrapper.
 * @csspart header - The section heading, description and export button.
 * @csspart title - Headings.
 * @csspart card - The filters and entries card.
 * @csspart form - The filters.
 * @csspart field - A filter's label and input.
 * @csspart label - Filter labels.
 * @csspart input - Filter inputs.
 * @csspart error - Filter and export errors.
 * @csspart table - The entries table.
 * @csspart row - One entry.
 * @csspart button - Every button.
 * @csspart primary-button - The export button.
 * @csspart status - Loading, empty, error and forbidden states.
 *
 * @cssprop [--billingone-color-surface=#f8fafc] - Background of an expanded entry.
 */
export class BillingoneAuditLog extends BillingoneElement {
  static override styles = [BillingoneElement.styles, auditLogStyles];

  static override properties: PropertyDeclarations = {
    maxRows: { type: Number, attribute: 'max-rows' },
  };

  /** The most entries the table holds at once (50–1000, default 200); older ones load on demand. */
  declare maxRows: number;

  readonly #tr = (key: MessageKey, params?: MessageParams): string => this.t(key, params);
  readonly #me = new StoreController(this, () => this.stores?.resource(meEndpoints.get));
  readonly #entries = new StoreController(this, () => (can(this.#me.state?.data, 'audit.view') ? this.#list() : undefined));

  #listOf: { stores: SettingsStores; store: AuditList } | undefined;
  #form: AuditFilterForm = emptyAuditFilterForm;
  #problems = new Map<AuditFilterField, AuditFilterProblem | 'unknownActor'>();
  #formMessage: string | undefined;
  /** Member ids of the actor emails looked up so far. */
  #actorIds = new Map<string, string | null>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Index of the first loaded entry the table shows. */
  #start = 0;
  #expanded = new Set<string>();
  #exporting = false;
  #exportError: string | undefined;
  #announceResults = false;

  constructor() {
    super();
    this.maxRows = 200;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  get #window(): number {
    return integerInRange(this.maxRows, pageSize, 1000, 200);
  }

  #list(): AuditList | undefined {
    const stores = this.stores;
    if (!stores) return undefined;
    if (this.#listOf?.stores !== stores) {
      this.#listOf = { stores, store: stores.list(auditEndpoints.list, { pageSize }) as AuditList };
      this.#start = 0;
      this.#expanded.clear();
    }
    return this.#listOf.store;
  }

  #update(field: AuditFilterField, value: string, delay: number): void {
    this.#form = { ...this.#form, [field]: value };
    if (this.#problems.delete(field)) this.requestUpdate();
    clearTimeout(this.#timer);
    if (delay === 0) void this.#apply();
    else this.#timer = setTimeout(() => void this.#apply(), delay);
  }

  async #resolveActor(email: string): Promise<string | undefined> {
    const key = email.toLowerCase();
    if (this.#actorIds.has(key)) return this.#actorIds.get(key) ?? undefined;
    const client = this.settingsClient;
    if (!client) return undefined;
    const page = await client.request(teamEndpoints.listMembers, { query: { q: email, limit: 20 } });
    const id = page.items.find((member) => member.email.toLowerCase() === key)?.id ?? null;
    this.#actorIds.set(key, id);
    return id ?? undefined;
  }

  /** Checks the form and, when it is valid, loads the first page for it. */
  async #apply(): Promise<void> {
    clearTimeout(this.#timer);
    const form = this.#form;
    const actor = form.actor.trim();
    let actorId: string | undefined = actor || undefined;
    let unknownActor = false;
    this.#formMessage = undefined;
    if (actor && isEmailLike(actor)) {
      try {
        actorId = await this.#resolveActor(actor);
      } catch (error) {
        if (form === this.#form && !isAbort(error)) {
          this.#formMessage = describeError(error, this.#tr);
          this.requestUpdate();
        }
        return;
      }
      if (form !== this.#form) return;
      unknownActor = actorId === undefined;
    }
    const checked = checkAuditFilter(form, actorId);
    const problems = new Map<AuditFilterField, AuditFilterProblem | 'unknownActor'>(checked.ok ? [] : checked.problems);
    if (unknownActor) problems.set('actor', 'unknownActor');
    this.#problems = problems;
    this.requestUpdate();
    if (problems.size > 0 || !checked.ok) return;
    const store = this.#entries.store;
    if (!store) return;
    this.#start = 0;
    this.#expanded.clear();
    this.#announceResults = true;
    await store.setFilter(checked.filter);
  }

  #clear(): void {
    this.#form = emptyAuditFilterForm;
    this.#problems.clear();
    void this.#apply();
  }

  async #loadMore(): Promise<void> {
    const store = this.#entries.store;
    if (!store) return;
    const size = this.#window;
    const loaded = store.getState().items.length;
    if (this.#start + size < loaded) {
      this.#start = Math.min(loaded - size, this.#start + pageSize);
    } else {
      await store.loadMore();
      const now = store.getState().items.length;
      if (now - this.#start > size) this.#start = now - size;
      if (now > loaded) this.announce(this.t('audit.loaded', { count: now - loaded }));
    }
    this.requestUpdate();
  }

  #showNewer(): void {
    this.#start = Math.max(0, this.#start - pageSize);
    this.requestUpdate();
  }

  #toggle(id: string): void {
    if (!this.#expanded.delete(id)) this.#expanded.add(id);
    this.requestUpdate();
  }

  async #export(): Promise<void> {
    const client = this.settingsClient;
    const store = this.#entries.store;
    if (!client || !store || this.#exporting) return;
    this.#exporting = true;
    this.#exportError = undefined;
    this.requestUpdate();
    try {
      const blob = await client.download(auditEndpoints.export, { query: store.getState().filter });
      const now = new Date();
      const stamp = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
      const name = `audit-log-${stamp}.csv`;
      saveFile(blob, name, this.renderRoot);
      this.announce(this.t('audit.export.done', { name }));
    } catch (error) {
      if (!isAbort(error)) {
        this.#exportError = describeError(error, this.#tr);
        this.announce(this.#exportError, 'assertive');
        void this.emit(new BillingoneErrorEvent({ section: 'audit-log', error: error as Error }));
      }
    } finally {
      this.#exporting = false;
      this.requestUpdate();
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const state = this.#entries.state;
    if (this.#announceResults && state && state.status !== 'loading') {
      this.#announceResults = false;
      if (state.status === 'ready') {
        this.announce(state.items.length === 0 ? this.t('audit.noMatch') : this.t('audit.loaded', { count: state.items.length }));
      }
    }
  }

  protected override render(): unknown {
    return storeView(this.#tr, this.#me.state, (me) => this.#renderSection(me), { onRetry: this.#me.refresh });
  }

  #renderSection(me: Me): TemplateResult {
    if (!can(me, 'audit.view')) return forbiddenView(this.#tr);
    const state = this.#entries.state;
    if (state?.status === 'error' && hasStatus(state.error, 403)) return forbiddenView(this.#tr);
    return html`
      <div class="stack" part="base">
        <div class="section-header header-row" part="header">
          <div class="stack-sm">
            <h2 class="title" part="title">${this.t('audit.title')}</h2>
            <p class="muted">${this.t('audit.description')}</p>
          </div>
          <div class="stack-sm export">
            <button
              type="button"
              class="button button-primary"
              part="button primary-button"
              ?disabled=${this.#exporting || !state}
              aria-busy=${this.#exporting ? 'true' : 'false'}
              @click=${() => void this.#export()}
            >
              ${this.#exporting ? this.t('audit.export.running') : this.t('audit.export.button')}
            </button>
            ${this.#exportError ? html`<div class="field-error" part="error" id="export-error">${this.#exportError}</div>` : nothing}
          </div>
        </div>
        <section class="card stack" part="card section" aria-labelledby="entries-title">
          <h3 id="entries-title" class="visually-hidden">${this.t('audit.entries')}</h3>
          ${this.#renderFilters()} ${this.#renderEntries()}
        </section>
      </div>
    `;
  }

  #problem(field: AuditFilterField): string | undefined {
    const problem = this.#problems.get(field);
    return problem ? this.t(problemKeys[problem]) : undefined;
  }

  #textFilter(name: 'actor' | 'q', label: string, placeholder: string): TemplateResult {
    return field({
      id: `filter-${name}`,
      type: 'search',
      label,
      placeholder,
      value: this.#form[name],
      maxlength: name === 'q' ? 100 : 254,
      autocomplete: 'off',
      spellcheck: false,
      error: this.#problem(name),
      onInput: (event) => this.#update(name, event.currentTarget.value, typingDelayMs),
    });
  }

  #dateFilter(name: 'from' | 'to', label: string): TemplateResult {
    return field({
      id: `filter-${name}`,
      type: 'date',
      label,
      value: this.#form[name],
      error: this.#problem(name),
      onChange: (event) => this.#update(name, event.currentTarget.value, 0),
    });
  }

  #renderFilters(): TemplateResult {
    const action = this.#form.action;
    const actionError = this.#problem('action');
    const filtered = Object.values(this.#form).some((value) => value.trim() !== '');
    return html`
      <form class="filters" part="form" role="search" aria-label=${this.t('audit.filter.label')} novalidate @submit=${onSubmit(() => this.#apply())}>
        ${formErrorView(this.#formMessage)}
        <div class="filter-grid">
          ${this.#textFilter('actor', this.t('audit.filter.actor'), this.t('audit.filter.actorPlaceholder'))}
          <div class="field" part="field">
            <label class="label" part="label" for="filter-action">${this.t('audit.filter.action')}</label>
            <select
              id="filter-action"
              class="select"
              part="input"
              aria-invalid=${actionError ? 'true' : 'false'}
              aria-describedby=${ifDefined(describedBy('filter-action', { error: actionError }))}
              @change=${(event: Event & { currentTarget: HTMLSelectElement }) => this.#update('action', event.currentTarget.value, 0)}
            >
              <option value="" ?selected=${action === ''}>${this.t('audit.filter.allActions')}</option>
              ${auditActionGroups.map(
                (group) => html`
                  <optgroup label=${this.t(group.label)}>
                    <option value=${group.group} ?selected=${action === group.group}>${this.t('audit.filter.allInGroup', { group: this.t(group.label) })}</option>
                    ${group.actions.map(
                      (name) => html`<option value=${name} ?selected=${action === name}>${this.t(auditActionKey(name) ?? 'common.unknown')}</option>`,
                    )}
                  </optgroup>
                `,
              )}
            </select>
            ${actionError ? html`<div class="field-error" part="error" id="filter-action-error">${actionError}</div>` : nothing}
          </div>
          ${this.#dateFilter('from', this.t('audit.filter.from'))} ${this.#dateFilter('to', this.t('audit.filter.to'))}
          ${this.#textFilter('q', this.t('audit.filter.text'), this.t('audit.filter.textPlaceholder'))}
        </div>
        ${filtered
          ? html`<div class="row row-end">
              <button type="button" class="button button-small" part="button" @click=${() => this.#clear()}>${this.t('common.clearFilters')}</button>
            </div>`
          : nothing}
      </form>
    `;
  }

  #renderEntries(): unknown {
    const state = this.#entries.state;
    if (!state) return loadingView(this.#tr);
    const items = state.items;
    const loading = state.status === 'idle' || state.status === 'loading';
    if (items.length === 0) {
      if (state.status === 'error') return errorView(this.#tr, { error: state.error, onRetry: this.#entries.refresh });
      if (loading) return loadingView(this.#tr);
      const filtered = Object.values(state.filter).some((value) => value !== undefined);
      return emptyView(this.#tr, {
        title: this.t(filtered ? 'audit.noMatch' : 'audit.empty'),
        message: filtered ? this.t('audit.noMatchHint') : undefined,
      });
    }
    const size = this.#window;
    const start = Math.min(this.#start, Math.max(0, items.length - 1));
    const shown = items.slice(start, start + size);
    const moreInMemory = start + size < items.length;
    const hasMore = moreInMemory || state.nextCursor !== null;
    const l = this.localizer;
    return html`
      ${start > 0
        ? html`<div class="row">
            <button type="button" class="button button-small" part="button" @click=${() => this.#showNewer()}>${this.t('audit.showNewer')}</button>
          </div>`
        : nothing}
      <div class="table-scroll" aria-busy=${loading ? 'true' : 'false'}>
        <table class="table entries" part="table">
          <caption class="visually-hidden">${this.t('audit.entries')}</caption>
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">${this.t('audit.column.details')}</span></th>
              <th scope="col">${this.t('audit.column.when')}</th>
              <th scope="col">${this.t('audit.column.who')}</th>
              <th scope="col">${this.t('audit.column.what')}</th>
              <th scope="col">${this.t('audit.column.target')}</th>
              <th scope="col">${this.t('audit.column.ip')}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              shown,
              (entry) => entry.id,
              (entry) => {
                const expanded = this.#expanded.has(entry.id);
                const key = auditActionKey(entry.action);
                const label = key ? this.t(key) : entry.action;
                const when = l.dateTime(entry.at);
                const detailsId = `entry-${entry.id}`;
                return html`
                  <tr part="row" data-entry=${entry.id} data-action=${entry.action} class=${expanded ? 'expanded' : ''}>
                    <td class="toggle">
                      <button
                        type="button"
                        class="button button-small button-ghost disclosure"
                        part="button"
                        aria-expanded=${expanded ? 'true' : 'false'}
                        aria-controls=${ifDefined(expanded ? detailsId : undefined)}
                        @click=${() => this.#toggle(entry.id)}
                      >
                        <span class="chevron" aria-hidden="true"></span>
                        <span class="visually-hidden">${this.t('audit.details.toggle', { action: label, when })}</span>
                      </button>
                    </td>
                    <td><time datetime=${entry.at}>${when}</time></td>
                    <td>
                      ${entry.actor
                        ? html`<div>${entry.actor.name}</div>
                            <div class="muted small"><bdi>${entry.actor.email}</bdi></div>`
                        : html`<span class="muted">${this.t('audit.actor.system')}</span>`}
                    </td>
                    <td>
                      <div>${label}</div>
                      <code class="muted small mono">${entry.action}</code>
                    </td>
                    <td>
                      ${entry.target
                        ? html`<div><bdi>${entry.target.label ?? entry.target.id}</bdi></div>
                            <div class="muted small">${entry.target.type}</div>`
                        : html`<span class="muted">${this.t('audit.changes.none')}</span>`}
                    </td>
                    <td class="mono small"><bdi>${entry.ip ?? this.t('audit.changes.none')}</bdi></td>
                  </tr>
                  ${expanded
                    ? html`<tr class="details-row" id=${detailsId}>
                        <td colspan="6">${entryDetails(l, entry)}</td>
                      </tr>`
                    : nothing}
                `;
              },
            )}
          </tbody>
        </table>
      </div>
      ${state.status === 'error' ? errorView(this.#tr, { error: state.error, onRetry: () => void this.#loadMore() }) : nothing}
      <div class="pager">
        <span class="muted small">${this.t('audit.range', { from: start + 1, to: start + shown.length })}</span>
        ${hasMore
          ? html`<button
              type="button"
              class="button"
              part="button"
              ?disabled=${loading}
              aria-busy=${loading ? 'true' : 'false'}
              @click=${() => void this.#loadMore()}
            >
              ${loading ? this.t('common.loading') : this.t('common.loadMore')}
            </button>`
          : html`<span class="muted small">${this.t('audit.end')}</span>`}
      </div>
    `;
  }
}
