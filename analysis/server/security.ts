import { timingSafeEqual } from 'node:crypto';

// Browser mode listens on loopback only, and that is not enough on its own: a web page the user
// visits can still reach 127.0.0.1 (CSRF) or rebind a DNS name to it. Hence: a per-session token
// on every API request, the Host header pinned to the loopback names, no CORS, and a strict CSP.

/**
 * Content-Security-Policy of the renderer. No 'unsafe-eval' (plotly.js-strict-dist-min draws
 * WebGL traces without it); styles allow 'unsafe-inline' because plotly.js injects <style> rules
 * and sets inline styles on its SVG; images allow data:/blob: for plotly's PNG/SVG export.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Host header must name the loopback address and our port (defeats DNS rebinding). */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** A cross-site request carries a foreign Origin; same-origin fetches carry ours or none. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenMatches(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
