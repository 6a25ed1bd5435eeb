import type { ApiResponse } from '../http.js';
import type { Prepared } from '../scenario.js';

export const valid = (request: Prepared['request'] = {}, more: Omit<Prepared, 'request' | 'valid'> = {}): Prepared => ({ request, valid: true, ...more });
export const accessOnly = (request: Prepared['request']): Prepared => ({ request, valid: false });
export const skipped = (reason: string): Prepared => ({ request: {}, valid: false, skip: reason });

export const succeeded = (res: ApiResponse | undefined) => res !== undefined && res.status >= 200 && res.status < 300;

/** A short random suffix for names and addresses the suite creates. */
export const nonce = () => Math.random().toString(36).slice(2, 10);
