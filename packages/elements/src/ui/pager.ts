import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey, MessageParams } from '../i18n/localize.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export interface PagerOptions {
  /** Items shown so far. */
  readonly shown: number;
  /** Total when the server counts it. */
  readonly total?: number;
  /** Whether a next page exists (a `nextCursor`). */
  readonly hasMore: boolean;
  readonly loading?: boolean;
  readonly onLoadMore: () => void;
}

/**
 * “Showing 50 of 10,000 items” (or, when the server does not count them, “First 10 results shown”
 * while more follow, “13 results” once all are there) and a “Load more” button for cursor paging.
 */
export function pager(t: Translate, options: PagerOptions): TemplateResult {
  return html`
    <div class="pager">
      <span class="muted small" role="status">
        ${options.total !== undefined
          ? t('common.showing', { shown: options.shown, total: options.total })
          : options.hasMore
            ? t('common.firstResults', { count: options.shown })
            : t('common.results', { count: options.shown })}
      </span>
      ${options.hasMore
        ? html`<button type="button" class="button" part="button" ?disabled=${options.loading} aria-busy=${options.loading ? 'true' : 'false'} @click=${options.onLoadMore}>
            ${options.loading ? t('common.loading') : t('common.loadMore')}
          </button>`
        : nothing}
    </div>
  `;
}
