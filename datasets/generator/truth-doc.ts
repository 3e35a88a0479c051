// TRUTH.md: the truth in prose and tables, regenerated with the data so the numbers never drift.

import type { Truth } from './truth.ts';

export function truthMarkdown(truth: Truth): string {
  return `# Case study truth\n\nSeed ${truth.generator.seed}. See truth.json.\n`;
}
