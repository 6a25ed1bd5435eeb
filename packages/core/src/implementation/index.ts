/**
 * What every implementation of the Settings API shares (the reference server and the Storybook mock):
 * problem documents, the reading of JSON request bodies, keyset pages and their cursors, base64url, the team-rule statuses, the
 * notification matrix rules, name similarity for company mapping suggestions, ETag matching, a
 * seeded random source for demo data, and the shape of a handler's context. Free of DOM and Node APIs.
 * Not part of the main entry, so browsers of the elements never download it.
 */
export { ProblemError, problem, fieldProblem, internalError, problemResponse, issuesToFieldErrors } from './problem.js';
export { MAX_JSON_BYTES, parseJsonBody } from './json-body.js';
export { keysetPage, encodeCursor, decodeCursor, decodeTimeCursor } from './paging.js';
export { base64urlEncode, base64urlDecode } from './base64url.js';
export { teamRuleStatus, enforceTeamRule } from './team-rules.js';
export {
  defaultNotificationMatrix,
  isLockedNotificationCell,
  normalizeNotificationMatrix,
  applyNotificationUpdate,
  type NotificationMatrixChange,
} from './notification-matrix.js';
export { nameTokens, normalizeName, trigrams, nameSimilarity, createNameMatcher, type Candidate, type Match } from './similarity.js';
export { canonicalJson, etagMatches } from './etag.js';
export { mulberry32 } from './random.js';
export type { ParsedParams, ParsedQuery, ParsedBody, HandlerResult, HandlerContextBase } from './handler-context.js';
