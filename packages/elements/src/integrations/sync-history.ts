import type { Provider, SyncRun } from '@billingone/settings-core';
import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey } from '../i18n/localize.js';
import { badge, type BadgeTone } from '../ui/badge.js';
import { pager } from '../ui/pager.js';
import { emptyView, errorView, loadingView } from '../ui/status.js';
import { countsText, durationText, providerNames, type ViewContext } from './view-context.js';

/** What the history needs of core's paged store state. */
export interface SyncRunsState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly items: readonly SyncRun[];
  readonly nextCursor: string | null;
  readonly error: unknown;
  readonly total?: number;
}

const runBadges: Readonly<Record<SyncRun['status'], { key: MessageKey; tone: BadgeTone }>> = {
  running: { key: 'integrations.history.status.running', tone: 'primary' },
  succeeded: { key: 'integrations.history.status.succeeded', tone: 'success' },
  failed: { key: 'integrations.history.status.failed', tone: 'danger' },
};

function row(view: ViewContext, run: SyncRun): TemplateResult {
  const { key, tone } = runBadges[run.status];
  return html`
    <tr part="row">
      <td><time datetime=${run.startedAt}>${view.localizer.dateTime(run.startedAt)}</time></td>
      <td>${view.t(run.trigger === 'manual' ? 'integrations.history.trigger.manual' : 'integrations.history.trigger.scheduled')}</td>
      <td>${badge(view.t(key), tone)}</td>
      <td>${durationText(view, run.startedAt, run.finishedAt)}</td>
      <td>${countsText(view, run.counts)}</td>
      <td>${run.error ? html`<span dir="auto">${run.error.message}</span>` : nothing}</td>
    </tr>
  `;
}

/** The sync history of a provider: newest first, paged with “Load more”. */
export function syncHistory(
  view: ViewContext,
  provider: Provider,
  state: SyncRunsState | undefined,
  actions: { loadMore(): void; retry(): void },
): TemplateResult {
  const t = view.t;
  const name = providerNames[provider];
  let body: unknown;
  if (!state || (state.items.length === 0 && (state.status === 'idle' || state.status === 'loading'))) {
    body = loadingView(t);
  } else if (state.status === 'error' && state.items.length === 0) {
    body = errorView(t, { error: state.error, onRetry: actions.retry });
  } else if (state.items.length === 0) {
    body = emptyView(t, { title: t('integrations.history.empty', { provider: name }) });
  } else {
    body = html`
      <div class="table-scroll">
        <table class="table" part="table">
          <caption class="visually-hidden">${t('integrations.history.caption', { provider: name })}</caption>
          <thead>
            <tr>
              <th scope="col">${t('integrations.history.started')}</th>
              <th scope="col">${t('integrations.history.trigger')}</th>
              <th scope="col">${t('integrations.history.status')}</th>
              <th scope="col">${t('integrations.history.duration')}</th>
              <th scope="col">${t('integrations.history.records')}</th>
              <th scope="col">${t('integrations.history.error')}</th>
            </tr>
          </thead>
          <tbody>
            ${state.items.map((run) => row(view, run))}
          </tbody>
        </table>
      </div>
      ${state.status === 'error' ? errorView(t, { error: state.error, onRetry: actions.retry }) : nothing}
      ${pager(t, {
        shown: state.items.length,
        total: state.total,
        hasMore: state.nextCursor !== null,
        loading: state.status === 'loading',
        onLoadMore: actions.loadMore,
      })}
    `;
  }
  return html`<div class="history" id="${provider}-history">${body}</div>`;
}
