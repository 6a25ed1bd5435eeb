import { css } from 'lit';
import { shellCollapseWidth } from '../theme/tokens.js';

export const settingsStyles = css`
  :host {
    container: billingone-settings / inline-size;
  }

  .shell {
    display: grid;
    grid-template-columns: var(--billingone-settings-sidebar-width, var(--billingone-sidebar-width)) minmax(0, 1fr);
    align-items: start;
    gap: var(--billingone-space-2xl);
    padding: var(--billingone-space-xl);
  }
  .shell-gate {
    padding: var(--billingone-space-xl);
  }

  .sidebar {
    display: flex;
    flex-direction: column;
    gap: var(--billingone-space-lg);
    position: sticky;
    inset-block-start: var(--billingone-space-lg);
  }

  .org {
    display: flex;
    align-items: center;
    gap: var(--billingone-space-sm);
    font-weight: var(--billingone-font-weight-bold);
  }
  .org img {
    block-size: var(--billingone-control-height);
    inline-size: auto;
    max-inline-size: 100%;
    object-fit: contain;
  }

  .menu-toggle {
    display: none;
    justify-content: space-between;
    inline-size: 100%;
  }
  .menu-toggle::after {
    content: '';
    inline-size: var(--billingone-space-sm);
    block-size: var(--billingone-space-sm);
    border-inline-end: var(--billingone-focus-ring-width) solid currentColor;
    border-block-end: var(--billingone-focus-ring-width) solid currentColor;
    transform: rotate(45deg);
    transition: transform var(--billingone-duration);
  }
  .menu-toggle[aria-expanded='true']::after {
    transform: rotate(225deg);
  }

  .nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: var(--billingone-space-2xs);
  }
  .nav-item {
    display: flex;
    align-items: center;
    gap: var(--billingone-space-sm);
    inline-size: 100%;
    min-block-size: var(--billingone-control-height);
    padding-block: var(--billingone-space-xs);
    padding-inline: var(--billingone-space-md);
    border: 0;
    border-inline-start: var(--billingone-space-xs) solid transparent;
    border-radius: var(--billingone-radius-md);
    background: transparent;
    color: var(--billingone-color-text);
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .nav-item:hover {
    background: var(--billingone-color-surface);
  }
  .nav-item[aria-current='page'] {
    background: var(--billingone-color-primary-soft);
    border-inline-start-color: var(--billingone-color-primary);
    font-weight: var(--billingone-font-weight-bold);
  }

  .content {
    min-inline-size: 0;
  }

  @container billingone-settings (max-width: ${shellCollapseWidth}) {
    .shell {
      grid-template-columns: minmax(0, 1fr);
      gap: var(--billingone-space-lg);
      padding: var(--billingone-space-lg);
    }
    .sidebar {
      position: static;
    }
    .menu-toggle {
      display: inline-flex;
    }
    .nav:not(.nav-open) {
      display: none;
    }
  }
`;
