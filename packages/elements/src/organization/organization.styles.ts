import { css } from 'lit';

export const organizationStyles = css`
  .slug-status:empty {
    display: none;
  }
  .good {
    color: var(--billingone-color-success);
  }
  .bad {
    color: var(--billingone-color-danger);
  }
  .warning {
    padding-block: var(--billingone-space-xs);
    padding-inline: var(--billingone-space-sm);
    border-inline-start: var(--billingone-focus-ring-width) solid var(--billingone-color-warning);
    background: var(--billingone-color-warning-soft);
    color: var(--billingone-color-text);
  }

  .switch {
    --_track-height: calc(var(--billingone-space-lg) * 1.5);
    --_knob: calc(var(--_track-height) * 0.75);
    --_gap: calc((var(--_track-height) - var(--_knob)) / 2 - var(--billingone-border-width));
    display: inline-flex;
    align-items: center;
    gap: var(--billingone-space-sm);
    font-weight: var(--billingone-font-weight-medium);
    cursor: pointer;
  }
  .switch input {
    appearance: none;
    position: relative;
    flex: none;
    inline-size: calc(var(--_track-height) * 1.85);
    block-size: var(--_track-height);
    margin: 0;
    border-radius: var(--billingone-radius-full);
    border: var(--billingone-border-width) solid var(--billingone-color-input-border);
    background: var(--billingone-color-surface);
    cursor: pointer;
    transition: background-color var(--billingone-duration);
  }
  .switch input::before {
    content: '';
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: var(--_gap);
    inline-size: var(--_knob);
    block-size: var(--_knob);
    border-radius: var(--billingone-radius-full);
    background: var(--billingone-color-input-border);
    transform: translateY(-50%);
    transition: inset-inline-start var(--billingone-duration);
  }
  .switch input:checked {
    background: var(--billingone-color-primary);
    border-color: var(--billingone-color-primary);
  }
  .switch input:checked::before {
    inset-inline-start: calc(100% - var(--_knob) - var(--_gap));
    background: var(--billingone-color-primary-fg);
  }
  .switch input:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .origins {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
  }
  .origin {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--billingone-space-sm);
    padding-block: var(--billingone-space-xs);
    border-block-end: var(--billingone-border-width) solid var(--billingone-color-border);
  }
  .origin-add {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--billingone-space-sm);
  }
  .origin-add .field {
    flex: 1 1 calc(var(--billingone-content-max-width) * 0.375);
  }
  .origin-add > .button {
    margin-block-start: calc(var(--billingone-font-size-md) * var(--billingone-line-height) + var(--billingone-space-xs));
  }

  .org-id {
    padding-block: var(--billingone-space-xs);
    padding-inline: var(--billingone-space-sm);
    border-radius: var(--billingone-radius-sm);
    background: var(--billingone-color-surface);
    border: var(--billingone-border-width) solid var(--billingone-color-border);
    user-select: all;
  }
`;
