import { css } from 'lit';

export const brandingStyles = css`
  :host {
    max-inline-size: var(--billingone-content-max-width);
  }
  .logo-row {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--billingone-space-xl);
  }
  .logo-frame {
    display: flex;
    align-items: center;
    justify-content: center;
    inline-size: 10rem;
    block-size: 5rem;
    padding: var(--billingone-space-sm);
    border: var(--billingone-border-width) dashed var(--billingone-color-border);
    border-radius: var(--billingone-radius-md);
    background: var(--billingone-color-surface);
    text-align: center;
  }
  .logo {
    max-inline-size: 100%;
    max-block-size: 100%;
    object-fit: contain;
  }
  .colours {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--billingone-space-lg);
  }
  .colour-inputs {
    display: flex;
    gap: var(--billingone-space-sm);
    align-items: center;
  }
  .picker {
    flex: none;
    inline-size: var(--billingone-control-height);
    block-size: var(--billingone-control-height);
    padding: var(--billingone-space-2xs);
    border: var(--billingone-border-width) solid var(--billingone-color-input-border);
    border-radius: var(--billingone-radius-md);
    background: var(--billingone-color-bg);
    cursor: pointer;
  }
  .hex {
    max-inline-size: 9rem;
  }
  figure {
    margin: 0;
  }
  .preview {
    --preview-primary: var(--billingone-color-primary);
    --preview-primary-fg: var(--billingone-color-primary-fg);
    --preview-accent: var(--billingone-color-accent);
    --preview-accent-fg: var(--billingone-color-accent-fg);
    overflow: hidden;
    border: var(--billingone-border-width) solid var(--billingone-color-border);
    border-radius: var(--billingone-radius-lg);
    background: var(--billingone-color-bg);
  }
  .preview-header {
    display: flex;
    align-items: center;
    gap: var(--billingone-space-md);
    padding-block: var(--billingone-space-md);
    padding-inline: var(--billingone-space-lg);
    background: var(--preview-primary);
    color: var(--preview-primary-fg);
    font-weight: var(--billingone-font-weight-bold);
  }
  .preview-logo {
    max-block-size: 2rem;
    max-inline-size: 6rem;
    object-fit: contain;
  }
  .preview-body {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--billingone-space-md);
    padding: var(--billingone-space-lg);
  }
  .preview-button,
  .preview-accent {
    display: inline-flex;
    align-items: center;
    min-block-size: var(--billingone-control-height);
    padding-inline: var(--billingone-space-lg);
    border-radius: var(--billingone-radius-md);
    font-weight: var(--billingone-font-weight-medium);
  }
  .preview-button {
    background: var(--preview-primary);
    color: var(--preview-primary-fg);
  }
  .preview-accent {
    background: var(--preview-accent);
    color: var(--preview-accent-fg);
  }
  .danger-text {
    color: var(--billingone-color-danger);
  }
`;
