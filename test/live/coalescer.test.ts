import { afterEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from '../../src/live/coalescer.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('Coalescer', () => {
  it('runs once per window per key, however many calls the window gathers', async () => {
    vi.useFakeTimers();
    const coalescer = new Coalescer(1_000);
    const runs: string[] = [];
    for (let i = 0; i < 500; i++) coalescer.schedule('a', () => Promise.resolve(void runs.push(`a${i}`)));
    coalescer.schedule('b', () => Promise.resolve(void runs.push('b')));
    await vi.advanceTimersByTimeAsync(999);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toEqual(['a499', 'b']);
  });

  it('a call while a run is under way is followed by one more run after it', async () => {
    vi.useFakeTimers();
    const coalescer = new Coalescer(100);
    let release: () => void = () => undefined;
    const runs: number[] = [];
    coalescer.schedule('a', () => new Promise<void>((resolve) => (release = () => resolve(void runs.push(1)))));
    await vi.advanceTimersByTimeAsync(100);
    coalescer.schedule('a', () => Promise.resolve(void runs.push(2)));
    coalescer.schedule('a', () => Promise.resolve(void runs.push(3)));
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toEqual([]);
    release();
    await vi.advanceTimersByTimeAsync(100);
    expect(runs).toEqual([1, 3]);
  });

  it('drops what waits once closed', async () => {
    vi.useFakeTimers();
    const coalescer = new Coalescer(100);
    const runs: number[] = [];
    coalescer.schedule('a', () => Promise.resolve(void runs.push(1)));
    coalescer.close();
    coalescer.schedule('a', () => Promise.resolve(void runs.push(2)));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toEqual([]);
  });
});
