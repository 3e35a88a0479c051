import type { WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../analysis/server/security.ts';
import { isAppUrl } from './app-origin.ts';

// The renderer is untrusted web content: it reaches the core only through the typed bridge
// exposed by the preload. Electron security checklist:
// https://www.electronjs.org/docs/latest/tutorial/security

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/**
 * The renderer's policy is the one the built page and browser mode carry (no 'unsafe-eval',
 * scripts from the app only; see analysis/server/security.ts), plus no frames at all: the
 * workbench embeds nothing.
 */
export function contentSecurityPolicy(): string {
  return `${CONTENT_SECURITY_POLICY}; frame-src 'none'; child-src 'none'`;
}

/** Headers added to every response the renderer receives. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * Response headers with our CSP replacing any the response brought (header names compare
 * case-insensitively), for session.webRequest.onHeadersReceived.
 */
export function withSecurityHeaders(
  headers: Record<string, string | string[]> | undefined,
): Record<string, string | string[]> {
  const ours = securityHeaders();
  const oursLower = new Set(Object.keys(ours).map((name) => name.toLowerCase()));
  const kept = Object.entries(headers ?? {}).filter(([name]) => !oursLower.has(name.toLowerCase()));
  return { ...Object.fromEntries(kept), ...ours };
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The slice of WebContents the guards need; a real WebContents satisfies it. */
export interface GuardableContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: PreventableEvent & { url: string }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void;
}

export interface GuardDecisions {
  /** URLs whose navigation was refused, newest last (for logging). */
  refused: string[];
}

/**
 * Navigation may only stay inside the app origin (hash/route changes never reach these
 * events); redirects leaving it, new windows and <webview> attachment are always refused.
 */
export function createNavigationGuards(contents: GuardableContents): GuardDecisions {
  const decisions: GuardDecisions = { refused: [] };
  const guard = (event: PreventableEvent & { url: string }) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      decisions.refused.push(event.url);
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details) => {
    decisions.refused.push(details.url);
    return { action: 'deny' };
  });
  return decisions;
}

/** The slice of Session the permission handlers need. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
}

/** The workbench needs no camera, location, notifications, clipboard reads… : refuse them all. */
export function refuseAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * IPC is answered only for the top frame of our own page: not for a subframe, not after a
 * navigation away (which the guards refuse anyway), not for a destroyed frame.
 */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.parent === null && isAppUrl(frame.url);
}
