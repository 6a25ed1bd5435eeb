export { createSettingsClient } from './client.js';
export {
  SettingsError,
  SettingsApiError,
  SettingsNetworkError,
  SettingsSchemaError,
  SettingsValidationError,
  isSettingsError,
  toSettingsError,
  errorMessage,
  type NetworkErrorKind,
  type SchemaIssue,
} from './errors.js';
export { serializeQuery, parseRetryAfter } from './http.js';
export { checkUpload, type UploadRules } from './validation.js';
export type {
  SettingsClient,
  SettingsClientOptions,
  CallOptions,
  RequestInput,
  InputArgs,
  ResponseWithMeta,
  EndpointBodyOutput,
  ValidationResult,
} from './types.js';
