import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SharedRateLimiter } from "../http/rate-limit";
import { PAGE_CACHE_TTL_MS, PageCache, pageCacheBudget, pageCacheKey } from "./page-cache";
import { connectRedis } from "./redis";
import { LISTENER_GONE_MS, SharedPages } from "./shared-pages";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/**
 * An app server in front of a stand-in for Next.js that renders each page from `site` and counts
 * its renders; its page cache shares pages through Redis under `prefix`, as servers on one site do.
 */
async function appServer(redis: Redis, prefix: string, site: { text: string; hold: Promise<void> | null }) {
  const cache = new PageCache(Date.now, pageCacheBudget(), new SharedPages(redis, prefix, PAGE_CACHE_TTL_MS));
  const state = { renders: 0, rendering: false };
  const server: Server = createServer(async (req, res) => {
    const key = pageCacheKey(req.method, req.url, req.headers, "anonymous");
    if (key && (cache.serve(req, res, key) || (await cache.serveShared(req, res, key)))) return;
    if (key) await cache.capture(req, res, key);
    state.renders++;
    // What the database holds when the render reads it.
    const text = site.text;
    state.rendering = true;
    await site.hold;
    state.rendering = false;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<p>${req.url}: ${text}</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const read = async (path: string) => {
    const response = await fetch(base + path, { headers: { "accept-encoding": "identity" } });
    return { text: await response.text(), from: response.headers.get("x-cache") ?? "render" };
  };
  return { cache, state, read, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("servers sharing their pages through Redis", () => {
  let redis: Redis;
  beforeAll(() => {
    redis = connectRedis(REDIS_URL);
  });
  afterAll(() => redis.quit());

  /** Two servers of one new site (a prefix of its own). */
  async function twoServers() {
    const prefix = `test:${randomBytes(6).toString("hex")}:`;
    const site = { text: "first", hold: null as Promise<void> | null };
    const servers = [await appServer(redis, prefix, site), await appServer(redis, prefix, site)];
    // A server stores what it rendered once it has answered: wait for it before reading elsewhere.
    const shared = (article: string) => expect.poll(() => redis.exists(`${prefix}pages:${article}`)).toBe(1);
    return { site, servers, shared, close: () => Promise.all(servers.map((s) => s.close())) };
  }

  it("serve a page one of them rendered without rendering it again, then from their own memory", async () => {
    const { servers, shared, close } = await twoServers();
    const [a, b] = servers;
    try {
      expect(await a.read("/wiki/x")).toEqual({ text: "<p>/wiki/x: first</p>", from: "render" });
      await shared("/wiki/x");
      expect(await b.read("/wiki/x")).toEqual({ text: "<p>/wiki/x: first</p>", from: "shared" });
      expect(await b.read("/wiki/x")).toEqual({ text: "<p>/wiki/x: first</p>", from: "hit" });
      expect(b.state.renders).toBe(0);
    } finally {
      await close();
    }
  });

  it("render again once a change is announced, on every server", async () => {
    const { site, servers, shared, close } = await twoServers();
    const [a, b] = servers;
    try {
      await a.read("/wiki/x");
      await a.read("/search?q=x");
      await shared("/wiki/x");
      expect((await b.read("/wiki/x")).from).toBe("shared");
      // The page changes on the first server, which announces it; the second hears of it.
      site.text = "second";
      await a.cache.invalidate(["/wiki/x"]);
      await b.cache.invalidate(["/wiki/x"]);
      expect(await a.read("/wiki/x")).toEqual({ text: "<p>/wiki/x: second</p>", from: "render" });
      expect(await a.read("/search?q=x")).toEqual({ text: "<p>/search?q=x: second</p>", from: "render" });
      // The second server's own copy is gone: it takes the new page from the shared cache.
      await shared("/wiki/x");
      expect(await b.read("/wiki/x")).toEqual({ text: "<p>/wiki/x: second</p>", from: "shared" });
      expect(b.state.renders).toBe(0);
      // Everything at once (a citation style), heard by both.
      site.text = "third";
      await Promise.all(servers.map((s) => s.cache.clear()));
      expect(await b.read("/wiki/x")).toEqual({ text: "<p>/wiki/x: third</p>", from: "render" });
    } finally {
      await close();
    }
  });

  it("never share a render that began before a change another server announced", async () => {
    const { site, servers, close } = await twoServers();
    const [a, b] = servers;
    try {
      let finish!: () => void;
      site.hold = new Promise((resolve) => (finish = resolve));
      // The second server reads the page before the change, and is still rendering when it lands.
      const slow = b.read("/wiki/y");
      await expect.poll(() => b.state.rendering).toBe(true);
      site.text = "changed";
      site.hold = null;
      await a.cache.invalidate(["/wiki/y"]);
      finish();
      expect((await slow).text).toBe("<p>/wiki/y: first</p>");
      // Nothing from before the change is in the shared cache: the first server renders afresh.
      expect(await a.read("/wiki/y")).toEqual({ text: "<p>/wiki/y: changed</p>", from: "render" });
    } finally {
      await close();
    }
  });

  it("keep the shared pages when a server starts while another heard every change; drop them when none did", async () => {
    const { servers, shared, close } = await twoServers();
    const [a, b] = servers;
    const readOnB = async () => (await b.read("/wiki/x")).from;
    try {
      // Nobody listened: what was missed meanwhile is unknown, so a starting server drops the shared pages.
      await a.read("/wiki/x");
      await shared("/wiki/x");
      await b.cache.forgetUnheard("b");
      expect(await readOnB()).toBe("render");

      // Server a has listened for longer than a page is kept: every stored page was kept right by it.
      await a.cache.forgetUnheard("a");
      await a.read("/wiki/x");
      await shared("/wiki/x");
      await a.cache.listening("a", Date.now() - PAGE_CACHE_TTL_MS - 1);
      await b.cache.forgetUnheard("b");
      expect(await readOnB()).toBe("shared");

      // Listening for less time than a page is kept, or not at all any more, is not enough.
      await a.cache.listening("a", Date.now() - 1_000);
      await b.cache.forgetUnheard("b");
      expect(await readOnB()).toBe("render");
      await shared("/wiki/x");
      await a.cache.listening("a", null);
      await b.cache.forgetUnheard("b");
      expect(await readOnB()).toBe("render");
    } finally {
      await close();
    }
  });

  it("count a listening server gone once it has not said so for a while", async () => {
    const pages = new SharedPages(redis, `test:${randomBytes(6).toString("hex")}:`, PAGE_CACHE_TTL_MS);
    await pages.listening("a", Date.now() - PAGE_CACHE_TTL_MS - 1);
    expect(await pages.heardThroughout("b")).toBe(true);
    expect(await pages.heardThroughout("a")).toBe(false);
    expect(await pages.heardThroughout("b", Date.now() + LISTENER_GONE_MS + 1)).toBe(false);
    // A server gone is forgotten.
    expect(await pages.heardThroughout("b")).toBe(false);
  });

  it("go on rendering while Redis cannot be reached", async () => {
    const unreachable = connectRedis("redis://127.0.0.1:9");
    const site = { text: "first", hold: null };
    const server = await appServer(unreachable, "test:down:", site);
    try {
      expect(await server.read("/wiki/z")).toEqual({ text: "<p>/wiki/z: first</p>", from: "render" });
      expect(await server.read("/wiki/z")).toEqual({ text: "<p>/wiki/z: first</p>", from: "hit" });
      site.text = "second";
      await server.cache.invalidate(["/wiki/z"]);
      expect(await server.read("/wiki/z")).toEqual({ text: "<p>/wiki/z: second</p>", from: "render" });
    } finally {
      await server.close();
      unreachable.disconnect();
    }
  });

  it("share their rate limits", async () => {
    const prefix = `test:${randomBytes(6).toString("hex")}:limit:`;
    // A moment a quarter into a window of a minute.
    const now = () => 1_000 * 60_000 + 15_000;
    const [a, b] = [new SharedRateLimiter(redis, prefix, 3, 60_000, now), new SharedRateLimiter(redis, prefix, 3, 60_000, now)];
    expect([await a.take("editor"), await b.take("editor"), await a.take("editor")]).toEqual([0, 0, 0]);
    expect(await b.take("editor")).toBe(45);
    expect(await a.take("someone else")).toBe(0);
  });
});
