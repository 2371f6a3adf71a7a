// The production server: Next.js behind the article cache (lib/cache/page-cache.ts, in memory and,
// with REDIS_URL, shared by every server in Redis) and the static path for thumbnails
// (lib/media/kept-thumbnails.ts), in WEB_CONCURRENCY worker processes (default 1) sharing one port.
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { tokenAccount } from "../lib/auth/token-account";
import { type ReaderClass, readerClasses } from "../lib/auth/reader-class";
import { headerCookies, sessionCookie } from "../lib/auth/session-cookie";
import { applyInvalidation, forgetUnheard } from "../lib/cache/invalidation";
import { followInvalidations } from "../lib/cache/invalidation-feed";
import { mayBeCached, pageCache, pageCacheKey } from "../lib/cache/page-cache";
import { LISTENER_BEAT_MS } from "../lib/cache/shared-pages";
import { databaseUrl } from "../lib/db/url";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxies } from "../lib/http/client-address";
import { contentSecurityPolicy, newNonce } from "../lib/http/content-security";
import { markDocumentRequest } from "../lib/http/document-request";
import { crossSiteWrite } from "../lib/http/origin";
import { malformedAddress } from "../lib/http/route-param";
import { readMediaConfig } from "../lib/media/config";
import { serveKeptThumbnail } from "../lib/media/kept-thumbnails";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

const workers = Math.max(1, Math.floor(Number(process.env.WEB_CONCURRENCY ?? 1)) || 1);
if (workers > 1 && cluster.isPrimary) supervise(workers);
else await serve();

/**
 * Runs `count` workers, each a whole server with its own cache, kept consistent by the database's
 * invalidation feed like separate machines. A worker that dies is replaced.
 */
function supervise(count: number) {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`Worker ${worker.process.pid} stopped (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
      process.exit(0);
    });
  }
}

async function serve() {
  // tsx turns on source maps for the whole process; Node would then keep the map of every chunk of
  // the build it loads (tens of MB, more after the first error's stack). Errors are reported against
  // the built code, as `next start` reports them.
  process.setSourceMapsEnabled(false);
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const cache = pageCache();
  const readers = readerClasses();
  // Changes made by other servers and by the command line empty this server's cache too. With a
  // shared cache that takes a round trip: answers wait for the invalidations heard before them.
  let invalidating: Promise<void> = Promise.resolve();
  const applying = (work: Promise<void>) => {
    invalidating = Promise.all([invalidating, work]).then(() => {});
  };
  // What this server may have missed (before it listened, while cut off) is dropped here; from the
  // shared cache only when no other server heard it all, so a start does not empty it for everyone.
  const id = randomUUID();
  const invalidations = await followInvalidations(
    databaseUrl(),
    (entries) => applying(applyInvalidation(entries)),
    () => applying(forgetUnheard(id)),
  );
  const sayListening = () => void cache.listening(id, invalidations.listeningSince());
  sayListening();
  setInterval(sayListening, LISTENER_BEAT_MS).unref();
  const trust = trustedProxies();
  // Thumbnails already made are static files: served from the local store's folder, not by Next.js.
  const { store } = readMediaConfig();
  const thumbnails = store.kind === "local" ? store.directory : null;
  const server = createServer((req, res) => {
    // Sign-in throttling counts by this address; no client may set it, or X-Forwarded-For, for itself.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req, trust) ?? "";
    markDocumentRequest(req.headers);
    if (malformedAddress(req.url ?? "/")) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end("This address is not valid: it holds a % that starts no escape, or a NUL character.");
      return;
    }
    // Refused here, before Next.js, whose server actions would answer a foreign origin with a 500.
    const refusal = crossSiteWrite(req.method, req.headers);
    if (refusal) {
      const api = req.url?.startsWith("/api/");
      res.writeHead(403, { "content-type": api ? "application/json" : "text/plain; charset=utf-8", "cache-control": "no-store" });
      res.end(api ? JSON.stringify({ error: { code: "FORBIDDEN", message: refusal } }) : refusal);
      return;
    }
    if (thumbnails && req.url?.startsWith("/files/")) {
      serveKeptThumbnail(req, res, thumbnails).then(
        (served) => served || void render(req, res),
        (error: unknown) => {
          console.error(error);
          void render(req, res);
        },
      );
      return;
    }
    void render(req, res);
  });

  /** Whom a page is rendered for; null when that cannot be told here (the page is then not cached). */
  async function readerClass(req: IncomingMessage): Promise<ReaderClass | null> {
    const session = sessionCookie(headerCookies(req.headers.cookie));
    if (!session) return "anonymous";
    return readers.classOf(session, tokenAccount).catch((error: unknown) => {
      console.error(error);
      return null;
    });
  }

  /** The front cache, then Next.js. */
  async function render(req: IncomingMessage, res: ServerResponse) {
    let key: string | null = null;
    // Only reads are ever kept: writes (server actions among them) go straight on to Next.js.
    if ((req.method === "GET" || req.method === "HEAD") && mayBeCached(req.url ?? "")) {
      // Whatever other servers changed (pages, accounts) applies before answering.
      invalidations.catchUp();
      await invalidating;
      key = pageCacheKey(req.method, req.url, req.headers, await readerClass(req));
      // A cached page is served with the policy, and so the nonce, it was rendered under.
      if (key && (cache.serve(req, res, key) || (await cache.serveShared(req, res, key)) || (await cache.serveAfterRender(req, res, key)))) return;
    }
    // Next.js reads the nonce from the request's policy and puts it on every script it writes.
    const policy = contentSecurityPolicy(newNonce());
    req.headers["content-security-policy"] = policy;
    res.setHeader("Content-Security-Policy", policy);
    if (key) await cache.capture(req, res, key);
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  }
  // Longer than the idle timeout of common proxies and clients, so they never reuse a closed socket.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // Warmed up before it takes readers, on a loopback port of its own (not shared with other workers).
  await new Promise<void>((resolve) => server.listen({ port: 0, host: "127.0.0.1", exclusive: true }, resolve));
  await warm(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  server.listen(port, hostname, () => console.log(`Palimpsest is ready on http://localhost:${port}`));
}

/**
 * Renders the start page and the article it lists first once, before the server takes readers, so
 * the first reader waits no longer than the next (the citation styles, the database connections and
 * the code are loaded by then).
 */
async function warm(base: string) {
  try {
    const home = await (await fetch(`${base}/`)).text();
    const article = /href="(\/wiki\/[^"?#]+)"/.exec(home)?.[1];
    if (article) await (await fetch(base + article)).arrayBuffer();
  } catch (error) {
    console.error("Warming up failed:", error);
  }
}
