import { lookup } from "node:dns/promises";
import { fetch as undiciFetch } from "undici";
import { authorize } from "../auth/policy";
import { type CslSourceFields, sourceFieldsFromCsl } from "../content/csl";
import { sourceFieldsFromPage } from "../content/meta-tags";
import { normalizeDoi, safeUrl, webUrl } from "../content/url";
import type { DbOrTx } from "../db";
import { isPublicAddress, literalAddress, PrivateAddressError, publicAgent } from "../http/public-network";
import { rateLimit } from "../http/rate-limit";
import { SourceLookupSchema } from "../validation/lookup";
import { MAX_TITLE_LENGTH, SOURCE_TYPES } from "../validation/source";
import type { Account } from "./accounts";
import { AppError } from "./errors";
import { getSiteSettings } from "./settings";

/** How long a whole look-up (every redirect and the body) may take. */
export const LOOKUP_TIMEOUT_MS = 8_000;
/** Most of a response a look-up reads; a page's metadata sits at its top, so longer pages are cut here. */
export const MAX_LOOKUP_BYTES = 1_000_000;
/** Redirects followed for a web page; each is checked like the first address. */
export const MAX_PAGE_REDIRECTS = 3;
// doi.org hands a DOI on to its registration agency, which may forward it once more.
const MAX_DOI_REDIRECTS = 5;

const CSL_JSON = "application/vnd.citationstyles.csl+json";
const HTML_TYPES = ["text/html", "application/xhtml+xml"];
const USER_AGENT = "Palimpsest (source look-up)";
const BY_HAND = "enter the source by hand";
const PRIVATE_MESSAGE = "That address is on a private network; enter the source by hand.";

/** What a look-up found, ready to fill in the source form. */
export interface SourceLookup {
  fields: CslSourceFields;
  via: "doi" | "url";
}

/** Look-ups an account may make per minute: each one makes this server fetch from the web. */
export const LOOKUPS_PER_MINUTE = 30;
const lookups = rateLimit("source-lookups", LOOKUPS_PER_MINUTE, 60_000);

/** Why a request failed, in words, from fetch's error (or its cause). */
function failureReason(error: unknown): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) {
    return `no answer within ${LOOKUP_TIMEOUT_MS / 1000} seconds`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = String((cause as { code?: unknown } | null)?.code ?? "");
  if (code === "ENOTFOUND" || code === "ENODATA") return "no such host";
  if (code === "EAI_AGAIN") return "the host name could not be looked up";
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return "the connection was dropped";
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT" || code === "UND_ERR_HEADERS_TIMEOUT") return "the connection timed out";
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return "no route to the host";
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return "its certificate is not valid";
  if (cause instanceof Error && cause.message === "bad port") return "that port is closed to web requests";
  return "network error";
}

function unreachable(host: string, error: unknown): AppError {
  return new AppError("UNAVAILABLE", `Could not reach ${host} (${failureReason(error)}). Check the network connection, or ${BY_HAND}.`);
}

function badStatus(host: string, status: number): AppError {
  return new AppError("UNAVAILABLE", `${host} answered with HTTP ${status}. Try again later, or ${BY_HAND}.`);
}

/** Rejects when the signal fires, for work (a DNS query) that cannot be aborted itself. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

/**
 * Refuses a host that is, or resolves to, an address off the public internet. Every address the
 * name resolves to must be public, since fetch may connect to any of them.
 */
async function assertPublicHost(url: URL, signal: AbortSignal): Promise<void> {
  const host = url.hostname;
  let addresses: string[];
  const literal = literalAddress(host);
  if (literal) addresses = [literal];
  else {
    try {
      addresses = (await unlessAborted(lookup(host, { all: true, verbatim: true }), signal)).map((a) => a.address);
    } catch (error) {
      throw unreachable(url.host, error);
    }
  }
  if (!addresses.length || !addresses.every(isPublicAddress)) throw new AppError("INVALID_INPUT", PRIVATE_MESSAGE);
}

/** An http(s) address as typed or stored: absolute, with no spaces or control characters. */
const typedWebUrl = (raw: string) => webUrl(safeUrl(raw) ?? "");

/**
 * GETs an address, following redirects by hand so each hop can be checked: hops to `trustedOrigin`
 * (a resolver an administrator configured) are not, every other hop must be on the public internet.
 * Gives the last response, its address and the signal that bounds the whole look-up.
 */
async function fetchFollowing(
  start: URL,
  options: { accept: string; trustedOrigin: string | null; maxRedirects: number },
): Promise<{ response: Response; url: URL; signal: AbortSignal }> {
  const signal = AbortSignal.timeout(LOOKUP_TIMEOUT_MS);
  let url = start;
  for (let redirects = 0; ; redirects++) {
    const trusted = url.origin === options.trustedOrigin;
    if (!trusted) await assertPublicHost(url, signal);
    let response: Response;
    try {
      const init = { headers: { accept: options.accept, "user-agent": USER_AGENT }, redirect: "manual" as const, signal };
      // Other hosts are connected to only at public addresses, checked again as the socket connects.
      response = trusted ? await fetch(url, init) : ((await undiciFetch(url, { ...init, dispatcher: publicAgent() })) as unknown as Response);
    } catch (error) {
      const cause = error instanceof Error ? error.cause : null;
      if (cause instanceof PrivateAddressError) throw new AppError("INVALID_INPUT", PRIVATE_MESSAGE);
      throw unreachable(url.host, error);
    }
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) return { response, url, signal };
    await response.body?.cancel().catch(() => undefined);
    const next = webUrl(location, url);
    if (!next) throw new AppError("UNAVAILABLE", `${url.host} sent the look-up to an address that is not a web page; ${BY_HAND}.`);
    if (redirects >= options.maxRedirects) {
      throw new AppError("UNAVAILABLE", `${url.host} redirected more than ${options.maxRedirects} times; ${BY_HAND}.`);
    }
    url = next;
  }
}

/** The media type of a response, lower case, without parameters; empty when not given. */
function mediaType(response: Response): string {
  return (response.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

/** Reads at most `limit` bytes of a body as text in its declared charset (UTF-8 by default). */
async function readText(response: Response, limit: number, host: string): Promise<{ text: string; complete: boolean }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = true;
  try {
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.byteLength > limit) {
        chunks.push(value.subarray(0, limit - size));
        complete = false;
        await reader.cancel().catch(() => undefined);
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } catch (error) {
    throw unreachable(host, error);
  }
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(response.headers.get("content-type") ?? "")?.[1];
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? "utf-8");
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return { text: decoder.decode(Buffer.concat(chunks)), complete };
}

/** A configured resolver's address as a URL, or an error an administrator can act on. */
function resolverUrl(address: string, what: string): URL {
  const url = webUrl(address);
  if (!url) throw new AppError("UNAVAILABLE", `The ${what} address in the site settings is not a web address; ${BY_HAND}, or ask an administrator to correct it.`);
  return url;
}

// Some registration agencies give CSL-JSON with lists where CSL has single values (several ISBNs, titles).
function firstOfLists(item: Record<string, unknown>): Record<string, unknown> {
  const flat = { ...item };
  for (const key of ["title", "container-title", "publisher", "URL", "DOI", "ISBN"]) {
    const value = flat[key];
    if (Array.isArray(value)) flat[key] = value.find((v) => typeof v === "string");
  }
  return flat;
}

/** Fits the fields to what a source record holds. */
function fitted(fields: CslSourceFields): CslSourceFields {
  return { ...fields, title: fields.title.slice(0, MAX_TITLE_LENGTH), url: (fields.url && typedWebUrl(fields.url)?.href) || null };
}

/**
 * A source's fields from its DOI, by content negotiation at `resolver` (https://doi.org by default):
 * CSL-JSON when the registration agency offers it, otherwise the citation tags of the landing page
 * the resolver sends the request on to. The DOI in the result is always the normalised one asked for.
 */
export async function lookupDoi(doi: string, resolver: string): Promise<CslSourceFields> {
  const normalized = normalizeDoi(doi);
  if (!normalized) throw new AppError("INVALID_INPUT", "That is not a DOI; a DOI looks like 10.1000/xyz123.");
  const base = resolverUrl(resolver, "DOI resolver");
  // encodeURI keeps a DOI's slashes, but "?" and "#" would end its path.
  const path = encodeURI(normalized).replace(/[?#]/g, (c) => encodeURIComponent(c));
  const start = new URL(`${base.href.replace(/\/+$/, "")}/${path}`);
  const { response, url } = await fetchFollowing(start, { accept: CSL_JSON, trustedOrigin: base.origin, maxRedirects: MAX_DOI_REDIRECTS });
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    throw new AppError("NOT_FOUND", `No DOI ${normalized} is registered.`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw badStatus(url.host, response.status);
  }
  const type = mediaType(response);
  if (HTML_TYPES.includes(type)) {
    const { text } = await readText(response, MAX_LOOKUP_BYTES, url.host);
    return fitted({ ...sourceFieldsFromPage(text, url.href), doi: normalized });
  }
  const { text, complete } = await readText(response, MAX_LOOKUP_BYTES, url.host);
  const notCitationData = new AppError("UNAVAILABLE", `${url.host} did not answer with citation data for ${normalized}; ${BY_HAND}.`);
  if (!complete) throw notCitationData;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw notCitationData;
  }
  const item = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!item || typeof item !== "object") throw notCitationData;
  return fitted({ ...sourceFieldsFromCsl(firstOfLists(item as Record<string, unknown>), SOURCE_TYPES), doi: normalized });
}

/**
 * A web page's fields from its citation tags. With `resolver` empty the page is fetched directly,
 * refusing addresses on private networks (at every redirect); otherwise the cited address, encoded,
 * is appended to the resolver's (a "/" between them unless the resolver ends in "/", "=" or "?") and
 * that trusted service fetches it. The result's address is the cited one unless the page names a
 * canonical address.
 */
export async function lookupUrl(url: string, resolver: string): Promise<CslSourceFields> {
  const cited = typedWebUrl(url);
  if (!cited) throw new AppError("INVALID_INPUT", "Enter a full web address starting with https://.");
  let start = cited;
  let trustedOrigin: string | null = null;
  if (resolver) {
    const base = resolverUrl(resolver, "page resolver");
    start = new URL(`${base.href}${/[/=?]$/.test(base.href) ? "" : "/"}${encodeURIComponent(cited.href)}`);
    trustedOrigin = base.origin;
  }
  const accept = "text/html, application/xhtml+xml;q=0.9";
  const { response, url: fetched } = await fetchFollowing(start, { accept, trustedOrigin, maxRedirects: MAX_PAGE_REDIRECTS });
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel().catch(() => undefined);
    throw new AppError("NOT_FOUND", `There is no page at ${cited.href} (HTTP ${response.status}).`);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw badStatus(fetched.host, response.status);
  }
  const type = mediaType(response);
  if (type && !HTML_TYPES.includes(type)) {
    await response.body?.cancel().catch(() => undefined);
    throw new AppError("INVALID_INPUT", `That address leads to ${type}, not a web page, so there are no citation tags to read; ${BY_HAND}.`);
  }
  const { text } = await readText(response, MAX_LOOKUP_BYTES, fetched.host);
  // Through a resolver the page's relative links are relative to the cited address, not the resolver's.
  return fitted(sourceFieldsFromPage(text, cited.href, resolver ? cited.href : fetched.href));
}

/**
 * Looks a source up for the citation form from `{ query }`: a DOI (bare, `doi:…` or a doi.org
 * address) through the site's DOI resolver, otherwise a web address through its page resolver.
 * Editors only, since only they can add what it finds.
 */
export async function lookupSource(db: DbOrTx, account: Account | null, input: unknown): Promise<SourceLookup> {
  const actor = authorize(account, "changeSources");
  const wait = await lookups.take(actor.id);
  if (wait) throw new AppError("RATE_LIMITED", `That is ${LOOKUPS_PER_MINUTE} look-ups in a minute; try again in ${wait} second${wait === 1 ? "" : "s"}.`, { retryAfter: wait });
  const parsed = SourceLookupSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0].message);
  const { query } = parsed.data;
  const settings = await getSiteSettings(db);
  const doi = normalizeDoi(query);
  if (doi) return { fields: await lookupDoi(doi, settings.doiResolver), via: "doi" };
  if (typedWebUrl(query)) {
    // A web page is cited as it read today.
    const fields = await lookupUrl(query, settings.urlResolver);
    return { fields: { ...fields, accessed: fields.accessed ?? new Date().toISOString().slice(0, 10) }, via: "url" };
  }
  throw new AppError("INVALID_INPUT", "Enter a DOI or a web address.");
}
