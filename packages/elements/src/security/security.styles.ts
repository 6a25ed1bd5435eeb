import { css } from 'lit';

/**
 * Styles of the security screens, shared by `<billingone-security>` and `<billingone-mfa-enrollment>`
 * (tokens only; logical properties for right-to-left).
 */
export const securityStyles = css`
  :host {
    --billingone-security-qr-size: 12rem;
    --billingone-security-qr-color: CanvasText;
    --billingone-security-qr-background: Canvas;
  }

  .note {
    padding-block: var(--billingone-space-sm);
    padding-inline: var(--billingone-space-md);
    border-inline-start: calc(var(--billingone-border-width) * 3) solid var(--billingone-color-warning);
    border-radius: var(--billingone-radius-sm);
    background: var(--billingone-color-warning-soft);
    color: var(--billingone-color-text);
  }

  .status-line {
    color: var(--billingone-color-muted);
  }

  .steps {
    display: flex;
    flex-direction: column;
    gap: var(--billingone-space-lg);
    margin: 0;
    padding-inline-start: var(--billingone-space-xl);
  }
  .steps > li::marker {
    font-weight: var(--billingone-font-weight-bold);
  }

  /* Scanners need dark modules on a light ground whatever the theme: the frame stays light. */
  .qr-frame {
    color-scheme: light;
    inline-size: var(--billingone-security-qr-size);
    block-size: var(--billingone-security-qr-size);
    border: var(--billingone-border-width) solid var(--billingone-color-border);
    border-radius: var(--billingone-radius-md);
    overflow: hidden;
  }
  .qr {
    display: block;
    inline-size: 100%;
    block-size: 100%;
  }
  .qr-background {
    fill: var(--billingone-security-qr-background);
  }
  .qr-modules {
    fill: var(--billingone-security-qr-color);
  }

  .secret {
    padding-block: var(--billingone-space-xs);
    padding-inline: var(--billingone-space-sm);
    border-radius: var(--billingone-radius-sm);
    background: var(--billingone-color-surface);
    border: var(--billingone-border-width) solid var(--billingone-color-border);
    font-size: var(--billingone-font-size-md);
    letter-spacing: 0.05em;
    word-spacing: 0.3em;
    user-select: all;
  }

  .codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: var(--billingone-space-xs) var(--billingone-space-lg);
    margin: 0;
    padding: var(--billingone-space-md);
    list-style: none;
    border: var(--billingone-border-width) dashed var(--billingone-color-input-border);
    border-radius: var(--billingone-radius-md);
    background: var(--billingone-color-surface);
  }
  .codes code {
    font-size: var(--billingone-font-size-md);
    user-select: all;
  }

  .choice {
    display: flex;
    flex-wrap: wrap;
    gap: var(--billingone-space-sm) var(--billingone-space-lg);
    margin: 0;
    padding: 0;
    border: 0;
  }
  .choice legend {
    inline-size: 100%;
    margin-block-end: var(--billingone-space-xs);
    padding: 0;
  }

  .actions {
    inline-size: 1%;
    white-space: nowrap;
  }
  .passkey-name {
    font-weight: var(--billingone-font-weight-medium);
  }
  .rename {
    min-inline-size: 14rem;
  }

  /* Headings and regions that receive focus only to be read next; they are not controls. */
  [tabindex='-1']:focus {
    outline: none;
  }
`;
