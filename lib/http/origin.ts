import type { IncomingHttpHeaders } from "node:http";

/** A base no path on this site can leave: whatever a path resolves to against it stays on it. */
const HOME = "http://palimpsest.invalid";

/**
 * A path on this site to go to (after signing in, say), or `fallback` when `target` would lead
 * anywhere else. The target is resolved the way a browser would resolve it, so `/\evil.test`,
 * `/%09/evil.test` and `//evil.test` are all refused.
 */
export function localPath(target: string | null | undefined, fallback = "/"): string {
  if (!target || !target.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(target, HOME);
  } catch {
    return fallback;
  }
  if (url.origin !== HOME) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // What the browser will see must resolve the same way again (no `//` left at the start).
  return path.startsWith("//") ? fallback : path;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type AnyHeaders = IncomingHttpHeaders | Headers;
const header = (headers: AnyHeaders, name: string): string | undefined => {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
};

/**
 * Why a request must be refused as a cross-site write, or null when it may go on: a request that
 * changes something, authenticated by the browser's cookie (not a bearer token), and sent by a page
 * of another site (its `Origin`, or `Sec-Fetch-Site` when a browser sends no origin). The site's
 * own host is the one the request was sent to (`X-Forwarded-Host` behind a proxy), as Next.js
 * checks for server actions.
 */
export function crossSiteWrite(method: string | undefined, headers: AnyHeaders): string | null {
  if (SAFE_METHODS.has((method ?? "GET").toUpperCase())) return null;
  if (header(headers, "authorization") || !header(headers, "cookie")) return null;
  const origin = header(headers, "origin");
  const host = header(headers, "x-forwarded-host")?.split(",")[0].trim() || header(headers, "host");
  if (origin === undefined) {
    const site = header(headers, "sec-fetch-site");
    return site && site !== "same-origin" && site !== "none" ? "This request came from another site." : null;
  }
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    // "null" (a sandboxed frame, a privacy-preserving redirect) or garbage: not this site.
  }
  return originHost && originHost === host ? null : "This request came from another site.";
}

const HOST = /^(?:[\w-]+(?:\.[\w-]+)*|\[[\da-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The site's public address, for links that leave the page (feeds): the configured `NEXTAUTH_URL`,
 * else the host the request was sent to. Never the address the server listens on (`0.0.0.0`).
 */
export function publicOrigin(headers: Headers, env: { NEXTAUTH_URL?: string } = process.env): string {
  const configured = env.NEXTAUTH_URL?.trim();
  if (configured && URL.canParse(configured)) return new URL(configured).origin;
  const host = headers.get("host") ?? "";
  return HOST.test(host) ? `http://${host.toLowerCase()}` : "http://localhost";
}
