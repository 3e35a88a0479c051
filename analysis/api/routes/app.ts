import { readFileSync } from 'node:fs';
import type { RouteModule } from './types.ts';

const version = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const appRoutes: RouteModule = {
  'app.info': async () => ({ version, transport: 'direct' }),
};
