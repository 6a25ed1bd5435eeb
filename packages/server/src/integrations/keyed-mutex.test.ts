import { describe, expect, it } from 'vitest';
import { createKeyedMutex } from './keyed-mutex.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('createKeyedMutex', () => {
  it('runs holders of one key one after the other, in arrival order', async () => {
    const mutex = createKeyedMutex();
    const events: string[] = [];
    const job = (name: string) =>
      mutex.run('conn_1', async () => {
        events.push(`${name} in`);
        await tick();
        events.push(`${name} out`);
        return name;
      });
    const results = await Promise.all([job('a'), job('b'), job('c')]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('lets different keys run at the same time', async () => {
    const mutex = createKeyedMutex();
    const events: string[] = [];
    await Promise.all(
      ['x', 'y'].map((key) =>
        mutex.run(key, async () => {
          events.push(`${key} in`);
          await tick();
          events.push(`${key} out`);
        }),
      ),
    );
    expect(events.slice(0, 2).sort()).toEqual(['x in', 'y in']);
  });

  it('releases the key when the holder throws, and forgets idle keys', async () => {
    const mutex = createKeyedMutex();
    await expect(mutex.run('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(mutex.isLocked('k')).toBe(false);
    const pending = mutex.run('k', async () => {
      await tick();
      return 42;
    });
    expect(mutex.isLocked('k')).toBe(true);
    await expect(pending).resolves.toBe(42);
    expect(mutex.isLocked('k')).toBe(false);
  });
});
