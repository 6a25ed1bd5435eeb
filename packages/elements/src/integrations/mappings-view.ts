import type { CompanyMapping } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { MessageKey } from '../i18n/localize.js';
import { badge, type BadgeTone } from '../ui/badge.js';
import { describeError } from '../ui/errors.js';
import { formErrorView } from '../ui/field.js';
import { pager } from '../ui/pager.js';
import { emptyView, errorView, loadingView } from '../ui/status.js';
import type { MappingsController, MappingStatus } from './mappings-controller.js';
import type { ViewContext } from './view-context.js';

export interface MappingsActions {
  setFilter(filter: MappingStatus | undefined): void;
  acceptAll(): void;
  save(): void;
  discard(): void;
}

const statusBadges: Readonly<Record<MappingStatus, { key: MessageKey; tone: BadgeTone }>> = {
  mapped: { key: 'integrations.mappings.status.mapped', tone: 'success' },
  suggested: { key: 'integrations.mappings.status.suggested', tone: 'primary' },
  unmapped: { key: 'integrations.mappings.status.unmapped', tone: 'neutral' },
};

const filters: readonly { value: MappingStatus | ''; key: MessageKey }[] = [
  { value: '', key: 'integrations.mappings.filter.all' },
  { value: 'mapped', key: 'integrations.mappings.filter.mapped' },
  { value: 'suggested', key: 'integrations.mappings.filter.suggested' },
  { value: 'unmapped', key: 'integrations.mappings.filter.unmapped' },
];

function clientCell(view: ViewContext, mappings: MappingsController, mapping: CompanyMapping): TemplateResult {
  const selected = mappings.selected(mapping) ?? '';
  const clients = mappings.state.clients;
  if (!view.canManage) {
    const name = clients.find((client) => client.id === selected)?.name ?? mapping.clientName;
    return html`${name ? html`<span dir="auto">${name}</span>` : html`<span class="muted">${view.t('integrations.mappings.none')}</span>`}`;
  }
  const onChange = (event: Event) => mappings.select(mapping, (event.currentTarget as HTMLSelectElement).value || null);
  return html`
    <select
      class="select"
      part="input"
      aria-label=${view.t('integrations.mappings.clientFor', { company: mapping.pax8CompanyName })}
      .value=${live(selected)}
      ?disabled=${mappings.saving}
      @change=${onChange}
    >
      <option value="" ?selected=${selected === ''}>${view.t('integrations.mappings.none')}</option>
      ${clients.map((client) => html`<option value=${client.id} ?selected=${client.id === selected}>${client.name}</option>`)}
    </select>
  `;
}

function suggestionCell(view: ViewContext, mappings: MappingsController, mapping: CompanyMapping): TemplateResult | typeof nothing {
  const suggestion = mapping.suggestion;
  if (!suggestion) return nothing;
  const score = view.localizer.number(suggestion.score, { style: 'percent', maximumFractionDigits: 0 });
  const applied = mappings.selected(mapping) === suggestion.clientId;
  return html`
    <div class="suggestion">
      <span dir="auto">${suggestion.clientName}</span>
      <span class="muted small" title=${view.t('integrations.mappings.scoreHint')}>${view.t('integrations.mappings.score', { score })}</span>
      ${view.canManage && !applied
        ? html`<button
            type="button"
            class="button button-ghost button-small"
            part="button"
            ?disabled=${mappings.saving}
            aria-label=${view.t('integrations.mappings.useFor', { client: suggestion.clientName, company: mapping.pax8CompanyName })}
            @click=${() => mappings.select(mapping, suggestion.clientId)}
          >
            ${view.t('integrations.mappings.use')}
          </button>`
        : nothing}
    </div>
  `;
}

function mappingRow(view: ViewContext, mappings: MappingsController, mapping: CompanyMapping): TemplateResult {
  const { key, tone } = statusBadges[mapping.status];
  const changed = mappings.pending.has(mapping.pax8CompanyId);
  return html`
    <tr part="row" data-company=${mapping.pax8CompanyId} class=${changed ? 'changed' : ''}>
      <th scope="row" dir="auto">${mapping.pax8CompanyName}</th>
      <td>${badge(view.t(key), tone)} ${changed ? badge(view.t('integrations.mappings.unsaved'), 'warning') : nothing}</td>
      <td>${suggestionCell(view, mappings, mapping)}</td>
      <td>${clientCell(view, mappings, mapping)}</td>
    </tr>
  `;
}

function table(view: ViewContext, mappings: MappingsController): TemplateResult {
  const t = view.t;
  const { items } = mappings.state;
  return html`
    <div class="table-scroll">
      <table class="table" part="table" aria-describedby="mappings-intro">
        <caption class="visually-hidden">${t('integrations.mappings.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">${t('integrations.mappings.company')}</th>
            <th scope="col">${t('integrations.mappings.status')}</th>
            <th scope="col">${t('integrations.mappings.suggestion')}</th>
            <th scope="col">${t('integrations.mappings.client')}</th>
          </tr>
        </thead>
        <tbody>
          ${items.map((mapping) => mappingRow(view, mappings, mapping))}
        </tbody>
      </table>
    </div>
  `;
}

function body(view: ViewContext, mappings: MappingsController): unknown {
  const t = view.t;
  const state = mappings.state;
  if (state.items.length === 0) {
    if (state.status === 'idle' || state.status === 'loading') return loadingView(t);
    if (state.status === 'error') return errorView(t, { error: state.error, onRetry: () => void mappings.reload() });
    return state.filter
      ? emptyView(t, { title: t('integrations.mappings.emptyFilter') })
      : emptyView(t, { title: t('integrations.mappings.empty.title'), message: t('integrations.mappings.empty.body') });
  }
  return html`
    ${table(view, mappings)}
    ${state.status === 'error' ? errorView(t, { error: state.error, onRetry: () => void mappings.loadMore() }) : nothing}
    ${pager(t, {
      shown: state.items.length,
      total: state.total,
      hasMore: state.nextCursor !== null,
      loading: state.status === 'loading',
      onLoadMore: () => void mappings.loadMore(),
    })}
  `;
}

/** Pax8 companies ↔ BillingOne clients: filter, suggestions with their score, bulk acceptance, one save. */
export function mappingsView(view: ViewContext, mappings: MappingsController, actions: MappingsActions): TemplateResult {
  const t = view.t;
  const pending = mappings.pending.size;
  const filter = mappings.state.filter ?? '';
  // No companies at all (or none suggested): nothing for “Accept all suggestions” to take.
  const nothingToAccept = mappings.state.status !== 'loading' && mappings.state.items.length === 0 && (filter === '' || filter === 'suggested');
  const onFilter = (event: Event) => actions.setFilter(((event.currentTarget as HTMLSelectElement).value || undefined) as MappingStatus | undefined);
  return html`
    <section class="card stack" part="card section" aria-labelledby="mappings-title">
      <div class="stack-sm">
        <h3 class="subtitle" id="mappings-title">${t('integrations.mappings.title')}</h3>
        <p class="muted" id="mappings-intro">${t('integrations.mappings.intro')}</p>
      </div>
      <div class="row toolbar">
        <label class="label" for="mappings-filter">${t('integrations.mappings.filter.label')}</label>
        <select id="mappings-filter" class="select select-inline" part="input" .value=${live(filter)} @change=${onFilter}>
          ${filters.map((option) => html`<option value=${option.value} ?selected=${option.value === filter}>${t(option.key)}</option>`)}
        </select>
        <span class="spacer"></span>
        ${view.canManage
          ? html`<button
              type="button"
              class="button"
              part="button"
              ?disabled=${mappings.accepting || mappings.saving || nothingToAccept}
              aria-busy=${mappings.accepting ? 'true' : 'false'}
              @click=${actions.acceptAll}
            >
              ${t('integrations.mappings.acceptAll')}
            </button>`
          : nothing}
      </div>
      ${body(view, mappings)}
      ${mappings.saveError === undefined ? nothing : formErrorView(describeError(mappings.saveError, t))}
      ${view.canManage && pending > 0
        ? html`<div class="row save-bar" part="form">
            <span role="status">${t('integrations.mappings.pending', { count: pending })}</span>
            <span class="spacer"></span>
            <button type="button" class="button" part="button" ?disabled=${mappings.saving} @click=${actions.discard}>
              ${t('integrations.mappings.discard')}
            </button>
            <button type="button" class="button button-primary" part="button primary-button" ?disabled=${mappings.saving} @click=${actions.save}>
              ${t(mappings.saving ? 'common.saving' : 'integrations.mappings.save')}
            </button>
          </div>`
        : nothing}
    </section>
  `;
}
