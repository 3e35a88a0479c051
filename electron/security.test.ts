import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  createNavigationGuards,
  type GuardableContents,
  isTrustedSender,
  refuseAllPermissions,
  secureWebPreferences,
  withSecurityHeaders,
} from './security.ts';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name, sources] as [string, string[]];
    }),
  );
}

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer, with no Node and web security on', () => {
    const prefs = secureWebPreferences('/app/dist-electron/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy();
  const parsed = directives(csp);

  it('never allows eval, and scripts only from the app itself', () => {
    expect(csp).not.toContain('unsafe-eval');
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    expect(parsed.get('script-src')).toEqual(["'self'"]);
  });

  it('forbids plugins, frames, base and form targets', () => {
    for (const name of [
      'object-src',
      'frame-src',
      'child-src',
      'frame-ancestors',
      'base-uri',
      'form-action',
    ]) {
      expect(parsed.get(name), name).toEqual(["'none'"]);
    }
  });

  it('reaches no other host: every source is self, none, data: or blob: (or inline styles)', () => {
    const allowed = new Set(["'self'", "'none'", 'data:', 'blob:', "'unsafe-inline'"]);
    for (const [name, sources] of parsed) {
      for (const source of sources) expect(allowed.has(source), `${name} ${source}`).toBe(true);
      if (name !== 'style-src') expect(sources).not.toContain("'unsafe-inline'");
    }
  });

  it('replaces a CSP the response brought, whatever its case, and keeps other headers', () => {
    const headers = withSecurityHeaders({
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      'Content-Type': ['text/html'],
    });
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['Content-Security-Policy']).toBe(csp);
    expect(headers['Content-Type']).toEqual(['text/html']);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });
});

/** Records the listeners the guards install, like a WebContents would. */
function fakeContents() {
  const listeners = new Map<string, ((event: { preventDefault(): void; url: string }) => void)[]>();
  let openHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  const contents: GuardableContents = {
    on(event: string, listener: (event: { preventDefault(): void; url: string }) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const fire = (name: string, url: string) => {
    let prevented = false;
    const event = { url, preventDefault: () => (prevented = true) };
    const registered = listeners.get(name) ?? [];
    expect(registered.length, `a listener for ${name}`).toBeGreaterThan(0);
    for (const listener of registered) listener(event);
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler?.({ url }) };
}

describe('createNavigationGuards', () => {
  it('refuses navigation and redirects off the app origin, allows the app itself', () => {
    const { contents, fire } = fakeContents();
    const decisions = createNavigationGuards(contents);
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      expect(fire(event, 'https://example.com/'), event).toBe(true);
      expect(fire(event, 'file:///etc/passwd'), event).toBe(true);
      expect(fire(event, 'soiltrace://evil/index.html'), event).toBe(true);
      expect(fire(event, 'soiltrace://user@app/index.html'), event).toBe(true);
      expect(fire(event, 'soiltrace://app/index.html'), event).toBe(false);
    }
    expect(decisions.refused).toHaveLength(12);
  });

  it('denies every new window and prevents webview attachment', () => {
    const { contents, fire, open } = fakeContents();
    createNavigationGuards(contents);
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('soiltrace://app/index.html')).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview', 'soiltrace://app/index.html')).toBe(true);
  });
});

describe('refuseAllPermissions', () => {
  it('answers every permission request and check with false', () => {
    const installed: {
      request?: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void;
      check?: (wc: unknown, permission: string) => boolean;
    } = {};
    refuseAllPermissions({
      setPermissionRequestHandler: (handler) => {
        installed.request = handler;
      },
      setPermissionCheckHandler: (handler) => {
        installed.check = handler;
      },
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = [];
      installed.request?.(null, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(installed.check?.(null, permission), permission).toBe(false);
    }
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top frame of the app page', () => {
    expect(isTrustedSender({ url: 'soiltrace://app/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'soiltrace://app/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
