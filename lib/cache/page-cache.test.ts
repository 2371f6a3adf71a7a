import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReaderClass } from "../auth/reader-class";
import { ownBuffer, PAGE_CACHE_TTL_MS, PageCache, pageCacheBudget, pageCacheKey } from "./page-cache";

describe("which requests the page cache answers", () => {
  const key = (method: string, url: string, headers: Record<string, string> = {}, reader: ReaderClass | null = "anonymous") => pageCacheKey(method, url, headers, reader);

  it("keeps one article for every reader, by path and encoding", () => {
    expect(key("GET", "/wiki/gpt_5_2")).toBe("identity * /wiki/gpt_5_2");
    expect(key("HEAD", "/wiki/gpt_5_2/", { "accept-encoding": "gzip, br" })).toBe("gzip * /wiki/gpt_5_2");
    for (const reader of ["editor", "admin", null] as const) expect(key("GET", "/wiki/gpt_5_2", {}, reader)).toBe("identity * /wiki/gpt_5_2");
  });

  it("keys by the encoding Next.js's compression would answer with", () => {
    expect(key("GET", "/wiki/a", { "accept-encoding": "deflate" })).toBe("deflate * /wiki/a");
    expect(key("GET", "/wiki/a", { "accept-encoding": "deflate, gzip" })).toBe("gzip * /wiki/a");
    expect(key("GET", "/wiki/a", { "accept-encoding": "br" })).toBe("identity * /wiki/a");
    expect(key("GET", "/wiki/a", { "accept-encoding": "gzip;q=0" })).toBe("identity * /wiki/a");
    expect(key("GET", "/wiki/a", { "accept-encoding": "identity;q=0" })).toBeNull();
  });

  it("keeps a page's history views and search results once per reader class, with their query", () => {
    expect(key("GET", "/wiki/gpt_5_2/history")).toBe("identity anonymous /wiki/gpt_5_2/history");
    expect(key("GET", "/wiki/gpt_5_2/history?before=51", {}, "editor")).toBe("identity editor /wiki/gpt_5_2/history?before=51");
    expect(key("GET", "/wiki/gpt_5_2/diff?from=1&to=2&view=side", {}, "reviewer")).toBe("identity reviewer /wiki/gpt_5_2/diff?from=1&to=2&view=side");
    expect(key("GET", "/wiki/gpt_5_2?rev=3", {}, "admin")).toBe("identity admin /wiki/gpt_5_2?rev=3");
    expect(key("GET", "/search?q=safety&cursor=20", {}, "reader")).toBe("identity reader /search?q=safety&cursor=20");
  });

  it("leaves views to Next.js when the reader's class is not known", () => {
    expect(key("GET", "/wiki/gpt_5_2/history", {}, null)).toBeNull();
    expect(key("GET", "/wiki/gpt_5_2/diff?from=1&to=2", {}, null)).toBeNull();
    expect(key("GET", "/search?q=safety", {}, null)).toBeNull();
  });

  it("leaves everything else to Next.js", () => {
    expect(key("POST", "/wiki/gpt_5_2")).toBeNull();
    expect(key("GET", "/")).toBeNull();
    expect(key("GET", "/search")).toBeNull();
    expect(key("GET", "/wiki/gpt_5_2?rev=1&x=<")).toBeNull();
    expect(key("GET", "/wiki/gpt_5_2/edit", {}, "editor")).toBeNull();
    expect(key("GET", "/wiki/gpt_5_2/history?before=x")).toBeNull();
    expect(key("GET", "/wiki/gpt_5_2/history?saved=3", {}, "editor")).toBeNull();
    expect(key("GET", "/wiki/gpt_5_2", { rsc: "1" })).toBeNull();
    expect(key("GET", "/wiki/gpt_5_2", { "next-router-prefetch": "1" })).toBeNull();
  });
});

describe("the page cache in front of a server", () => {
  let now = 0;
  const cache = new PageCache(() => now);
  let rendered = 0;
  let finishSlow: (() => void) | null = null;
  const finishPopular: (() => void)[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    // Stands in for Next.js, and counts what it renders.
    server = createServer(async (req, res) => {
      const key = pageCacheKey(req.method, req.url, req.headers, "anonymous");
      if (key && (cache.serve(req, res, key) || (await cache.serveAfterRender(req, res, key)))) return;
      if (key) await cache.capture(req, res, key);
      rendered++;
      if (req.url === "/wiki/popular") {
        // Renders until told to finish, so requests can arrive meanwhile.
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.write(`<p>popular render ${rendered} `);
        finishPopular.push(() => res.end("</p>"));
        return;
      }
      if (req.url === "/wiki/slow") {
        res.write(`slow render ${rendered} `);
        // The first render goes on until told to finish, so a test can invalidate the page meanwhile.
        if (finishSlow) res.end("slow");
        else finishSlow = () => res.end("slow");
        return;
      }
      if (req.url === "/wiki/compressed") {
        // Like Next.js's compression: the body's encoding follows the request's Accept-Encoding.
        const encoding = /deflate/.test(String(req.headers["accept-encoding"])) ? "deflate" : null;
        if (encoding) res.setHeader("content-encoding", encoding);
        res.end(encoding ? deflateSync(`page ${rendered}`) : `page ${rendered}`);
        return;
      }
      if (req.url === "/wiki/failing") {
        res.writeHead(500);
        res.end("failed");
        return;
      }
      if (req.url?.includes("/history") || req.url?.includes("?rev=")) {
        if (req.url.includes("cookie")) res.setHeader("set-cookie", "a=b");
        res.end(`${req.url} render ${rendered}`);
        return;
      }
      if (req.url === "/wiki/missing") {
        res.writeHead(404);
        res.end("missing");
        return;
      }
      res.setHeader("x-nextjs-cache", "MISS");
      res.setHeader("etag", '"v1"');
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write(`<p>${req.url} `);
      res.end(`render ${rendered}</p>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const identity = { "accept-encoding": "identity" };
  const read = async (path: string) => (await fetch(base + path, { headers: identity })).text();

  it("serves a captured page again without rendering it", async () => {
    const before = rendered;
    const first = await fetch(`${base}/wiki/served`, { headers: identity });
    const second = await fetch(`${base}/wiki/served`, { headers: identity });
    expect(await first.text()).toBe(`<p>/wiki/served render ${before + 1}</p>`);
    expect(await second.text()).toBe(`<p>/wiki/served render ${before + 1}</p>`);
    expect(second.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(second.headers.has("x-nextjs-cache")).toBe(false);
    expect(rendered).toBe(before + 1);
  });

  it("answers 304 to a matching If-None-Match", async () => {
    await read("/wiki/tagged");
    const response = await fetch(`${base}/wiki/tagged`, { headers: { ...identity, "if-none-match": '"v1"' } });
    expect(response.status).toBe(304);
  });

  it("renders again once a page is invalidated or its time is up", async () => {
    const before = rendered;
    expect(await read("/wiki/again")).toBe(`<p>/wiki/again render ${before + 1}</p>`);
    expect(await read("/wiki/again")).toBe(`<p>/wiki/again render ${before + 1}</p>`);
    cache.invalidate(["/wiki/again"]);
    expect(await read("/wiki/again")).toBe(`<p>/wiki/again render ${before + 2}</p>`);
    now += PAGE_CACHE_TTL_MS + 1;
    expect(await read("/wiki/again")).toBe(`<p>/wiki/again render ${before + 3}</p>`);
  });

  it("renders a page once for the requests that arrive while it is rendered", async () => {
    const before = rendered;
    const first = read("/wiki/popular");
    await expect.poll(() => finishPopular.length).toBe(1);
    // The others wait for the render under way rather than rendering the page again.
    const others = Array.from({ length: 5 }, () => read("/wiki/popular"));
    await expect.poll(() => cache.waiting).toBe(5);
    expect(finishPopular).toHaveLength(1);
    finishPopular.pop()!();
    expect(await Promise.all([first, ...others])).toEqual(Array(6).fill(`<p>popular render ${before + 1} </p>`));
    expect(rendered).toBe(before + 1);
  });

  it("never keeps errors", async () => {
    const before = rendered;
    for (const path of ["/wiki/failing", "/wiki/failing", "/wiki/missing", "/wiki/missing"]) await (await fetch(base + path)).text();
    expect(rendered).toBe(before + 4);
  });

  it("keeps a page's history views, and forgets them with the page", async () => {
    const before = rendered;
    expect(await read("/wiki/b/history")).toBe(await read("/wiki/b/history"));
    expect(await read("/wiki/b?rev=1")).toBe(await read("/wiki/b?rev=1"));
    await read("/wiki/bc/history");
    expect(rendered).toBe(before + 3);
    cache.invalidate(["/wiki/b"]);
    await read("/wiki/b/history");
    await read("/wiki/b?rev=1");
    await read("/wiki/bc/history");
    expect(rendered).toBe(before + 5);
  });

  it("forgets every search result when any page changes", async () => {
    const before = rendered;
    expect(await read("/search?q=one")).toBe(await read("/search?q=one"));
    await read("/search?q=two");
    expect(rendered).toBe(before + 2);
    cache.invalidate(["/wiki/unrelated"]);
    await read("/search?q=one");
    await read("/search?q=two");
    expect(rendered).toBe(before + 4);
  });

  it("never keeps a response that sets a cookie", async () => {
    const before = rendered;
    for (let i = 0; i < 2; i++) await (await fetch(`${base}/wiki/cookie/history`)).text();
    expect(rendered).toBe(before + 2);
  });

  it("never stores the empty answer to a HEAD request, and answers HEAD from a stored GET", async () => {
    const head = await fetch(`${base}/wiki/head`, { method: "HEAD", headers: identity });
    expect(head.status).toBe(200);
    const before = rendered;
    expect(await (await fetch(`${base}/wiki/head`, { headers: identity })).text()).toBe(`<p>/wiki/head render ${before + 1}</p>`);
    const cachedHead = await fetch(`${base}/wiki/head`, { method: "HEAD", headers: identity });
    expect(cachedHead.headers.get("content-length")).toBe(String(`<p>/wiki/head render ${before + 1}</p>`.length));
    expect(await (await fetch(`${base}/wiki/head`, { headers: identity })).text()).toBe(`<p>/wiki/head render ${before + 1}</p>`);
    expect(rendered).toBe(before + 1);
  });

  it("serves a compressed body only to clients that asked for that encoding", async () => {
    const deflated = await fetch(`${base}/wiki/compressed`, { headers: { "accept-encoding": "deflate" } });
    expect(deflated.headers.get("content-encoding")).toBe("deflate");
    await deflated.arrayBuffer();
    const plain = await fetch(`${base}/wiki/compressed`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toMatch(/^page \d+$/);
    const again = await fetch(`${base}/wiki/compressed`, { headers: { "accept-encoding": "deflate" } });
    expect(again.headers.get("content-encoding")).toBe("deflate");
    expect(again.headers.get("vary")).toContain("Accept-Encoding");
  });

  it("never stores a render that began before its page was invalidated", async () => {
    const response = fetch(`${base}/wiki/slow`, { headers: identity }).then((r) => r.text());
    await expect.poll(() => finishSlow !== null).toBe(true);
    const before = rendered;
    cache.invalidate(["/wiki/slow"]);
    finishSlow!();
    expect(await response).toBe(`slow render ${before} slow`);
    expect(await (await fetch(`${base}/wiki/slow`, { headers: identity })).text()).toBe(`slow render ${before + 1} slow`);
  });
});

describe("the page cache's room", () => {
  it("keeps each body in a buffer of its own size, not in a slab shared with other data", () => {
    const body = ownBuffer([Buffer.from("<p>a small "), Buffer.from("page</p>")]);
    expect(body.toString()).toBe("<p>a small page</p>");
    expect(body.buffer.byteLength).toBe(body.length);
  });

  it("takes its size from PAGE_CACHE_MB, 256 MB unless set", () => {
    expect(pageCacheBudget({})).toBe(256 * 1024 * 1024);
    expect(pageCacheBudget({ PAGE_CACHE_MB: "64" })).toBe(64 * 1024 * 1024);
    expect(pageCacheBudget({ PAGE_CACHE_MB: "none" })).toBe(256 * 1024 * 1024);
  });

  it("keeps pages up to its size in bytes, and makes room by dropping the page read longest ago", async () => {
    // Each page's body is 20 bytes ("/wiki/a, render 001."), and its headers and keys are alike.
    const renders: string[] = [];
    const serving = async (cache: PageCache) => {
      const server = createServer((req, res) => {
        const key = pageCacheKey(req.method, req.url, req.headers, "anonymous");
        if (key && cache.serve(req, res, key)) return;
        if (key) cache.capture(req, res, key);
        renders.push(req.url!);
        res.end(`${req.url}, render ${String(renders.length).padStart(3, "0")}.`);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const read = async (path: string) => (await fetch(base + path, { headers: { "accept-encoding": "identity" } })).text();
      return { read, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    };
    // What one page takes: its body, its headers, and the entry's own keep.
    const measuring = new PageCache(() => 0, 1024 * 1024);
    const measure = await serving(measuring);
    await measure.read("/wiki/z").finally(measure.close);
    const page = measuring.byteSize;
    expect(page).toBeGreaterThan(20 + 400);

    renders.length = 0;
    const cache = new PageCache(() => 0, 2 * page + 5); // room for two
    const { read, close } = await serving(cache);
    try {
      await read("/wiki/a");
      await read("/wiki/b");
      expect(cache.byteSize).toBe(2 * page);
      // Read again, a is now the page read last: c takes b's room.
      await read("/wiki/a");
      await read("/wiki/c");
      expect([cache.size, cache.byteSize]).toEqual([2, 2 * page]);
      expect(await read("/wiki/a")).toBe("/wiki/a, render 001.");
      expect(await read("/wiki/b")).toBe("/wiki/b, render 004.");
      expect(renders).toEqual(["/wiki/a", "/wiki/b", "/wiki/c", "/wiki/b"]);
      cache.invalidate(["/wiki/b"]);
      expect(cache.byteSize).toBe(page);
    } finally {
      await close();
    }
  });
});
