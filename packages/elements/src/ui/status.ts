import { html, nothing, type TemplateResult } from 'lit';
import type { MessageKey, MessageParams } from '../i18n/localize.js';
import { describeError, hasStatus } from './errors.js';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Something is loading: a spinner and a label announced politely. */
export function loadingView(t: Translate, label: string = t('common.loading')): TemplateResult {
  return html`
    <div class="status" part="status" role="status" data-status="loading">
      <span class="spinner" aria-hidden="true"></span>
      <span>${label}</span>
    </div>
  `;
}

export interface ErrorViewOptions {
  readonly error?: unknown;
  readonly title?: string;
  readonly message?: string;
  /** Shows a “Try again” button. */
  readonly onRetry?: () => void;
}

/** Something failed: what happened and, when it can help, a retry button. */
export function errorView(t: Translate, options: ErrorViewOptions): TemplateResult {
  const message = options.message ?? (options.error === undefined ? undefined : describeError(options.error, t));
  return html`
    <div class="status" part="status" role="alert" data-status="error">
      <h2 class="subtitle" part="title">${options.title ?? t('common.error.title')}</h2>
      ${message ? html`<p class="status-message">${message}</p>` : nothing}
      ${options.onRetry
        ? html`<button type="button" class="button button-primary" part="button primary-button" @click=${options.onRetry}>
            ${t('common.retry')}
          </button>`
        : nothing}
    </div>
  `;
}

export interface EmptyViewOptions {
  readonly title?: string;
  readonly message?: string;
  readonly action?: TemplateResult;
}

/** A list with nothing in it yet, and what the user can do about it. */
export function emptyView(t: Translate, options: EmptyViewOptions = {}): TemplateResult {
  return html`
    <div class="status" part="status" data-status="empty">
      <h2 class="subtitle" part="title">${options.title ?? t('common.empty.title')}</h2>
      ${options.message ? html`<p class="status-message">${options.message}</p>` : nothing}
      ${options.action ?? nothing}
    </div>
  `;
}

/** A notice above a section's content (e.g. “changed elsewhere, the latest version is loaded”), focusable so it can be read first. */
export function noticeView(message: string | undefined): TemplateResult | typeof nothing {
  return message ? html`<div class="notice" part="status" role="status" tabindex="-1">${message}</div>` : nothing;
}

/** The member's role cannot see this. */
export function forbiddenView(t: Translate, options: { title?: string; message?: string } = {}): TemplateResult {
  return html`
    <div class="status" part="status" data-status="forbidden">
      <h2 class="subtitle" part="title">${options.title ?? t('common.forbidden.title')}</h2>
      <p class="status-message">${options.message ?? t('common.forbidden.body')}</p>
    </div>
  `;
}

/** No page of that name. */
export function notFoundView(t: Translate, name: string): TemplateResult {
  return html`
    <div class="status" part="status" data-status="not-found">
      <h2 class="subtitle" part="title">${t('common.notFound.title')}</h2>
      <p class="status-message">${t('common.notFound.body', { name })}</p>
    </div>
  `;
}

/** The state of a core resource store. */
export interface StoreStateLike<T> {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly data: T | undefined;
  readonly error?: unknown;
}

export interface StoreViewOptions<T> {
  /** Retry after an error (usually `() => store.load({ force: true })`). */
  readonly onRetry?: () => void;
  /** Whether the data counts as empty (then `empty` is shown). */
  readonly isEmpty?: (data: T) => boolean;
  readonly empty?: EmptyViewOptions;
  readonly loadingLabel?: string;
}

/**
 * Renders a store's state: loading (also before the first load), error with retry (forbidden on
 * 403), empty, or the data through `ready`. Data already shown stays while a reload runs.
 */
export function storeView<T>(
  t: Translate,
  state: StoreStateLike<T> | undefined,
  ready: (data: T) => unknown,
  options: StoreViewOptions<T> = {},
): unknown {
  if (state?.data !== undefined && state.status !== 'error') {
    return options.isEmpty?.(state.data) ? emptyView(t, options.empty) : ready(state.data);
  }
  if (!state || state.status === 'idle' || state.status === 'loading') return loadingView(t, options.loadingLabel);
  if (state.status === 'error') {
    if (hasStatus(state.error, 403)) return forbiddenView(t);
    return errorView(t, { error: state.error, onRetry: options.onRetry });
  }
  return loadingView(t, options.loadingLabel);
}
