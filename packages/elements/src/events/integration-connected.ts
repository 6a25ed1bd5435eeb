import type { Provider } from '@billingone/settings-core';

export interface BillingoneIntegrationDetail {
  readonly provider: Provider;
}

/** The user connected an integration (Pax8 credentials saved, or Xero authorised). */
export class BillingoneIntegrationConnectedEvent extends Event {
  static readonly eventName = 'billingone-integration-connected';
  readonly detail: BillingoneIntegrationDetail;
  constructor(detail: BillingoneIntegrationDetail) {
    super(BillingoneIntegrationConnectedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/** The user disconnected an integration. */
export class BillingoneIntegrationDisconnectedEvent extends Event {
  static readonly eventName = 'billingone-integration-disconnected';
  readonly detail: BillingoneIntegrationDetail;
  constructor(detail: BillingoneIntegrationDetail) {
    super(BillingoneIntegrationDisconnectedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'billingone-integration-connected': BillingoneIntegrationConnectedEvent;
    'billingone-integration-disconnected': BillingoneIntegrationDisconnectedEvent;
  }
}
