import { describe, expect, it } from 'vitest';
import { serialQueue } from './serial-queue.ts';

describe('serialQueue', () => {
  it('never overlaps two pieces of work and keeps call order, through failures', async () => {
    const serial = serialQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, ms: number, fail = false) =>
      serial(async () => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`end ${name}`);
        running--;
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([task('a', 20), task('b', 1, true), task('c', 5)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
