import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { type ApiHandler, createApiHandler } from '../../analysis/api/handler.ts';
import { buildRenderer, distDir, rendererBuildReason } from '../../analysis/server/renderer-build.ts';
import { type RunningServer, startServer } from '../../analysis/server/server.ts';
import { repoRoot } from '../support/shared-data.ts';

// Browser mode as a new user meets it: a fresh SoilTrace home, the built renderer, the loopback
// server on a free port, and Debian's Chromium (never a downloaded browser).

export const CHROMIUM = process.env.SOILTRACE_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const outputDir = join(repoRoot, 'test-output');
export const screenshotDir = join(outputDir, 'screenshots');

export interface BrowserMode {
  home: string;
  handler: ApiHandler;
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserMode(
  options: { projectPath?: string; home?: string } = {},
): Promise<BrowserMode> {
  if (rendererBuildReason()) await buildRenderer();
  mkdirSync(screenshotDir, { recursive: true });
  const home = options.home ?? (await mkdtemp(join(tmpdir(), 'soiltrace-e2e-')));
  const handler = createApiHandler({ homeDir: home, projectPath: options.projectPath });
  const server = await startServer({ handler, distDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    home,
    handler,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await handler.close();
      if (!options.home) await rm(home, { recursive: true, force: true });
    },
  };
}
