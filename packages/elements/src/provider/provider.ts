import { css, html } from 'lit';
import { BillingoneScopeElement } from '../base/scope-element.js';

/**
 * Gives every BillingOne element inside it a Settings API client, the shared stores and a locale,
 * so a section can be placed anywhere in a host page on its own.
 *
 * ```html
 * <billingone-provider base-url="https://settings.example.com">
 *   <billingone-team></billingone-team>
 * </billingone-provider>
 * ```
 *
 * The client is the `client` property when set, else one made from `base-url` (the page's origin when
 * empty; cookie session) and, for bearer mode, the `getToken` property. Without either it reuses the
 * client of an enclosing provider or shell.
 *
 * @summary Provides the Settings API client, stores and locale to the elements inside.
 * @tagname billingone-provider
 *
 * @slot - The elements (sections, host content) that use the provided client.
 *
 * @cssprop [--billingone-color-primary=#1d4ed8] - Any `--billingone-*` token set here reaches every element inside.
 */
export class BillingoneProvider extends BillingoneScopeElement {
  static override styles = [
    BillingoneScopeElement.styles,
    css`
      :host {
        all: unset;
        display: contents;
      }
    `,
  ];

  protected override render() {
    return html`<slot></slot>`;
  }
}
