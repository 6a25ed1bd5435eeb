import { describe, expect, it, vi } from 'vitest';
import { createEmbedTokenSource, type EmbedToken } from './embed-token.js';

const at = (ms: number) => new Date(ms).toISOString();

function source(answers: (EmbedToken | null)[], now = { ms: 0 }) {
  const fetchToken = vi.fn(async () => {
    if (answers.length === 0) throw new Error('no more tokens');
    return answers.shift()!;
  });
  return { tokens: createEmbedTokenSource({ fetchToken, refreshMarginMs: 60_000, now: () => now.ms }), fetchToken, now };
}

describe('createEmbedTokenSource', () => {
  it('fetches once and reuses the token until it is near expiry', async () => {
    const { tokens, fetchToken, now } = source([
      { token: 't1', expiresAt: at(600_000) },
      { token: 't2', expiresAt: at(1_200_000) },
    ]);
    expect(await tokens.getToken()).toBe('t1');
    now.ms = 539_000;
    expect(await tokens.getToken({ forceRefresh: false })).toBe('t1');
    expect(fetchToken).toHaveBeenCalledTimes(1);
    now.ms = 540_000; // within a minute of expiry
    expect(await tokens.getToken()).toBe('t2');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('reuses a short-lived token for half its lifetime instead of refetching it at once', async () => {
    const { tokens, fetchToken, now } = source([
      { token: 't1', expiresAt: at(60_000) },
      { token: 't2', expiresAt: at(120_000) },
    ]);
    expect(await tokens.getToken()).toBe('t1');
    now.ms = 29_000;
    expect(await tokens.getToken()).toBe('t1');
    expect(fetchToken).toHaveBeenCalledTimes(1);
    now.ms = 30_000;
    expect(await tokens.getToken()).toBe('t2');
  });

  it('fetches a new token when the API refused the current one (forceRefresh)', async () => {
    const { tokens } = source([
      { token: 't1', expiresAt: at(600_000) },
      { token: 't2', expiresAt: at(600_000) },
    ]);
    expect(await tokens.getToken()).toBe('t1');
    expect(await tokens.getToken({ forceRefresh: true })).toBe('t2');
    expect(await tokens.getToken()).toBe('t2');
  });

  it('shares one fetch between concurrent callers', async () => {
    const { tokens, fetchToken } = source([{ token: 't1', expiresAt: at(600_000) }]);
    const results = await Promise.all([tokens.getToken(), tokens.getToken(), tokens.getToken({ forceRefresh: true })]);
    expect(results).toEqual(['t1', 't1', 't1']);
    expect(fetchToken).toHaveBeenCalledTimes(1);
  });

  it('gives null once the portal session has ended, and fetches again next time', async () => {
    const { tokens, fetchToken } = source([null, { token: 't2', expiresAt: at(600_000) }]);
    expect(await tokens.getToken()).toBeNull();
    expect(await tokens.getToken()).toBe('t2');
    expect(fetchToken).toHaveBeenCalledTimes(2);
  });

  it('forgets the token on clear, and drops an answer that arrives after it', async () => {
    let release: (token: EmbedToken) => void = () => undefined;
    const fetchToken = vi
      .fn<() => Promise<EmbedToken | null>>()
      .mockResolvedValueOnce({ token: 't1', expiresAt: at(600_000) })
      .mockImplementationOnce(() => new Promise((resolve) => (release = resolve)))
      .mockResolvedValueOnce({ token: 't3', expiresAt: at(600_000) });
    const tokens = createEmbedTokenSource({ fetchToken, now: () => 0 });
    expect(await tokens.getToken()).toBe('t1');
    const late = tokens.getToken({ forceRefresh: true });
    tokens.clear();
    release({ token: 't2', expiresAt: at(600_000) });
    expect(await late).toBeNull();
    expect(await tokens.getToken()).toBe('t3');
  });

  it('refuses an answer without a usable token', async () => {
    const { tokens } = source([{ token: 't1', expiresAt: 'tomorrow' }]);
    await expect(tokens.getToken()).rejects.toThrow('The portal answered without a usable BillingOne token.');
  });
});
