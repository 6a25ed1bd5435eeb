import { css } from 'lit';
import { themeStyles } from './tokens.js';

/**
 * Host defaults of every element: isolation from the host page's inherited styles, typography and
 * colours from the tokens, and the theme switch.
 */
export const hostStyles = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--billingone-font-family);
    font-size: var(--billingone-font-size-md);
    line-height: var(--billingone-line-height);
    color: var(--billingone-color-text);
    background-color: var(--billingone-color-bg);
    text-align: start;
    overflow-wrap: anywhere;
    -webkit-font-smoothing: antialiased;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  .billingone-live-region {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --billingone-duration: 0s;
    }
  }
  ${themeStyles}
`;

/**
 * Shared component styles (buttons, inputs, fields, cards, tables, badges, dialogs, status views,
 * layout helpers), written with tokens only and logical properties so right-to-left works.
 */
export const sharedStyles = css`
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  :focus-visible {
    outline: var(--billingone-focus-ring-width) solid var(--billingone-color-focus-ring);
    outline-offset: 2px;
  }

  h1, h2, h3, h4, p, ul, ol, dl, dd, figure {
    margin: 0;
  }
  .title {
    font-size: var(--billingone-font-size-xl);
    font-weight: var(--billingone-font-weight-bold);
    line-height: var(--billingone-line-height-tight);
  }
  .subtitle {
    font-size: var(--billingone-font-size-lg);
    font-weight: var(--billingone-font-weight-bold);
    line-height: var(--billingone-line-height-tight);
  }
  .muted {
    color: var(--billingone-color-muted);
  }
  .small {
    font-size: var(--billingone-font-size-sm);
  }
  .mono {
    font-family: var(--billingone-font-family-mono);
  }
  a {
    color: var(--billingone-color-link);
  }

  .stack {
    display: flex;
    flex-direction: column;
    gap: var(--billingone-space-lg);
  }
  .stack-sm {
    display: flex;
    flex-direction: column;
    gap: var(--billingone-space-sm);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--billingone-space-sm);
  }
  .saved-note {
    color: var(--billingone-color-muted);
    font-size: var(--billingone-font-size-sm);
  }
  .row-end {
    justify-content: flex-end;
  }
  .spacer {
    flex: 1 1 auto;
  }

  .section-header {
    display: flex;
    flex-direction: column;
    gap: var(--billingone-space-xs);
    margin-block-end: var(--billingone-space-xl);
  }

  .card {
    background: var(--billingone-color-surface-raised);
    border: var(--billingone-border-width) solid var(--billingone-color-border);
    border-radius: var(--billingone-radius-lg);
    padding: var(--billingone-space-xl);
    box-shadow: var(--billingone-shadow-sm);
  }
  .card-header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--billingone-space-sm);
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--billingone-space-sm);
    min-block-size: var(--billingone-control-height);
    padding-block: var(--billingone-space-xs);
    padding-inline: var(--billingone-space-lg);
    border: var(--billingone-border-width) solid var(--billingone-color-input-border);
    border-radius: var(--billingone-radius-md);
    background: var(--billingone-color-surface-raised);
    color: var(--billingone-color-text);
    font: inherit;
    font-weight: var(--billingone-font-weight-medium);
    line-height: var(--billingone-line-height-tight);
    cursor: pointer;
    text-decoration: none;
    transition: background-color var(--billingone-duration), border-color var(--billingone-duration);
  }
  .button:hover:not(:disabled) {
    background: var(--billingone-color-surface);
  }
  .button:disabled,
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .button-primary {
    background: var(--billingone-color-primary);
    border-color: var(--billingone-color-primary);
    color: var(--billingone-color-primary-fg);
  }
  .button-primary:hover:not(:disabled) {
    background: var(--billingone-color-primary);
    filter: brightness(1.08);
  }
  .button-danger {
    background: var(--billingone-color-danger);
    border-color: var(--billingone-color-danger);
    color: var(--billingone-color-danger-fg);
  }
  .button-danger:hover:not(:disabled) {
    background: var(--billingone-color-danger);
    filter: brightness(1.08);
  }
  .button-ghost {
    background: transparent;
    border-color: transparent;
    color: var(--billingone-color-link);
  }
  .button-ghost:hover:not(:disabled) {
    background: var(--billingone-color-primary-soft);
  }
  .button-small {
    min-block-size: calc(var(--billingone-control-height) * 0.8);
    padding-inline: var(--billingone-space-md);
    font-size: var(--billingone-font-size-sm);
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: var(--billingone-space-xs);
  }
  .label {
    font-weight: var(--billingone-font-weight-medium);
  }
  .hint {
    color: var(--billingone-color-muted);
    font-size: var(--billingone-font-size-sm);
  }
  .input,
  .select,
  .textarea {
    inline-size: 100%;
    min-block-size: var(--billingone-control-height);
    padding-block: var(--billingone-space-xs);
    padding-inline: var(--billingone-space-md);
    border: var(--billingone-border-width) solid var(--billingone-color-input-border);
    border-radius: var(--billingone-radius-md);
    background: var(--billingone-color-bg);
    color: var(--billingone-color-text);
    font: inherit;
  }
  .input[readonly] {
    background: var(--billingone-color-surface);
    color: var(--billingone-color-muted);
  }
  .input[aria-invalid='true'],
  .select[aria-invalid='true'],
  .textarea[aria-invalid='true'] {
    border-color: var(--billingone-color-danger);
    box-shadow: 0 0 0 1px var(--billingone-color-danger);
  }
  .field-error {
    color: var(--billingone-color-danger);
    font-size: var(--billingone-font-size-sm);
  }
  .checkbox {
    display: inline-flex;
    align-items: center;
    gap: var(--billingone-space-sm);
  }
  .checkbox input {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    accent-color: var(--billingone-color-primary);
  }
  .form-error,
  .notice {
    padding: var(--billingone-space-md);
    border-radius: var(--billingone-radius-md);
    border: var(--billingone-border-width) solid var(--billingone-color-danger);
    background: var(--billingone-color-danger-soft);
    color: var(--billingone-color-text);
  }
  .notice {
    border-color: var(--billingone-color-warning);
    background: var(--billingone-color-warning-soft);
  }

  .table {
    inline-size: 100%;
    border-collapse: collapse;
    font-size: var(--billingone-font-size-sm);
  }
  .table th,
  .table td {
    padding-block: var(--billingone-space-sm);
    padding-inline: var(--billingone-space-md);
    border-block-end: var(--billingone-border-width) solid var(--billingone-color-border);
    text-align: start;
    vertical-align: middle;
    /* Not the host's 'anywhere': that lets a cell shrink to one letter, so a narrow screen squeezes the
       table to a column of letters instead of scrolling it inside .table-scroll. */
    overflow-wrap: break-word;
  }
  .table th {
    color: var(--billingone-color-muted);
    font-weight: var(--billingone-font-weight-medium);
  }
  .table-scroll {
    overflow-x: auto;
  }

  .badge {
    display: inline-flex;
    align-items: center;
    gap: var(--billingone-space-xs);
    padding-block: var(--billingone-space-2xs);
    padding-inline: var(--billingone-space-sm);
    border-radius: var(--billingone-radius-full);
    border: var(--billingone-border-width) solid var(--billingone-color-border);
    background: var(--billingone-color-surface);
    color: var(--billingone-color-text);
    font-size: var(--billingone-font-size-xs);
    font-weight: var(--billingone-font-weight-medium);
    white-space: nowrap;
  }
  .badge-primary {
    background: var(--billingone-color-primary-soft);
    border-color: var(--billingone-color-link);
    color: var(--billingone-color-link);
  }
  .badge-success {
    background: var(--billingone-color-success-soft);
    border-color: var(--billingone-color-success);
    color: var(--billingone-color-success);
  }
  .badge-warning {
    background: var(--billingone-color-warning-soft);
    border-color: var(--billingone-color-warning);
    color: var(--billingone-color-warning);
  }
  .badge-danger {
    background: var(--billingone-color-danger-soft);
    border-color: var(--billingone-color-danger);
    color: var(--billingone-color-danger);
  }

  .dialog {
    inline-size: min(var(--billingone-dialog-width), calc(100vw - 2 * var(--billingone-space-lg)));
    max-block-size: calc(100vh - 2 * var(--billingone-space-lg));
    padding: var(--billingone-space-xl);
    border: var(--billingone-border-width) solid var(--billingone-color-border);
    border-radius: var(--billingone-radius-lg);
    background: var(--billingone-color-surface-raised);
    color: var(--billingone-color-text);
    box-shadow: var(--billingone-shadow-lg);
  }
  .dialog::backdrop {
    background: var(--billingone-color-overlay);
  }
  .dialog-body {
    display: flex;
    flex-direction: column;
    gap: var(--billingone-space-lg);
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--billingone-space-sm);
  }

  .status {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--billingone-space-md);
    padding-block: var(--billingone-space-2xl);
    padding-inline: var(--billingone-space-lg);
    text-align: center;
    color: var(--billingone-color-text);
  }
  .status-message {
    color: var(--billingone-color-muted);
    max-inline-size: 36rem;
  }
  .spinner {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    border-radius: var(--billingone-radius-full);
    border: 3px solid var(--billingone-color-border);
    border-block-start-color: var(--billingone-color-primary);
    animation: billingone-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
  @keyframes billingone-spin {
    to {
      transform: rotate(1turn);
    }
  }

  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--billingone-space-sm);
    padding-block: var(--billingone-space-md);
  }
`;
