export { writeAudit, type AuditInput, type AuditRecord } from './write.js';
export { redact, REDACTED, secretKeyPattern } from './redact.js';
