// The production server: Next.js behind the in-memory article cache (lib/cache/page-cache.ts).
import { createServer } from "node:http";
import next from "next";
import { followInvalidations } from "../lib/cache/invalidation";
import { pageCache, pageCacheKey } from "../lib/cache/page-cache";
import { databaseUrl } from "../lib/db/url";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const cache = pageCache();
// Changes made by other servers and by the command line empty this server's cache too.
const invalidations = await followInvalidations(databaseUrl(), (paths) => (paths === "all" ? cache.clear() : cache.invalidate(paths)));
const server = createServer((req, res) => {
  const key = pageCacheKey(req.method, req.url, req.headers);
  if (key) {
    invalidations.catchUp();
    if (cache.serve(req, res, key)) return;
    cache.capture(req, res, key);
  }
  handle(req, res).catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
// Longer than the idle timeout of common proxies and clients, so they never reuse a closed socket.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`Palimpsest is ready on http://localhost:${port}`);
});
