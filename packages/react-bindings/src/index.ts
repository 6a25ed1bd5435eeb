/**
 * @billingone/settings-react: React components for the BillingOne settings elements, one per element,
 * generated from the elements' custom elements manifest with @lit/react.
 *
 * Props are the element's properties (set as properties, so objects and functions work), events are
 * typed `on…` handlers (`onBillingoneSaved`, `onBillingoneNavigate`, …), and a ref gives the element.
 * Each component registers only its own element: `@billingone/settings-react/<element>` (e.g.
 * `/settings`, `/team`) imports one component alone.
 */
export * from './generated.js';
export type { BillingoneComponent, EventHandlers, EventProps, WrapperProps } from './component.js';
