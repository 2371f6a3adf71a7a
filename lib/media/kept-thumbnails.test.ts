import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveKeptThumbnail } from "./kept-thumbnails";
import { thumbnailKey } from "./sizes";

const HASH = "ab".repeat(32);
const BYTES = Buffer.from("RIFF....WEBPVP8 a thumbnail's bytes");

describe("the static path for thumbnails", () => {
  let server: Server;
  let base = "";
  const directory = mkdtempSync(path.join(tmpdir(), "palimpsest-thumbnails-"));

  beforeAll(async () => {
    const file = path.join(directory, ...thumbnailKey(HASH, 320, "webp").split("/"));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, BYTES);
    // What is not served from the folder goes on, as to Next.js in the real server.
    server = createServer((req, res) => {
      serveKeptThumbnail(req, res, directory).then((served) => {
        if (!served) res.writeHead(418).end("passed on");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(directory, { recursive: true, force: true });
  });

  it("serves a thumbnail made before with the file route's headers", async () => {
    const response = await fetch(`${base}/files/${HASH}/thumbnails/320.webp`);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(BYTES);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "image/webp",
      "content-length": String(BYTES.length),
      "content-disposition": `inline; filename="${HASH.slice(0, 12)}-320.webp"; filename*=UTF-8''${HASH.slice(0, 12)}-320.webp`,
      "cache-control": "public, max-age=31536000, immutable",
      etag: `"${HASH}-320-webp"`,
      "x-content-type-options": "nosniff",
    });
  });

  it("answers a revalidation with 304 and a HEAD request without the bytes", async () => {
    const cached = await fetch(`${base}/files/${HASH}/thumbnails/320.webp`, { headers: { "if-none-match": `"${HASH}-320-webp"` } });
    expect(cached.status).toBe(304);
    const head = await fetch(`${base}/files/${HASH}/thumbnails/320.webp`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(BYTES.length));
  });

  it("passes on thumbnails not made yet, other sizes and formats, originals and writes", async () => {
    for (const address of [
      `/files/${HASH}/thumbnails/640.webp`,
      `/files/${HASH}/thumbnails/321.webp`,
      `/files/${HASH}/thumbnails/320.gif`,
      `/files/${HASH}/chart.png`,
      `/files/${HASH}/thumbnails/../../../etc/passwd`,
    ]) {
      expect(await (await fetch(base + address)).text(), address).toBe("passed on");
    }
    expect((await fetch(`${base}/files/${HASH}/thumbnails/320.webp`, { method: "POST" })).status).toBe(418);
  });
});
