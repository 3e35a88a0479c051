// Every result carries what produced it (DEVELOPERS.md, "Architecture"): its parameters,
// seed, software version, when it started and how long it took.

import { readFileSync } from 'node:fs';

export interface Provenance<P> {
  parameters: P;
  seed?: number;
  softwareVersion: string;
  startedAt: string;
  elapsedMs: number;
}

export type WithProvenance<P, R> = Provenance<P> & { result: R };

let cachedVersion: string | undefined;

export function softwareVersion(): string {
  cachedVersion ??= (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  ).version;
  return cachedVersion;
}

/** Runs `work` and wraps its result with the parameters, seed, version and timing. */
export async function withProvenance<P, R>(
  parameters: P,
  seed: number | undefined,
  work: () => R | Promise<R>,
): Promise<WithProvenance<P, R>> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const result = await work();
  return {
    parameters,
    seed,
    softwareVersion: softwareVersion(),
    startedAt,
    elapsedMs: performance.now() - t0,
    result,
  };
}
