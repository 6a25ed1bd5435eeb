import { css } from 'lit';

export const integrationsStyles = css`
  :host {
    --billingone-integrations-card-gap: var(--billingone-space-xl);
  }
  .cards {
    display: flex;
    flex-direction: column;
    gap: var(--billingone-integrations-card-gap);
  }
  .integration {
    display: flex;
    flex-direction: column;
    gap: var(--billingone-space-md);
  }
  .form-title {
    font-size: var(--billingone-font-size-md);
    font-weight: var(--billingone-font-weight-bold);
  }
  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--billingone-space-xs) var(--billingone-space-lg);
    font-size: var(--billingone-font-size-sm);
  }
  .facts > div {
    display: contents;
  }
  .facts dt {
    color: var(--billingone-color-muted);
  }
  .facts dd {
    margin: 0;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--billingone-space-sm);
    padding-block: var(--billingone-space-sm);
    padding-inline: var(--billingone-space-md);
    border-radius: var(--billingone-radius-md);
    border: var(--billingone-border-width) solid var(--billingone-color-border);
    background: var(--billingone-color-surface);
    color: var(--billingone-color-text);
    font-size: var(--billingone-font-size-sm);
  }
  .notice-success {
    border-color: var(--billingone-color-success);
    background: var(--billingone-color-success-soft);
  }
  .notice-warning {
    border-color: var(--billingone-color-warning);
    background: var(--billingone-color-warning-soft);
  }
  .notice-danger {
    border-color: var(--billingone-color-danger);
    background: var(--billingone-color-danger-soft);
  }
  .pax8-form {
    padding-block-start: var(--billingone-space-md);
    border-block-start: var(--billingone-border-width) solid var(--billingone-color-border);
    gap: var(--billingone-space-md);
  }
  .fieldset {
    display: flex;
    flex-direction: column;
    gap: var(--billingone-space-sm);
    margin: 0;
    padding: var(--billingone-space-md);
    border: var(--billingone-border-width) solid var(--billingone-color-border);
    border-radius: var(--billingone-radius-md);
  }
  .fieldset legend {
    padding-inline: var(--billingone-space-xs);
  }
  .radio input {
    accent-color: var(--billingone-color-primary);
  }
  .spinner-small {
    inline-size: var(--billingone-font-size-md);
    block-size: var(--billingone-font-size-md);
    border-width: var(--billingone-focus-ring-width);
  }
  .button-danger-outline {
    border-color: var(--billingone-color-danger);
    color: var(--billingone-color-danger);
  }
  .button-danger-outline:hover:not(:disabled) {
    background: var(--billingone-color-danger-soft);
  }
  .history-toggle {
    border-block-start: var(--billingone-border-width) solid var(--billingone-color-border);
    padding-block-start: var(--billingone-space-sm);
  }
  .history .table td:first-child {
    white-space: nowrap;
  }
  .history .status {
    padding-block: var(--billingone-space-lg);
  }
  .toolbar .select-inline {
    inline-size: auto;
  }
  .suggestion {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--billingone-space-xs) var(--billingone-space-sm);
  }
  tr.changed th,
  tr.changed td {
    background: var(--billingone-color-warning-soft);
  }
  .table .select {
    min-inline-size: calc(var(--billingone-control-height) * 5);
  }
  .save-bar {
    position: sticky;
    inset-block-end: 0;
    padding: var(--billingone-space-md);
    border: var(--billingone-border-width) solid var(--billingone-color-border);
    border-radius: var(--billingone-radius-md);
    background: var(--billingone-color-surface-raised);
    box-shadow: var(--billingone-shadow-md);
  }
`;
