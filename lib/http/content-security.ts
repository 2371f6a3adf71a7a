import { randomBytes } from "node:crypto";

/**
 * The Content-Security-Policy of every page: scripts run only when they carry the nonce of the
 * response that brought them (Next.js puts it on its own, read from the request's policy header) or
 * were loaded by one that did ('strict-dynamic'); nothing is framed by, or posts forms to, another
 * site. Styles may be inline: the editor and React's style attributes need it, and a style cannot
 * run script. A cached page is served with the policy it was rendered under, so its nonce stays
 * unpredictable to anyone writing content, which is rendered later under a new one (decision 11).
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join("; ");
}

/** A nonce for one response: 128 random bits. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}
