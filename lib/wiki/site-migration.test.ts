import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/databases";
import { pngImage } from "../../test/media-fixtures";
import { databaseOfItsOwn, describeOnEachDatabase } from "../../test/with-databases";
import { wikiWith } from "../../test/wiki-cli";
import { storedDocument, textContent } from "../content/document";
import { parseDokuWiki } from "../content/dokuwiki";
import type { Db } from "../db";
import { createMediaServices } from "../media";
import { readMediaConfig } from "../media/config";
import { exportPageMarkup } from "./dokuwiki-export";
import { exportSite } from "./site-export";
import { savePageRevision } from "./revisions";
import { importSite } from "./site-import";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const CORPUS = path.resolve("test/dokuwiki-corpus");
const T0 = 1_700_000_000;

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "palimpsest-site-"));
  folders.push(dir);
  return dir;
}

function put(root: string, relative: string, content: string | Uint8Array, time?: number): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  if (time) utimesSync(file, time, time);
}

/**
 * A DokuWiki data folder as DokuWiki writes it: `wiki:history` with three versions in the attic (the
 * newest also in pages/), their log in meta/, a minor edit and a revert by two users; `plain`
 * with no history but its text (as an old DokuWiki kept the current text out of the attic); the
 * corpus pages; a picture with an old version in media_attic/.
 */
async function dokuWikiSite(): Promise<string> {
  const root = folder();
  const versions = ["====== History ======\n\nFirst text.", "====== History ======\n\nFirst text, edited.", "====== History ======\n\nFirst text, edited. And a [[plain|link]]."];
  versions.forEach((text, i) => put(root, `attic/wiki/history.${T0 + i * 3600}.txt.gz`, gzipSync(text)));
  put(root, "pages/wiki/history.txt", versions[2], T0 + 7200);
  put(
    root,
    "meta/wiki/history.changes",
    [
      `${T0}\t10.0.0.1\tC\twiki:history\talice\tcreated\t\t30`,
      `${T0 + 3600}\t10.0.0.2\te\twiki:history\tbob\ttypo\t\t8`,
      `${T0 + 7200}\t10.0.0.1\tR\twiki:history\talice\trestored the link\t\t20`,
    ].join("\n") + "\n",
  );
  put(root, "pages/plain.txt", "Plain text without a title.", T0 + 100);
  for (const file of readdirSync(CORPUS, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".txt"))) {
    put(root, `pages/corpus/${file}`, readFileSync(path.join(CORPUS, file)), T0 + 50);
  }
  // A picture with two versions: the first only in the attic, the second also current (as DokuWiki keeps it).
  const [first, second] = [await pngImage(64, 48, 4), await pngImage(64, 48, 5)];
  put(root, `media_attic/wiki/chart.${T0}.png`, first);
  put(root, `media_attic/wiki/chart.${T0 + 50}.png`, second);
  put(root, "media/wiki/chart.png", second, T0 + 50);
  put(root, "media_meta/wiki/chart.png.changes", `${T0}\t10.0.0.1\tC\twiki:chart.png\talice\tfirst drawing\t\t100\n${T0 + 50}\t10.0.0.2\tE\twiki:chart.png\tbob\tredrawn\t\t10\n`);
  return root;
}

/** DokuWiki's fourth version of `wiki:history`, by carol, as DokuWiki writes it into its folders. */
function addFourthVersion(site: string): void {
  put(site, `attic/wiki/history.${T0 + 9000}.txt.gz`, gzipSync("====== History ======\n\nA fourth version."));
  put(site, "pages/wiki/history.txt", "====== History ======\n\nA fourth version.", T0 + 9000);
  writeFileSync(path.join(site, "meta/wiki/history.changes"), `${T0 + 9000}\t10.0.0.3\tE\twiki:history\tcarol\tfourth\t\t-10\n`, { flag: "a" });
}

describeOnEachDatabase("moving a whole DokuWiki in and out", (database) => {
  /** A DokuWiki site of its own imported into `into`, with the media folder the commands store bytes in. */
  async function migrate(into: TestDatabase) {
    const env = { MEDIA_STORE: "local", MEDIA_DIR: folder() };
    const media = createMediaServices(readMediaConfig(env));
    const site = await dokuWikiSite();
    const progress: number[] = [];
    const db = into.db as Db;
    const report = await importSite(db, media, site, { onProgress: (done) => progress.push(done) });
    return { db, media, site, report, progress, wiki: (...args: string[]) => wikiWith(env, into, ...args) };
  }
  /** A wiki of the test's own, for tests that change what was imported; dropped when the test ends. */
  const migratedWiki = async () => migrate(await databaseOfItsOwn(database().kind));
  /** The file's database with a site imported once, for tests that only read what was imported. */
  let imported: ReturnType<typeof migrate> | null = null;
  const importedWiki = () => (imported ??= migrate(database()));

  it("imports every page with its history: dates, authors, summaries, minor edits and reverts", async () => {
    const { db, report, progress } = await importedWiki();
    const corpusPages = readdirSync(CORPUS, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".txt")).length;
    expect(report).toMatchObject({ pages: corpusPages + 2, revisions: corpusPages + 4, files: 1 });
    expect(report.sources).toBeGreaterThan(3);
    expect(progress.at(-1)).toBe(corpusPages + 2);

    const history = await db.revision.findMany({
      where: { page: { slug: "wiki:history" } },
      orderBy: { number: "asc" },
      select: { number: true, summary: true, minor: true, action: true, createdAt: true, content: true, author: { select: { name: true, passwordHash: true } } },
    });
    expect(history.map((r) => [r.number, r.author.name, r.summary, r.minor, r.action, r.createdAt.getTime() / 1000])).toEqual([
      [1, "alice", "created", false, "edit", T0],
      [2, "bob", "typo", true, "edit", T0 + 3600],
      [3, "alice", "restored the link", false, "revert", T0 + 7200],
    ]);
    // DokuWiki's users cannot sign in here until their accounts are claimed.
    expect(history.every((r) => r.author.passwordHash === null)).toBe(true);
    expect(textContent(storedDocument(history[2].content))).toBe("First text, edited. And a link.");
    const plain = await db.page.findUniqueOrThrow({ where: { slug: "plain" }, select: { title: true, latestRevision: { select: { createdAt: true } } } });
    expect(plain).toEqual({ title: "Plain", latestRevision: { createdAt: new Date((T0 + 100) * 1000) } });
    // The corpus page in a namespace resolved its links from there.
    const namespaced = await db.page.findUniqueOrThrow({ where: { slug: "corpus:wiki:namespaced" }, select: { title: true } });
    expect(namespaced.title).toBe("A page in a namespace");
    expect(report.warnings.some((w) => w.file === "pages/corpus/malformed.txt")).toBe(true);
    const versions = await db.mediaVersion.findMany({
      where: { media: { name: "wiki:chart.png" } },
      orderBy: { number: "asc" },
      select: { number: true, summary: true, createdAt: true, uploader: { select: { name: true } } },
    });
    expect(versions.map((v) => [v.number, v.uploader.name, v.summary, v.createdAt.getTime() / 1000])).toEqual([
      [1, "alice", "first drawing", T0],
      [2, "bob", "redrawn", T0 + 50],
    ]);
  });

  it("imports only what is newer when run again", async () => {
    const { db, media, site } = await migratedWiki();
    expect(await importSite(db, media, site)).toMatchObject({ revisions: 0, files: 0, sources: 0 });
    addFourthVersion(site);
    expect(await importSite(db, media, site)).toMatchObject({ revisions: 1 });
    const latest = await db.page.findUniqueOrThrow({
      where: { slug: "wiki:history" },
      select: { latestRevision: { select: { number: true, summary: true, author: { select: { name: true } } } } },
    });
    expect(latest.latestRevision).toEqual({ number: 4, summary: "fourth", author: { name: "carol" } });
  });

  it("exports DokuWiki's folders, and importing the export gives the same documents and history", async () => {
    const { db, media, site } = await migratedWiki();
    addFourthVersion(site);
    expect(await importSite(db, media, site)).toMatchObject({ revisions: 1 });
    const out = folder();
    const report = await exportSite(db, media, out);
    const pages = await db.page.count({ where: { deletedAt: null } });
    expect(report).toMatchObject({ pages, files: 1, fileVersions: 2 });

    // The current text, its history gzipped by time, and the log of who wrote what.
    const current = readFileSync(path.join(out, "pages/wiki/history.txt"), "utf8");
    expect(current).toBe("====== History ======\n\nA fourth version.\n");
    expect(statSync(path.join(out, "pages/wiki/history.txt")).mtimeMs / 1000).toBe(T0 + 9000);
    expect(gunzipSync(readFileSync(path.join(out, `attic/wiki/history.${T0 + 3600}.txt.gz`))).toString()).toBe("====== History ======\n\nFirst text, edited.\n");
    const changes = readFileSync(path.join(out, "meta/wiki/history.changes"), "utf8")
      .trim()
      .split("\n")
      .map((line) => line.split("\t"));
    expect(changes.map(([time, , type, id, user, summary]) => [Number(time), type, id, user, summary])).toEqual([
      [T0, "C", "wiki:history", "alice", "created"],
      [T0 + 3600, "e", "wiki:history", "bob", "typo"],
      [T0 + 7200, "R", "wiki:history", "alice", "restored the link"],
      [T0 + 9000, "E", "wiki:history", "carol", "fourth"],
    ]);
    expect(readFileSync(path.join(out, "media/wiki/chart.png"))).toEqual(readFileSync(path.join(site, "media/wiki/chart.png")));
    expect(readFileSync(path.join(out, `media_attic/wiki/chart.${T0}.png`))).toEqual(readFileSync(path.join(site, `media_attic/wiki/chart.${T0}.png`)));
    expect(readFileSync(path.join(out, "media_meta/wiki/chart.png.changes"), "utf8")).toContain(`${T0}\t127.0.0.1\tC\twiki:chart.png\talice\tfirst drawing`);

    // A second wiki, made from the export, holds the same documents with the same history.
    const copy: TestDatabase = await createTestDatabase(database().kind);
    try {
      const again = await importSite(copy.db as Db, media, out);
      expect(again.pages).toBe(pages);
      const documents = async (target: Db) =>
        (
          await target.revision.findMany({
            orderBy: [{ page: { slug: "asc" } }, { number: "asc" }],
            select: { page: { select: { slug: true, title: true } }, number: true, content: true, createdAt: true, author: { select: { name: true } } },
          })
        ).map((r) => ({ ...r, author: r.author.name === "Palimpsest import" ? null : r.author.name, content: withoutSourceIds(r.content) }));
      expect(await documents(copy.db as Db)).toEqual(await documents(db));
      const files = async (target: Db) =>
        target.mediaVersion.findMany({
          orderBy: [{ media: { name: "asc" } }, { number: "asc" }],
          select: { number: true, hash: true, summary: true, createdAt: true, uploader: { select: { name: true } }, media: { select: { name: true } } },
        });
      expect(await files(copy.db as Db)).toEqual(await files(db));
    } finally {
      await copy.drop();
    }
  });

  it("gives any revision of a page as DokuWiki markup, which imports as the same document", async () => {
    const { db } = await importedWiki();
    const first = await exportPageMarkup(db, null, "wiki:history", 1);
    expect(first).toMatchObject({ pageId: "wiki:history", number: 1, markup: "====== History ======\n\nFirst text.\n" });
    const footnotes = await exportPageMarkup(db, null, "corpus:footnotes");
    const stored = await db.page.findUniqueOrThrow({ where: { slug: "corpus:footnotes" }, select: { latestRevision: { select: { content: true } } } });
    expect(withoutSourceIds(JSON.stringify(parseDokuWiki(footnotes.markup, { pageId: "corpus:footnotes" }).doc))).toEqual(withoutSourceIds(stored.latestRevision!.content));
    await expect(exportPageMarkup(db, null, "wiki:history", 99)).rejects.toThrow(/no revision 99/);
    await expect(exportPageMarkup(db, null, "nothing_here")).rejects.toThrow(/There is no page/);
  });

  it("runs from the command line", async () => {
    const { wiki } = await importedWiki();
    const out = folder();
    const exported = await wiki("export-site", out);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^Exported \d+ pages \(\d+ revisions\) and 1 file \(2 versions\) to .*, in [\d.]+ s\.\n$/);
    const imported = await wiki("import-site", out);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Imported \d+ pages: 0 revisions, 0 new sources, 0 files, \d+ warnings, in/);
    expect((await wiki("import-site", path.join(out, "nope"))).stderr).toContain("is not a DokuWiki data folder");
  });

  it("approves revisions waiting for review when newer ones come from DokuWiki, as any import does", async () => {
    const { db, media, site } = await migratedWiki();
    const editor = await db.user.create({ data: { name: "Waiting editor", nameKey: "waiting editor", role: "editor" } });
    await db.page.update({ where: { slug: "plain" }, data: { reviewPolicy: "required" } });
    const saved = await savePageRevision(db, {
      pageId: "plain",
      doc: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Pending words." }] }] },
      authorId: editor.id,
      summary: "waits",
    });
    expect(saved).toMatchObject({ status: "created", pending: true });
    // Edited in DokuWiki after the save here: only what is newer than a page's newest revision comes over.
    put(site, "pages/plain.txt", "Plain text, edited in DokuWiki.", Math.floor(Date.now() / 1000) + 60);
    expect(await importSite(db, media, site)).toMatchObject({ revisions: 1 });
    const page = await db.page.findUniqueOrThrow({
      where: { slug: "plain" },
      select: { latestRevision: { select: { number: true, reviewState: true } }, publishedRevision: { select: { number: true } } },
    });
    expect(page).toEqual({ latestRevision: { number: 3, reviewState: "approved" }, publishedRevision: { number: 3 } });
    expect(await db.revision.findFirstOrThrow({ where: { page: { slug: "plain" }, number: 2 }, select: { reviewState: true } })).toEqual({ reviewState: "approved" });
  });
});

/** A stored document with citations' source ids (which differ between two wikis) left out. */
function withoutSourceIds(content: string): unknown {
  return JSON.parse(content, (key, value) => (key === "sourceId" ? undefined : value));
}
