import { css } from 'lit';

export const auditLogStyles = css`
  .header-row {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--billingone-space-lg);
  }
  .export {
    align-items: flex-end;
  }
  .filter-grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    gap: var(--billingone-space-md);
  }
  .entries td {
    vertical-align: top;
  }
  .toggle {
    inline-size: 1%;
  }
  .disclosure {
    min-inline-size: calc(var(--billingone-control-height) * 0.8);
    padding-inline: var(--billingone-space-xs);
  }
  .chevron {
    display: inline-block;
    inline-size: 0;
    block-size: 0;
    border-block: 0.3rem solid transparent;
    border-inline-start: 0.45rem solid currentColor;
    transition: transform var(--billingone-duration);
  }
  [aria-expanded='true'] .chevron {
    transform: rotate(90deg);
  }
  :host([dir='rtl']) [aria-expanded='true'] .chevron {
    transform: rotate(-90deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .chevron {
      transition: none;
    }
  }
  tr.expanded > td {
    border-block-end-color: transparent;
  }
  .details-row > td {
    background: var(--billingone-color-surface);
  }
  .details {
    padding-block: var(--billingone-space-xs);
    padding-inline: var(--billingone-space-sm);
  }
  .changes {
    background: var(--billingone-color-surface-raised);
  }
  .changes tr.unchanged td {
    color: var(--billingone-color-muted);
  }
  .changes tr.changed th,
  .changes tr.changed td[data-side='after'] {
    font-weight: var(--billingone-font-weight-bold);
  }
  .value {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--billingone-space-xs) var(--billingone-space-xl);
    color: var(--billingone-color-muted);
  }
  .meta dt {
    font-weight: var(--billingone-font-weight-medium);
  }
  .meta dd {
    margin: 0;
  }
`;
