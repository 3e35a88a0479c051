#!/usr/bin/env node
// Entry point of the `soiltrace` command: loads the TypeScript core through tsx,
// so the CLI runs from a fresh clone without a build step.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`soiltrace … | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../analysis/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
