import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { pngImage } from "../../test/media-fixtures";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { NodeJSON } from "../content/document";
import type { Db } from "../db";
import { createMediaServices, type MediaServices } from "../media";
import { readMediaConfig } from "../media/config";
import { type Account } from "./accounts";
import { pagesShowingMedia } from "./stale-pages";
import { deletePage, renamePage } from "./lifecycle";
import { ensureMediaUses, getMediaUsage, listMedia, uploadMedia } from "./media";
import { compareRevisions } from "./history";
import { savePageRevision } from "./revisions";
import { buildAccount, unique } from "../../test/factories";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const heading = (text: string): NodeJSON => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const paragraph = (text: string): NodeJSON => ({ type: "paragraph", content: [{ type: "text", text }] });
const figure = (media: string): NodeJSON => ({ type: "figure", attrs: { media, alt: "A chart", width: null, align: null } });

describeOnEachDatabase("where files are used", (database) => {
  let media: MediaServices;
  const db = () => database().db as Db;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "palimpsest-usage-"));
    folders.push(dir);
    media = createMediaServices(readMediaConfig({ MEDIA_STORE: "local", MEDIA_DIR: dir }));
  });

  /** An admin, an editor, and three pictures in a namespace of the test's own, where its pages go too. */
  async function setUp() {
    const [admin, editor] = [await buildAccount(db(), "admin"), await buildAccount(db(), "editor")];
    const ns = `usage${unique()}`;
    const [chart, map, spare] = ["chart.png", "map.png", "spare.png"].map((file) => `${ns}:${file}`);
    for (const [seed, name] of [chart, map, spare].entries()) {
      await uploadMedia(db(), media, admin, { bytes: await pngImage(64, 48, seed + 1), fields: { name, alt: "A picture" } });
    }
    const page = (name: string) => `${ns}:${name}`;
    const save = (name: string, content: NodeJSON[], author: Account = admin) =>
      savePageRevision(db(), { pageId: page(name), doc: { type: "doc", content }, authorId: author.id, summary: "", selfApproved: author.role !== "editor" });
    return { admin, editor, ns, chart, map, spare, page, save };
  }

  /** Pages showing the chart and the map, and pages whose figures readers do not see. */
  async function showFiles(context: Awaited<ReturnType<typeof setUp>>) {
    const { admin, editor, chart, map, page, save } = context;
    await save("usage_article", [figure(chart), paragraph("Intro."), heading("Results"), paragraph("Text."), figure(chart), heading("Maps"), figure(map)]);
    await save("usage_other", [heading("Results"), figure(chart)]);
    // A page readers no longer see, and words waiting for review, show nothing to readers.
    await save("usage_gone", [figure(chart)]);
    await deletePage(db(), admin, { pageId: page("usage_gone") });
    await db().page.create({ data: { slug: page("usage_reviewed"), title: "Reviewed", namespace: context.ns, reviewPolicy: "required" } });
    await save("usage_reviewed", [paragraph("Published text.")]);
    await save("usage_reviewed", [paragraph("Published text."), figure(map)], editor);
  }

  it("lists the pages that show a file to readers, with the sections it is in", async () => {
    const context = await setUp();
    const { chart, map, spare, page } = context;
    await showFiles(context);
    expect(await getMediaUsage(db(), chart)).toEqual([
      {
        pageId: page("usage_article"),
        title: "Usage article",
        sections: [
          { anchor: "", heading: null },
          { anchor: "results", heading: "Results" },
        ],
      },
      { pageId: page("usage_other"), title: "Usage other", sections: [{ anchor: "results", heading: "Results" }] },
    ]);
    expect(await getMediaUsage(db(), map)).toEqual([{ pageId: page("usage_article"), title: "Usage article", sections: [{ anchor: "maps", heading: "Maps" }] }]);
    expect(await getMediaUsage(db(), spare)).toEqual([]);
  });

  it("counts the pages per file in the library, and lists the files no page shows", async () => {
    const context = await setUp();
    const { ns, chart, map, spare } = context;
    await showFiles(context);
    const { entries } = await listMedia(db(), { q: `${ns}:` });
    expect(entries.map((e) => [e.name, e.usedOn])).toEqual([
      [chart, 2],
      [map, 1],
      [spare, 0],
    ]);
    expect((await listMedia(db(), { q: `${ns}:`, unused: true })).entries.map((e) => e.name)).toEqual([spare]);
  });

  it("follows a page through an edit, a rename and a deletion", async () => {
    const context = await setUp();
    const { admin, ns, chart, map, spare, page, save } = context;
    await showFiles(context);
    await save("usage_other", [heading("Results"), paragraph("The chart is gone.")]);
    await renamePage(db(), admin, { pageId: page("usage_article"), newPageId: page("usage_renamed") });
    expect((await getMediaUsage(db(), chart)).map((u) => u.pageId)).toEqual([page("usage_renamed")]);
    // A new version makes stale the pages showing the file and the redirects to them, no others.
    expect((await pagesShowingMedia(db(), chart)).sort()).toEqual([page("usage_article"), page("usage_renamed")]);
    expect(await pagesShowingMedia(db(), spare)).toEqual([]);
    await deletePage(db(), admin, { pageId: page("usage_renamed") });
    expect(await getMediaUsage(db(), chart)).toEqual([]);
    expect((await listMedia(db(), { q: `${ns}:`, unused: true })).entries.map((e) => e.name)).toEqual([chart, map, spare]);
  });

  it("compares revisions with the picture each showed, a new version between them being a change", async () => {
    const { admin, map, page, save } = await setUp();
    await save("usage_versions", [paragraph("First."), figure(map)]);
    await save("usage_versions", [paragraph("Second."), figure(map)]);
    const before = await compareRevisions(db(), null, page("usage_versions"), 1, 2);
    expect(before.diff.rows.map((r) => r.op)).toEqual(["changed", "equal"]);
    expect(before.media.from.get(map)?.url).toBe(before.media.to.get(map)?.url);
    // A new version after revision 2: revision 1 showed the old one until revision 2 came, revision 2 shows the new one.
    await uploadMedia(db(), media, admin, { bytes: await pngImage(64, 48, 9), fields: { name: map } });
    const after = await compareRevisions(db(), null, page("usage_versions"), 1, 2);
    expect(after.media.from.get(map)?.url).not.toBe(after.media.to.get(map)?.url);
    expect(after.diff.rows.map((r) => [r.op, r.op === "changed" && !!r.fileChanged])).toEqual([
      ["changed", false],
      ["changed", true],
    ]);
    expect(after.diff.changeCount).toBe(2);
  });

  it("records the uses of a site from before they were kept, once", async () => {
    const { spare, page, save } = await setUp();
    await save("usage_backfill", [heading("Pictures"), figure(spare)]);
    await db().mediaUse.deleteMany();
    expect(await getMediaUsage(db(), spare)).toEqual([]);
    expect(await ensureMediaUses(db())).toBeGreaterThan(0);
    expect(await getMediaUsage(db(), spare)).toEqual([{ pageId: page("usage_backfill"), title: "Usage backfill", sections: [{ anchor: "pictures", heading: "Pictures" }] }]);
    expect(await ensureMediaUses(db())).toBe(0);
  });
});
