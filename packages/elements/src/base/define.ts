/**
 * Registers a custom element once. Loading the same element twice (e.g. two entry points) is harmless;
 * a different class under a taken name is reported, not thrown, so the page keeps working.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(name);
  if (!existing) {
    customElements.define(name, constructor);
  } else if (existing !== constructor) {
    console.warn(`BillingOne settings: <${name}> is already defined by another copy of the package; keeping the first definition.`);
  }
}
