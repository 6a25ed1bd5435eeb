/**
 * The shared `::part` vocabulary of every element. The shell re-exports the parts of the section it
 * shows under the same names, so `billingone-settings::part(primary-button)` styles every section.
 */
export const partNames = [
  'base',
  'header',
  'title',
  'body',
  'section',
  'card',
  'form',
  'field',
  'label',
  'input',
  'hint',
  'error',
  'button',
  'primary-button',
  'danger-button',
  'table',
  'row',
  'badge',
  'dialog',
  'nav',
  'nav-item',
  'status',
] as const;
export type PartName = (typeof partNames)[number];

/** The value of an `exportparts` attribute re-exporting every shared part. */
export const exportPartsValue = partNames.join(', ');
