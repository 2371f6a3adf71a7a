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
import { type Account, createAccount } from "./accounts";
import { pagesShowingMedia } from "./stale-pages";
import { deletePage, renamePage } from "./lifecycle";
import { ensureMediaUses, getMediaUsage, listMedia, uploadMedia } from "./media";
import { compareRevisions } from "./history";
import { savePageRevision } from "./revisions";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const heading = (text: string): NodeJSON => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const paragraph = (text: string): NodeJSON => ({ type: "paragraph", content: [{ type: "text", text }] });
const figure = (media: string): NodeJSON => ({ type: "figure", attrs: { media, alt: "A chart", width: null, align: null } });

describeOnEachDatabase("where files are used", (database) => {
  let media: MediaServices;
  let admin: Account;
  let editor: Account;
  const db = () => database().db as Db;
  const save = (pageId: string, content: NodeJSON[], author: Account = admin) =>
    savePageRevision(db(), { pageId, doc: { type: "doc", content }, authorId: author.id, summary: "", selfApproved: author.role !== "editor" });

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "palimpsest-usage-"));
    folders.push(dir);
    media = createMediaServices(readMediaConfig({ MEDIA_STORE: "local", MEDIA_DIR: dir }));
    admin = await createAccount(db(), { email: "admin-usage@example.org", name: "Usage admin", password: "correct horse battery" }, { role: "admin" });
    editor = await createAccount(db(), { email: "editor-usage@example.org", name: "Usage editor", password: "correct horse battery" }, { role: "editor" });
    for (const [name, seed] of [
      ["usage:chart.png", 1],
      ["usage:map.png", 2],
      ["usage:spare.png", 3],
    ] as const) {
      await uploadMedia(db(), media, admin, { bytes: await pngImage(64, 48, seed), fields: { name, alt: "A picture" } });
    }
  });

  it("lists the pages that show a file to readers, with the sections it is in", async () => {
    await save("usage_article", [
      figure("usage:chart.png"),
      paragraph("Intro."),
      heading("Results"),
      paragraph("Text."),
      figure("usage:chart.png"),
      heading("Maps"),
      figure("usage:map.png"),
    ]);
    await save("usage_other", [heading("Results"), figure("usage:chart.png")]);
    // A page readers no longer see, and words waiting for review, show nothing to readers.
    await save("usage_gone", [figure("usage:chart.png")]);
    await deletePage(db(), admin, { pageId: "usage_gone" });
    await db().page.create({ data: { slug: "usage_reviewed", title: "Reviewed", reviewPolicy: "required" } });
    await save("usage_reviewed", [paragraph("Published text.")]);
    await save("usage_reviewed", [paragraph("Published text."), figure("usage:map.png")], editor);

    expect(await getMediaUsage(db(), "usage:chart.png")).toEqual([
      {
        pageId: "usage_article",
        title: "Usage article",
        sections: [
          { anchor: "", heading: null },
          { anchor: "results", heading: "Results" },
        ],
      },
      { pageId: "usage_other", title: "Usage other", sections: [{ anchor: "results", heading: "Results" }] },
    ]);
    expect(await getMediaUsage(db(), "usage:map.png")).toEqual([{ pageId: "usage_article", title: "Usage article", sections: [{ anchor: "maps", heading: "Maps" }] }]);
    expect(await getMediaUsage(db(), "usage:spare.png")).toEqual([]);
  });

  it("counts the pages per file in the library, and lists the files no page shows", async () => {
    const { entries } = await listMedia(db(), { q: "usage:" });
    expect(entries.map((e) => [e.name, e.usedOn])).toEqual([
      ["usage:chart.png", 2],
      ["usage:map.png", 1],
      ["usage:spare.png", 0],
    ]);
    expect((await listMedia(db(), { q: "usage:", unused: true })).entries.map((e) => e.name)).toEqual(["usage:spare.png"]);
  });

  it("follows a page through an edit, a rename and a deletion", async () => {
    await save("usage_other", [heading("Results"), paragraph("The chart is gone.")]);
    await renamePage(db(), admin, { pageId: "usage_article", newPageId: "usage_renamed" });
    expect((await getMediaUsage(db(), "usage:chart.png")).map((u) => u.pageId)).toEqual(["usage_renamed"]);
    // A new version makes stale the pages showing the file and the redirects to them, no others.
    expect((await pagesShowingMedia(db(), "usage:chart.png")).sort()).toEqual(["usage_article", "usage_renamed"]);
    expect(await pagesShowingMedia(db(), "usage:spare.png")).toEqual([]);
    await deletePage(db(), admin, { pageId: "usage_renamed" });
    expect(await getMediaUsage(db(), "usage:chart.png")).toEqual([]);
    expect((await listMedia(db(), { q: "usage:", unused: true })).entries.map((e) => e.name)).toEqual(["usage:chart.png", "usage:map.png", "usage:spare.png"]);
  });

  it("compares revisions with the picture each showed, a new version between them being a change", async () => {
    await save("usage_versions", [paragraph("First."), figure("usage:map.png")]);
    await save("usage_versions", [paragraph("Second."), figure("usage:map.png")]);
    const before = await compareRevisions(db(), null, "usage_versions", 1, 2);
    expect(before.diff.rows.map((r) => r.op)).toEqual(["changed", "equal"]);
    expect(before.media.from.get("usage:map.png")?.url).toBe(before.media.to.get("usage:map.png")?.url);
    // A new version after revision 2: revision 1 showed the old one until revision 2 came, revision 2 shows the new one.
    await uploadMedia(db(), media, admin, { bytes: await pngImage(64, 48, 9), fields: { name: "usage:map.png" } });
    const after = await compareRevisions(db(), null, "usage_versions", 1, 2);
    expect(after.media.from.get("usage:map.png")?.url).not.toBe(after.media.to.get("usage:map.png")?.url);
    expect(after.diff.rows.map((r) => [r.op, r.op === "changed" && !!r.fileChanged])).toEqual([
      ["changed", false],
      ["changed", true],
    ]);
    expect(after.diff.changeCount).toBe(2);
  });

  it("records the uses of a site from before they were kept, once", async () => {
    await save("usage_backfill", [heading("Pictures"), figure("usage:spare.png")]);
    await db().mediaUse.deleteMany();
    expect(await getMediaUsage(db(), "usage:spare.png")).toEqual([]);
    expect(await ensureMediaUses(db())).toBeGreaterThan(0);
    expect(await getMediaUsage(db(), "usage:spare.png")).toEqual([{ pageId: "usage_backfill", title: "Usage backfill", sections: [{ anchor: "pictures", heading: "Pictures" }] }]);
    expect(await ensureMediaUses(db())).toBe(0);
  });
});
