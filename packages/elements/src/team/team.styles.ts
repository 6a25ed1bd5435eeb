import { css } from 'lit';

export const teamStyles = css`
  :host {
    max-inline-size: var(--billingone-content-max-width);
  }
  .invite-grid {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(10rem, 1fr);
    gap: var(--billingone-space-lg);
    align-items: start;
  }
  @media (max-width: 40rem) {
    .invite-grid {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .textarea {
    resize: vertical;
  }
  .email-errors {
    margin-block: var(--billingone-space-xs) 0;
    padding-inline-start: var(--billingone-space-lg);
  }
  .filters {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(8rem, 1fr);
    gap: var(--billingone-space-md);
  }
  .name-cell {
    font-weight: var(--billingone-font-weight-medium);
    color: var(--billingone-color-text);
  }
  .name-cell > span {
    margin-inline-end: var(--billingone-space-xs);
  }
  .select-compact {
    inline-size: auto;
    min-inline-size: 8rem;
    min-block-size: calc(var(--billingone-control-height) * 0.8);
  }
  .role-cell .hint,
  .role-cell .field-error {
    max-inline-size: 14rem;
    margin-block-start: var(--billingone-space-2xs);
  }
  .actions {
    white-space: nowrap;
    text-align: end;
  }
  .actions .button + .button {
    margin-inline-start: var(--billingone-space-xs);
  }
  .danger-text {
    color: var(--billingone-color-danger);
  }
`;
