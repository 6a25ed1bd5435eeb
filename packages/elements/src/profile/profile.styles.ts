import { css } from 'lit';

export const profileStyles = css`
  .columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, calc(var(--billingone-content-max-width) / 3)), 1fr));
    gap: var(--billingone-space-lg);
  }

  .avatar-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--billingone-space-xl);
  }
  .avatar {
    flex: none;
    inline-size: var(--billingone-profile-avatar-size, calc(var(--billingone-space-2xl) * 3));
    block-size: var(--billingone-profile-avatar-size, calc(var(--billingone-space-2xl) * 3));
    border-radius: var(--billingone-radius-full);
    border: var(--billingone-border-width) solid var(--billingone-color-border);
    object-fit: cover;
  }
  .avatar-initials {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    background: var(--billingone-color-primary-soft);
    color: var(--billingone-color-link);
    font-size: var(--billingone-font-size-xl);
    font-weight: var(--billingone-font-weight-bold);
  }

  .strength {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--billingone-space-sm);
    margin-block: var(--billingone-space-xs);
  }
  .strength-bars {
    display: inline-grid;
    grid-template-columns: repeat(4, var(--billingone-space-2xl));
    gap: var(--billingone-space-xs);
  }
  .strength-bar {
    block-size: var(--billingone-space-xs);
    border-radius: var(--billingone-radius-full);
    background: var(--billingone-color-border);
  }
  .strength[data-score='0'] .on,
  .strength[data-score='1'] .on {
    background: var(--billingone-color-danger);
  }
  .strength[data-score='2'] .on {
    background: var(--billingone-color-warning);
  }
  .strength[data-score='3'] .on,
  .strength[data-score='4'] .on {
    background: var(--billingone-color-success);
  }
  .strength-label {
    color: var(--billingone-color-text);
    font-weight: var(--billingone-font-weight-medium);
  }
  .rules {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--billingone-space-2xs);
  }
  .rule {
    display: flex;
    gap: var(--billingone-space-sm);
  }
  .rule-mark {
    flex: none;
    inline-size: 1em;
    text-align: center;
  }
  .rule.met .rule-mark {
    color: var(--billingone-color-success);
  }

  .success-message {
    padding: var(--billingone-space-md);
    border-radius: var(--billingone-radius-md);
    border: var(--billingone-border-width) solid var(--billingone-color-success);
    background: var(--billingone-color-success-soft);
    color: var(--billingone-color-text);
  }
`;
