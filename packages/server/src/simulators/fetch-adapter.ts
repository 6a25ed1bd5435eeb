import type { FetchLike } from '../providers/http.js';

interface RequestHandler {
  request(input: string, init?: RequestInit): Response | Promise<Response>;
}

/**
 * A `fetch` that answers from a simulator's Hono app in memory, without a socket. Unlike a bare
 * `app.request`, it honours `init.signal`, so client timeouts and aborts behave as over HTTP.
 */
export function simulatorFetch(app: RequestHandler): FetchLike {
  return (input, init = {}) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const answer = Promise.resolve(app.request(input, init));
    if (!signal) return answer;
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      answer.then(
        (response) => {
          signal.removeEventListener('abort', onAbort);
          resolve(response);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  };
}
