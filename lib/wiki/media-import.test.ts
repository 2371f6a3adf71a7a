import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { HTML_AS_PNG, PDF, pngImage } from "../../test/media-fixtures";
import { startTestStores, TEST_LIMITS } from "../../test/media-stores";
import { databaseOfItsOwn, describeOnEachDatabase } from "../../test/with-databases";
import type { MediaServices } from "../media";
import { getArticle } from "./articles";
import { importDokuWikiPage } from "./import";
import { getMediaDetail } from "./media";
import { importMediaFolder, listMediaFolder, type MediaImportOutcome, mediaNameFromPath } from "./media-import";
import { SYSTEM_USER_NAME } from "./users";

let stores: Awaited<ReturnType<typeof startTestStores>>;
const folders: string[] = [];
beforeAll(async () => {
  stores = await startTestStores();
});
afterAll(async () => {
  await stores?.stop();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A DokuWiki `data/media` folder holding these files (paths relative to it). */
function mediaFolder(files: Record<string, Uint8Array>): string {
  const root = mkdtempSync(path.join(tmpdir(), "palimpsest-dokuwiki-media-"));
  folders.push(root);
  for (const [relative, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), bytes);
  }
  return root;
}

it("names files by their folders, cleaned as DokuWiki cleans ids", () => {
  expect(mediaNameFromPath("models/chart.png")).toBe("models:chart.png");
  expect(mediaNameFromPath(path.join("Models", "Old Charts", "Chart (1).PNG"))).toBe("models:old_charts:chart_1_.png");
  expect(mediaNameFromPath("logo.svg")).toBe("logo.svg");
});

describeOnEachDatabase("importing a DokuWiki media folder", (database) => {
  let media: MediaServices;

  beforeAll(async () => {
    media = { store: (await stores.create("local")).store, limits: TEST_LIMITS };
  });

  /**
   * A site of the test's own (DokuWiki's media names are the folders', the same for every test), and
   * a DokuWiki media folder of a chart, a report, a refused fake and leftovers that are not media.
   */
  async function siteAndFolder() {
    const { db } = await databaseOfItsOwn(database().kind);
    const chart = await pngImage(320, 200, 3);
    const folder = mediaFolder({
      "models/chart.png": chart,
      "docs/report.pdf": PDF,
      // HTML dressed as a picture: the media rules refuse it.
      "models/fake.png": HTML_AS_PNG,
      // DokuWiki's and editors' leftovers are not media.
      ".htaccess": Buffer.from("deny from all"),
      "models/.thumbs/chart.png": chart,
    });
    return { db, folder };
  }

  it("imports each file under its namespaced name as the system user, reporting and counting refused files without stopping", async () => {
    const { db, folder } = await siteAndFolder();
    expect(await listMediaFolder(folder)).toEqual([path.join("docs", "report.pdf"), path.join("models", "chart.png"), path.join("models", "fake.png")]);
    const heard: [MediaImportOutcome["status"], number, number][] = [];
    const summary = await importMediaFolder(db, media, folder, { onFile: (outcome, done, total) => heard.push([outcome.status, done, total]) });
    expect(summary).toEqual({
      files: 3,
      created: 2,
      updated: 0,
      unchanged: 0,
      refused: [{ path: path.join("models", "fake.png"), name: "models:fake.png", status: "refused", message: expect.stringContaining("Nothing was stored") }],
    });
    expect(heard).toEqual([
      ["created", 1, 3],
      ["created", 2, 3],
      ["refused", 3, 3],
    ]);
    const png = await getMediaDetail(db, "models:chart.png");
    expect(png.versions.map((v) => [v.number, v.type, v.width, v.height, v.uploader, v.summary])).toEqual([[1, "image/png", 320, 200, SYSTEM_USER_NAME, "Imported from DokuWiki"]]);
    expect((await getMediaDetail(db, "docs:report.pdf")).versions.map((v) => [v.number, v.type])).toEqual([[1, "application/pdf"]]);
    expect(await db.mediaFile.count({ where: { name: "models:fake.png" } })).toBe(0);
  });

  it("makes no new version when the same folder is imported again, and one when a file changed", async () => {
    const { db, folder } = await siteAndFolder();
    await importMediaFolder(db, media, folder);
    const again = await importMediaFolder(db, media, folder);
    expect(again).toMatchObject({ files: 3, created: 0, updated: 0, unchanged: 2, refused: [{ name: "models:fake.png" }] });
    expect(await db.mediaVersion.count({ where: { media: { name: { in: ["models:chart.png", "docs:report.pdf"] } } } })).toBe(2);

    writeFileSync(path.join(folder, "models", "chart.png"), await pngImage(320, 200, 4));
    expect(await importMediaFolder(db, media, folder)).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await getMediaDetail(db, "models:chart.png")).versions.map((v) => v.number)).toEqual([2, 1]);
  });

  it("refuses a file over the size limit without reading it, and goes on", async () => {
    const { db } = await siteAndFolder();
    const small = mediaFolder({ "big/photo.png": await pngImage(200, 200, 5), "big/notes.pdf": PDF });
    const summary = await importMediaFolder(db, { ...media, limits: { ...TEST_LIMITS, maxBytes: 2_000 } }, small);
    expect(summary).toMatchObject({
      files: 2,
      created: 1,
      refused: [{ name: "big:photo.png", message: expect.stringMatching(/^The file \(\d+ KB\) is larger than the limit of 2 KB\. Nothing was stored\.$/) }],
    });
  });

  it("shows imported files in an imported page, and a missing one as a placeholder offering the upload", async () => {
    const { db, folder } = await siteAndFolder();
    await importMediaFolder(db, media, folder);
    const markup = ["====== Charts ======", "{{chart.png?200|Scores by year}}", "", "Read {{:docs:report.pdf|the report}} first.", "", "{{ missing.png|Not there}}"].join("\n");
    const result = await importDokuWikiPage(db, { markup, pageId: "models:charts", siteUrl: "https://wiki.example.org" });
    expect(result.warnings).toEqual([]);
    const html = (await getArticle(db, "models:charts"))?.rendered.html ?? "";
    expect(html).toMatch(
      /<figure class="figure"><a href="\/media\/models:chart\.png" class="media-link"><picture>.*<img [^>]*width="200" height="125"[^>]* alt="Scores by year" ?\/?><\/picture><\/a><figcaption>Scores by year<\/figcaption><\/figure>/,
    );
    expect(html).toContain('<a href="https://wiki.example.org/media/docs:report.pdf" class="external" rel="nofollow noopener noreferrer">the report</a>');
    expect(html).toContain('<figure class="figure figure-right figure-missing"><a href="/media?upload=models%3Amissing.png" class="media-missing"');
  });
});
