import { css } from 'lit';

export const notificationsStyles = css`
  .matrix th[scope='row'] {
    color: var(--billingone-color-text);
    font-weight: var(--billingone-font-weight-normal);
  }
  .matrix .cell {
    text-align: center;
    inline-size: calc(var(--billingone-space-2xl) * 4);
  }
  .cell-control {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    gap: var(--billingone-space-2xs);
  }
  .cell-control input {
    inline-size: calc(var(--billingone-space-lg) * 1.125);
    block-size: calc(var(--billingone-space-lg) * 1.125);
    margin: 0;
    accent-color: var(--billingone-color-primary);
  }
`;
