import type * as z from 'zod/mini';
import type { FieldError } from '../schemas/common.js';
import type { SchemaIssue } from './errors.js';

type Issue = z.core.$ZodIssue;

/** `['emails', 2]` → `'emails.2'`. */
export function dottedPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Field errors for a form from zod issues. Schemas carry their own messages; zod/mini's generic
 * "Invalid input" is replaced by a plain sentence chosen from the issue code.
 */
export function fieldErrorsFrom(issues: readonly Issue[], value: unknown): FieldError[] {
  return issues.map((issue) => ({
    path: dottedPath(issue.path),
    message: issue.message && issue.message !== 'Invalid input' ? issue.message : plainMessage(issue, valueAt(value, issue.path)),
    code: issue.code,
  }));
}

/** Issues of a response that did not fit its schema, for developers. */
export function schemaIssuesFrom(issues: readonly Issue[]): SchemaIssue[] {
  return issues.map((issue) => {
    let message = issue.message;
    if (message === 'Invalid input') {
      if (issue.code === 'invalid_type') message = `expected ${issue.expected}`;
      else if (issue.code === 'invalid_format') message = `expected ${issue.format} format`;
      else if (issue.code === 'invalid_value') message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
      else message = issue.code;
    }
    return { path: dottedPath(issue.path), message };
  });
}

function plainMessage(issue: Issue, value: unknown): string {
  if ((value === undefined || value === null) && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return 'This field is required.';
  }
  switch (issue.code) {
    case 'invalid_type':
      return 'Enter a valid value.';
    case 'invalid_format':
      return issue.format === 'email' ? 'Enter a valid email address.' : issue.format === 'url' ? 'Enter a valid URL.' : 'Enter a valid value.';
    case 'too_small':
      return issue.origin === 'string' ? `Use at least ${issue.minimum} characters.` : issue.origin === 'array' ? `Add at least ${issue.minimum}.` : `Use ${issue.minimum} or more.`;
    case 'too_big':
      return issue.origin === 'string' ? `Use at most ${issue.maximum} characters.` : issue.origin === 'array' ? `Add at most ${issue.maximum}.` : `Use ${issue.maximum} or less.`;
    case 'invalid_value':
      return 'Choose one of the options.';
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`;
    default:
      return 'Enter a valid value.';
  }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Upload rules of an endpoint: accepted MIME types and the size limit. */
export interface UploadRules {
  readonly types: readonly string[];
  readonly maxBytes: number;
}

/** Checks a file against upload rules; returns field errors on the path `file` (empty when it fits). */
export function checkUpload(rules: UploadRules, file: Blob): FieldError[] {
  const type = file.type.split(';', 1)[0]!.trim().toLowerCase();
  if (!rules.types.includes(type)) {
    const names = rules.types.map(typeName);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names[0];
    return [{ path: 'file', code: 'invalid_type', message: `Choose a ${list} file.` }];
  }
  if (file.size === 0) return [{ path: 'file', code: 'too_small', message: 'The file is empty.' }];
  if (file.size > rules.maxBytes) {
    return [{ path: 'file', code: 'too_big', message: `The file is larger than ${formatBytes(rules.maxBytes)}.` }];
  }
  return [];
}

const typeNames: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/svg+xml': 'SVG', 'image/webp': 'WebP', 'text/csv': 'CSV' };

function typeName(mime: string): string {
  return typeNames[mime] ?? mime.slice(mime.indexOf('/') + 1).toUpperCase();
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
