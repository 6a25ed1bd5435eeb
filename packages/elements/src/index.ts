/**
 * @billingone/settings-elements: the classes, events, theme, localisation and building blocks.
 * Importing this module registers nothing; import `@billingone/settings-elements/<section>` (or the
 * `define.js` of an element) to register an element.
 */
export { BillingoneElement, type Theme } from './base/billingone-element.js';
export { BillingoneScopeElement, resolveBaseUrl, type GetToken, type SettingsClientOptions } from './base/scope-element.js';
export { defineElement } from './base/define.js';
export { storesFor } from './base/stores.js';
export { clientContext, storesContext, localeContext, type SettingsClient, type SettingsStores, type LocaleSettings } from './context.js';
export * from './events/index.js';
export * from './controllers/index.js';
export * from './i18n/index.js';
export * from './ui/index.js';
export { lightTokens, darkTokens, scaleTokens, defaultTokens, registerTokens, themeCss, type TokenName } from './theme/tokens.js';
export { hostStyles, sharedStyles } from './theme/shared.styles.js';
export { contrastRatio, relativeLuminance, accessibleForeground, parseHex, isHexColor, AA_TEXT } from './theme/contrast.js';
export { brandingTokens, brandingCss, applyBranding, type BrandingColors } from './theme/branding.js';
export { BillingoneProvider } from './provider/provider.js';
export { BillingoneSettings } from './settings/settings.js';
export { sectionTags, sectionLoaders, sectionLabelKeys, type ShellSection, type SectionLoader } from './settings/sections.js';
