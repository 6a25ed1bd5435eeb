export interface BillingoneSavedDetail {
  /** The section the change was made in, e.g. `organization`. */
  readonly section: string;
  /** What was saved, e.g. `organization.name`, `member.role`. */
  readonly resource: string;
}

/** A user saved a change (fired after the server accepted it). */
export class BillingoneSavedEvent extends Event {
  static readonly eventName = 'billingone-saved';
  readonly detail: BillingoneSavedDetail;
  constructor(detail: BillingoneSavedDetail) {
    super(BillingoneSavedEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'billingone-saved': BillingoneSavedEvent;
  }
}
