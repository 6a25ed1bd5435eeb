import { css } from 'lit';

export const mfaEnrollmentStyles = css`
  .gate {
    max-inline-size: var(--billingone-content-max-width);
    margin-inline: auto;
  }
  .overview-steps {
    display: flex;
    flex-direction: column;
    gap: var(--billingone-space-xs);
    margin: 0;
    padding-inline-start: var(--billingone-space-xl);
  }
  .done {
    color: var(--billingone-color-success);
    font-weight: var(--billingone-font-weight-medium);
  }
`;
