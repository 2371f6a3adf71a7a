import { createServer } from "node:net";
import { fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStubResolver } from "../../e2e/stub-resolver";
import { describeOnEachDatabase } from "../../test/with-databases";
import { isPublicAddress, PrivateAddressError, publicAgent } from "../http/public-network";

import { LOOKUPS_PER_MINUTE, lookupDoi, lookupSource, lookupUrl } from "./source-lookup";
import { SETTINGS, setSetting } from "./settings";
import { buildAccount } from "../../test/factories";

let stub: Awaited<ReturnType<typeof startStubResolver>>;
beforeAll(async () => {
  stub = await startStubResolver(0);
});
afterAll(async () => {
  await stub?.close();
});

/** A port on this machine that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const ARTICLE_FIELDS = {
  type: "article-journal",
  title: "Measuring Citation Coverage in Collaborative Encyclopedias",
  authors: [
    { family: "Okafor", given: "Adaeze" },
    { family: "Lindqvist", given: "Per" },
  ],
  containerTitle: "Journal of Open Knowledge",
  volume: "12",
  issue: "3",
  page: "45-67",
  publisher: "Open Knowledge Press",
  issued: "2025-06-02",
  accessed: null,
  doi: "10.5555/palimpsest.1",
  isbn: null,
  note: null,
};

describe("lookupDoi", () => {
  it("reads the CSL-JSON the resolver offers, however the DOI is written", async () => {
    for (const doi of ["10.5555/palimpsest.1", "doi:10.5555/PALIMPSEST.1", "https://doi.org/10.5555/palimpsest.1"]) {
      expect(await lookupDoi(doi, stub.url)).toEqual({ ...ARTICLE_FIELDS, url: "https://doi.org/10.5555/palimpsest.1" });
    }
  });

  it("reads the landing page when the registration agency offers no CSL-JSON", async () => {
    expect(await lookupDoi("10.5555/landing-only", `${stub.url}/`)).toMatchObject({
      type: "article-journal",
      title: ARTICLE_FIELDS.title,
      doi: "10.5555/landing-only",
      url: `${stub.url}/article`,
    });
  });

  it("says when a DOI is not registered, or not a DOI", async () => {
    await expect(lookupDoi("10.5555/missing", stub.url)).rejects.toMatchObject({ code: "NOT_FOUND", message: "No DOI 10.5555/missing is registered." });
    await expect(lookupDoi("11.5555/x", stub.url)).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "That is not a DOI; a DOI looks like 10.1000/xyz123.",
    });
  });

  it("says when the resolver cannot be reached, and what to do instead", async () => {
    const port = await closedPort();
    await expect(lookupDoi("10.5555/palimpsest.1", `http://127.0.0.1:${port}`)).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: `Could not reach 127.0.0.1:${port} (connection refused). Check the network connection, or enter the source by hand.`,
    });
    await expect(lookupDoi("10.5555/palimpsest.1", "http://127.0.0.1:9")).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: expect.stringContaining("enter the source by hand"),
    });
  });
});

describe("lookupUrl", () => {
  const resolver = () => `${stub.url}/page/`;

  it("reads a page's citation tags through the resolver, keeping the cited address unless the page names its own", async () => {
    expect(await lookupUrl("https://example.org/article", resolver())).toEqual({ ...ARTICLE_FIELDS, url: "https://example.org/article" });
    expect(await lookupUrl("https://example.org/blog", resolver())).toMatchObject({
      type: "webpage",
      title: "Why we cite & how",
      authors: [{ family: "Moreau", given: "Inés" }],
      containerTitle: "Field Notes",
      issued: "2026-03-14",
      url: "https://example.org/blog",
    });
  });

  it("puts a slash between the resolver's address and the page's when the settings left it off", async () => {
    expect(await lookupUrl("https://example.org/blog", `${stub.url}/page`)).toMatchObject({ title: "Why we cite & how" });
  });

  it("follows the resolver's own redirects but checks those to other hosts", async () => {
    // The page names its canonical address, relative to the cited one.
    expect(await lookupUrl("https://example.org/old-article", resolver())).toMatchObject({ title: ARTICLE_FIELDS.title, url: "https://example.org/article" });
    await expect(lookupUrl("https://example.org/to-localhost", resolver())).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: "That address is on a private network; enter the source by hand.",
    });
  });

  it("refuses pages on private networks when fetching directly", async () => {
    for (const url of [
      `${stub.url}/pages/article.html`,
      `http://localhost:${new URL(stub.url).port}/pages/blog.html`,
      "http://[::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://169.254.169.254/latest/meta-data/",
    ]) {
      await expect(lookupUrl(url, ""), url).rejects.toMatchObject({ code: "INVALID_INPUT", message: "That address is on a private network; enter the source by hand." });
    }
  });

  it("says what is wrong with missing pages, other kinds of file and other addresses", async () => {
    await expect(lookupUrl("https://example.org/nowhere", resolver())).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(lookupUrl("https://example.org/paper.pdf", resolver())).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("application/pdf") });
    for (const url of ["ftp://example.org/x", "javascript:alert(1)", "example.org"]) {
      await expect(lookupUrl(url, resolver()), url).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
  });

  it("says when the resolver cannot be reached", async () => {
    const port = await closedPort();
    await expect(lookupUrl("https://example.org/article", `http://127.0.0.1:${port}/page/`)).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: expect.stringMatching(/^Could not reach 127\.0\.0\.1:\d+ \(connection refused\)\. .*enter the source by hand\.$/),
    });
  });
});

describe("isPublicAddress", () => {
  it("tells public addresses from loopback, private, link-local, unique-local, reserved and tunnelled ones", () => {
    const tunnelled = ["64:ff9b::7f00:1", "64:ff9b:1::a00:1", "2002:7f00:1::", "::7f00:1", "::ffff:0:7f00:1", "2001::1", "2001:db8::1"];
    const reserved = ["192.0.2.1", "198.51.100.7", "203.0.113.5", "198.18.0.1", "240.0.0.1", "255.255.255.255", "224.0.0.1", "ff02::1"];
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:7f00:1",
      "::ffff:10.0.0.1",
      "not an address",
      ...tunnelled,
      ...reserved,
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
    for (const address of ["93.184.216.34", "1.1.1.1", "172.32.0.1", "2606:4700::1111", "::ffff:5db8:d822"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });
});

describe("connecting for a look-up", () => {
  it("refuses, as the socket connects, a name that resolves to a private address", async () => {
    const port = await closedPort();
    const failure = await undiciFetch(`http://localhost:${port}/`, { dispatcher: publicAgent() }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).cause).toBeInstanceOf(PrivateAddressError);
  });
});

describeOnEachDatabase("looking sources up", (database) => {
  it("limits each account's look-ups per minute", async () => {
    const { db } = database();
    const editor = await buildAccount(db, "editor", "Busy");
    for (let i = 0; i < LOOKUPS_PER_MINUTE; i++) await expect(lookupSource(db, editor, { query: "a book I read" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(lookupSource(db, editor, { query: "a book I read" })).rejects.toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/30 look-ups in a minute/) });
  });

  it("lets editors look up a DOI or an address through the site's resolvers, and no one else", async () => {
    const { db } = database();
    const reader = await buildAccount(db, "reader");
    const editor = await buildAccount(db, "editor");
    await setSetting(db, SETTINGS.doiResolver, stub.url);
    await setSetting(db, SETTINGS.urlResolver, `${stub.url}/page/`);

    await expect(lookupSource(db, null, { query: "10.5555/palimpsest.1" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(lookupSource(db, reader, { query: "10.5555/palimpsest.1" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await lookupSource(db, editor, { query: " https://doi.org/10.5555/palimpsest.1 " })).toEqual({
      fields: { ...ARTICLE_FIELDS, url: "https://doi.org/10.5555/palimpsest.1" },
      via: "doi",
    });
    expect(await lookupSource(db, editor, { query: "https://example.org/blog" })).toMatchObject({
      fields: { title: "Why we cite & how", accessed: new Date().toISOString().slice(0, 10) },
      via: "url",
    });
    for (const query of ["a book I read", "", "mailto:a@example.org"]) {
      await expect(lookupSource(db, editor, { query }), query).rejects.toMatchObject({ code: "INVALID_INPUT" });
    }
    await expect(lookupSource(db, editor, {})).rejects.toMatchObject({ code: "INVALID_INPUT", message: "Enter a DOI or a web address." });
  });
});
