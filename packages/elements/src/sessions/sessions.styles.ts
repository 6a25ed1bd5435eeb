import { css } from 'lit';

export const sessionsStyles = css`
  .sessions {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--billingone-space-md);
  }
  .session {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--billingone-space-md);
    padding: var(--billingone-space-lg);
  }
  .session-main {
    min-inline-size: 0;
  }
  .session-device {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--billingone-space-sm);
    font-size: var(--billingone-font-size-md);
    font-weight: var(--billingone-font-weight-medium);
  }
`;
