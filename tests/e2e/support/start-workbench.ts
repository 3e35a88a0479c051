import type { BrowserContext, Page } from 'playwright-core';
import type { ApiHandler } from '../../../analysis/api/handler.ts';
import { startBrowserMode } from '../browser-mode.ts';

// One workbench per e2e file: browser mode (fresh SoilTrace home, loopback server on a free port,
// Debian's Chromium) and one 1440 × 900 page that accepts downloads, with its page errors and
// CSP violations collected for the file's last check.

export interface Workbench {
  page: Page;
  /** The server's URL, with its session token. */
  url: string;
  /** The temporary SoilTrace home, removed on close. */
  home: string;
  handler: ApiHandler;
  pageErrors: string[];
  cspViolations: string[];
  close(): Promise<void>;
}

export async function startWorkbench(): Promise<Workbench> {
  const mode = await startBrowserMode();
  let context: BrowserContext | undefined;
  try {
    context = await mode.browser.newContext({
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const opened = context;
    return {
      page,
      url: mode.server.url,
      home: mode.home,
      handler: mode.handler,
      pageErrors,
      cspViolations,
      async close() {
        await opened.close();
        await mode.close();
      },
    };
  } catch (error) {
    await context?.close();
    await mode.close();
    throw error;
  }
}
