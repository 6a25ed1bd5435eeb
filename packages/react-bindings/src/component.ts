import type { EventName } from '@lit/react';
import type * as React from 'react';

/** The event props of a wrapper: handler prop name → the element's event name, typed with its event class. */
export type EventProps = Record<string, EventName>;

/** Typed handlers for `Events`: `onBillingoneSaved?: (event: BillingoneSavedEvent) => void`. */
export type EventHandlers<Events extends EventProps> = {
  [Handler in keyof Events]?: (event: Events[Handler]['__eventType']) => void;
};

/**
 * Props of a wrapper: the element's public properties (set as properties, not attributes), typed
 * event handlers, React's HTML attributes (`className`, `slot`, `children`, …) and a ref to the element.
 */
export type WrapperProps<Element extends HTMLElement, Property extends keyof Element, Events extends EventProps> = Omit<
  React.HTMLAttributes<Element>,
  Property | keyof Events
> &
  Partial<Pick<Element, Property>> &
  EventHandlers<Events> &
  React.RefAttributes<Element>;

/** A React component wrapping a BillingOne custom element (made with @lit/react's `createComponent`). */
export type BillingoneComponent<Element extends HTMLElement, Property extends keyof Element, Events extends EventProps> = React.ForwardRefExoticComponent<
  WrapperProps<Element, Property, Events>
>;
