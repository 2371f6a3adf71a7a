/**
 * Schemes a stored link may use; anything else (javascript:, data:, vbscript:, …) is refused.
 * `file:` carries DokuWiki's Windows share links (`\\server\share`); it runs nothing.
 */
export const SAFE_URL_PROTOCOLS = ["http:", "https:", "ftp:", "mailto:", "file:"] as const;

/** The URL in canonical form when it is absolute and uses a safe scheme; otherwise null. */
export function safeUrl(raw: string): string | null {
  const text = raw.trim();
  // Control characters and whitespace inside a URL are how scheme checks get smuggled past.
  if (!text || /[\u0000-\u0020\u007f]/.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return (SAFE_URL_PROTOCOLS as readonly string[]).includes(url.protocol) ? url.href : null;
}

/** An absolute http(s) address, resolved against `base` when relative; null for anything else. */
export function webUrl(raw: string, base?: string | URL): URL | null {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url : null;
}

const TRACKING_PARAMETER = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref_src)$/i;

/**
 * A URL as compared when de-duplicating sources: lower-case scheme and host, http treated as https,
 * no `www.`, no fragment, no tracking parameters, no trailing slash. Null when the URL is not safe.
 */
export function normalizeUrl(raw: string): string | null {
  const href = safeUrl(raw);
  if (!href) return null;
  const url = new URL(href);
  if (url.protocol === "http:") url.protocol = "https:";
  url.hostname = url.hostname.replace(/^www\./, "");
  url.hash = "";
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(key)) url.searchParams.delete(key);
  }
  url.searchParams.sort();
  return url.href.replace(/\/+(?=$|\?)/, "");
}

/**
 * A DOI as compared when de-duplicating sources: `10.<registrant>/<suffix>`, lower case (DOIs are
 * case-insensitive), from a bare DOI, `doi:…` or a doi.org address. Null when it is not a DOI.
 */
export function normalizeDoi(raw: string): string | null {
  const text = raw.trim().replace(/^(?:doi:\s*|https?:\/\/(?:dx\.)?doi\.org\/)/i, "");
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // keep it as written
  }
  return /^10\.\d{4,9}\/\S+$/.test(decoded) ? decoded.toLowerCase() : null;
}
