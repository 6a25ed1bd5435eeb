export interface ElementProperty {
  name: string;
  description: string;
}

export interface ElementEvent {
  /** The DOM event name, e.g. `billingone-saved`. */
  name: string;
  /** The handler prop, e.g. `onBillingoneSaved`. */
  handler: string;
  /** The event class, e.g. `BillingoneSavedEvent`. */
  type: string;
  description: string;
}

export interface WrappedElement {
  /** The folder of the element's define module, also its entry point (`@billingone/settings-elements/<folder>`). */
  folder: string;
  className: string;
  componentName: string;
  tagName: string;
  summary: string;
  properties: ElementProperty[];
  events: ElementEvent[];
}

export function pascalCase(kebab: string): string;
export function kebabCase(name: string): string;
export function handlerName(eventName: string): string;
export function collectElements(manifest: unknown): WrappedElement[];
export function renderWrapper(element: WrappedElement): string;
export function renderIndex(elements: WrappedElement[]): string;
export function renderBindings(manifest: unknown): Map<string, string>;
export function missingEntryPoints(elements: WrappedElement[], packageJson: { exports?: Record<string, unknown> } | undefined): string[];
