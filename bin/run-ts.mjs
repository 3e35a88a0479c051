#!/usr/bin/env node
import { resolve } from 'node:path';
// Runs one TypeScript script (bench, generators) through tsx: `node bin/run-ts.mjs file.ts args…`.
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [script, ...rest] = process.argv.slice(2);
if (!script) {
  console.error('usage: run-ts.mjs <script.ts> [args…]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(script), ...rest];
await import(pathToFileURL(resolve(script)).href);
