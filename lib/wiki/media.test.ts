import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTML_AS_PNG, jpegWithGps, PDF, pngBomb, pngImage, SVG_WITH_SCRIPT } from "../../test/media-fixtures";
import { STORE_KINDS, startTestStores, TEST_LIMITS } from "../../test/media-stores";
import { describeOnEachDatabase } from "../../test/with-databases";
import type { MediaServices } from "../media";
import { sha256 } from "../media/prepare";
import { mediaHeaders, servedInline } from "../media/serving";
import { originalKey } from "../media/store";
import { thumbnailKey } from "../media/sizes";
import { getThumbnail } from "../media/thumbnails";
import { type Account } from "./accounts";
import { getArticle } from "./articles";
import { compareRevisions, getRevisionView } from "./history";
import { savePageRevision } from "./revisions";
import { findStoredFile, getMediaDetail, listMedia, resolveMedia, revertMedia, uploadMedia } from "./media";
import { buildAccount, unique } from "../../test/factories";

let stores: Awaited<ReturnType<typeof startTestStores>>;
beforeAll(async () => {
  stores = await startTestStores();
});
afterAll(async () => {
  await stores?.stop();
});

describeOnEachDatabase("the media library", (database) => {
  describe.each(STORE_KINDS)("stored in the %s store", (kind) => {
    /** A store, an editor and a reader of the test's own, and names in a namespace of its own. */
    async function setUp() {
      const { db } = database();
      const test = await stores.create(kind);
      const media: MediaServices = { store: test.store, limits: TEST_LIMITS };
      const [editor, reader] = [await buildAccount(db, "editor"), await buildAccount(db, "reader")];
      const namespace = `${kind}${unique()}`;
      const name = (file: string) => `${namespace}:${file}`;
      const upload = (bytes: Uint8Array, fields: Record<string, string>, who: Account | null = editor) => uploadMedia(db, media, who, { bytes, fields });
      return { db, test, media, editor, reader, namespace, name, upload };
    }

    /** The chart in three versions (the third the first's bytes again), and a copy of it under another name. */
    async function uploadChart({ name, upload }: Awaited<ReturnType<typeof setUp>>) {
      const [one, two] = [await pngImage(400, 300, 1), await pngImage(400, 300, 2)];
      const fields = { name: name("Models/Chart.PNG"), description: "Scores by year", alt: "A bar chart", credit: "The Lab", licence: "CC BY 4.0", summary: "First drawing" };
      const results = [
        await upload(one, fields),
        await upload(one, { name: name("models:chart.png") }),
        await upload(two, { name: name("models:chart.png"), summary: "Redrawn" }),
        // The first drawing again is a third version, sharing the first one's stored bytes.
        await upload(one, { name: name("models:chart.png"), alt: "A bar chart of scores" }),
        // A second name for the same bytes costs no storage either.
        await upload(one, { name: name("copy.png") }),
      ];
      return { file: name("models:chart.png"), results };
    }

    it("makes a version per upload of new bytes, none for the same bytes again, and stores equal bytes once", async () => {
      const context = await setUp();
      const { db, test, editor, name } = context;
      const { file, results } = await uploadChart(context);
      expect(results[0]).toEqual({ name: file, number: 1, created: true, changed: true });
      expect(results[1]).toEqual({ name: file, number: 1, created: false, changed: false });
      expect(results[2]).toMatchObject({ number: 2, changed: true });
      expect(results[3]).toMatchObject({ number: 3, changed: true });
      expect(results[4]).toMatchObject({ number: 1, created: true });

      const detail = await getMediaDetail(db, file);
      expect(detail).toMatchObject({ namespace: name("models"), description: "Scores by year", alt: "A bar chart of scores", credit: "The Lab", licence: "CC BY 4.0" });
      expect(detail.versions.map((v) => [v.number, v.summary, v.uploader, v.type, v.width, v.height])).toEqual([
        [3, "", editor.name, "image/png", 400, 300],
        [2, "Redrawn", editor.name, "image/png", 400, 300],
        [1, "First drawing", editor.name, "image/png", 400, 300],
      ]);
      expect(detail.current.number).toBe(3);
      expect(detail.versions[2].hash).toBe(detail.versions[0].hash);
      expect((await test.keys("originals/")).sort()).toEqual([originalKey(detail.versions[1].hash), originalKey(detail.versions[0].hash)].sort());
      const stored = await test.store.get(originalKey(detail.current.hash));
      expect(stored && sha256(stored)).toBe(detail.current.hash);
      // Bytes are found by their hash whichever file (here, of any test) first held them.
      expect(await findStoredFile(db, detail.current.hash)).toEqual({ type: "image/png", name: expect.stringMatching(/:models:chart\.png$/) });
      expect(await findStoredFile(db, "0".repeat(64))).toBeNull();
    });

    it("reverts to an earlier version as a new version, and refuses a revert to what it shows", async () => {
      const context = await setUp();
      const { db, editor, reader } = context;
      const { file } = await uploadChart(context);
      expect(await revertMedia(db, editor, { name: file, number: 2 })).toMatchObject({ number: 4, changed: true });
      const detail = await getMediaDetail(db, file);
      expect(detail.current).toMatchObject({ number: 4, revertOf: 2, summary: "Reverted to version 2", hash: detail.versions.find((v) => v.number === 2)!.hash });
      await expect(revertMedia(db, editor, { name: file, number: 4 })).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(revertMedia(db, editor, { name: file, number: 2 })).rejects.toMatchObject({ code: "CONFLICT" });
      await expect(revertMedia(db, editor, { name: file, number: 9 })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(revertMedia(db, reader, { name: file, number: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    });

    it("lets only editors upload, and stores nothing for anyone else", async () => {
      const { db, test, editor, reader, name, upload } = await setUp();
      const png = await pngImage(50, 50, 99);
      await expect(upload(png, { name: name("mine.png") }, reader)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(upload(png, { name: name("mine.png") }, null)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(upload(png, { name: name("mine.png") }, { ...editor, blocked: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getMediaDetail(db, name("mine.png"))).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await test.keys("")).toEqual([]);
    });

    it("refuses hostile and broken files with a reason, storing nothing", async () => {
      const { db, test, namespace, name, upload } = await setUp();
      const refusals: [Uint8Array, string, RegExp][] = [
        [HTML_AS_PNG, "page.png", /not of a type this wiki accepts/],
        [pngBomb(), "bomb.png", /100000 × 100000 pixels/],
        [(await pngImage(300, 300, 5)).subarray(0, 2000), "cut.png", /damaged or incomplete/],
        [await pngImage(30, 30, 6), "named.jpg", /is a PNG image, but the name does not end in \.png/],
        [PDF, "no-extension", /End the name with the file's extension/],
      ];
      for (const [bytes, file, message] of refusals) {
        await expect(upload(bytes, { name: name(file) })).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(message) });
      }
      expect(await test.keys("")).toEqual([]);
      expect((await listMedia(db, { q: `${namespace}:` })).entries).toEqual([]);
    });

    it("keeps an SVG with script only as a download, and draws its thumbnails as pictures without it", async () => {
      const { db, media, name, upload } = await setUp();
      await upload(SVG_WITH_SCRIPT, { name: name("diagram.svg"), alt: "A red box" });
      const { current } = await getMediaDetail(db, name("diagram.svg"));
      expect(current).toMatchObject({ type: "image/svg+xml", width: 120, height: 60 });
      expect(servedInline(current.type)).toBe(false);
      const headers = mediaHeaders({ contentType: current.type, fileName: "diagram.svg", size: current.size, etag: current.hash, inline: servedInline(current.type) });
      expect(Object.fromEntries(headers)).toMatchObject({
        "content-disposition": `attachment; filename="diagram.svg"; filename*=UTF-8''diagram.svg`,
        "x-content-type-options": "nosniff",
        "content-security-policy": expect.stringContaining("sandbox"),
        "cache-control": "public, max-age=31536000, immutable",
      });
      const thumbnail = await getThumbnail(media.store, media.limits, current, 160, "png");
      expect(await sharp(thumbnail).metadata()).toMatchObject({ format: "png", width: 120, height: 60 });
      expect(thumbnail.includes("script")).toBe(false);
    });

    it("strips a photograph's GPS position before storing it", async () => {
      const { db, test, name, upload } = await setUp();
      await upload(await jpegWithGps(), { name: name("photo.jpg") });
      const { current } = await getMediaDetail(db, name("photo.jpg"));
      const stored = (await test.store.get(originalKey(current.hash)))!;
      expect((await sharp(stored).metadata()).exif).toBeUndefined();
      expect(stored.includes("Secret Photographer")).toBe(false);
      expect(servedInline(current.type)).toBe(true);
      // The same photograph again is recognised, although what is stored differs from what was sent.
      expect(await upload(await jpegWithGps(), { name: name("photo.jpg") })).toMatchObject({ number: 1, changed: false });
    });

    it("makes each thumbnail once, in AVIF, WebP and the original's format, never wider than the original", async () => {
      const context = await setUp();
      const { db, test, media, name, upload } = context;
      const { current } = await getMediaDetail(db, (await uploadChart(context)).file);
      const key = thumbnailKey(current.hash, 160, "webp");
      expect(await test.store.has(key)).toBe(false);
      const small = await getThumbnail(media.store, media.limits, current, 160, "webp");
      expect(await sharp(small).metadata()).toMatchObject({ format: "webp", width: 160, height: 120 });
      expect(await test.store.has(key)).toBe(true);
      expect(await getThumbnail(media.store, media.limits, current, 160, "webp")).toEqual(small);
      const avif = await getThumbnail(media.store, media.limits, current, 320, "avif");
      expect(await sharp(avif).metadata()).toMatchObject({ format: "heif", compression: "av1", width: 320, height: 240 });
      expect(await test.store.has(thumbnailKey(current.hash, 320, "avif"))).toBe(true);
      const large = await getThumbnail(media.store, media.limits, current, 640, "png");
      expect(await sharp(large).metadata()).toMatchObject({ format: "png", width: 400, height: 300 });
      await upload(PDF, { name: name("paper.pdf") });
      const pdf = (await getMediaDetail(db, name("paper.pdf"))).current;
      await expect(getThumbnail(media.store, media.limits, pdf, 160, "webp")).rejects.toMatchObject({ code: "NOT_FOUND" });
    });

    it("lists the library by name, searched and filtered by kind", async () => {
      const context = await setUp();
      const { db, namespace, name, upload } = context;
      await uploadChart(context);
      await upload(SVG_WITH_SCRIPT, { name: name("diagram.svg") });
      await upload(await jpegWithGps(), { name: name("photo.jpg") });
      await upload(PDF, { name: name("paper.pdf") });
      const mine = async (options: Parameters<typeof listMedia>[1]) => (await listMedia(db, options)).entries.map((e) => e.name).filter((n) => n.startsWith(`${namespace}:`));
      expect(await mine({ type: "pdf" })).toEqual([name("paper.pdf")]);
      expect(await mine({ type: "image" })).toEqual([name("copy.png"), name("diagram.svg"), name("models:chart.png"), name("photo.jpg")]);
      expect(await mine({ q: "CHART" })).toEqual([name("models:chart.png")]);
      expect(await mine({ q: "Scores by" })).toEqual([name("models:chart.png")]);
    });

    it("resolves the version a page showed at a moment: the one current then, else the first", async () => {
      const context = await setUp();
      const { db, editor, name, upload } = context;
      const { file } = await uploadChart(context);
      await upload(await jpegWithGps(), { name: name("photo.jpg") });
      await revertMedia(db, editor, { name: file, number: 2 });
      // Versions dated a day apart, so the moments asked about fall clearly between them.
      const versions = await db.mediaVersion.findMany({ where: { media: { name: file } }, orderBy: { number: "asc" }, select: { id: true, number: true } });
      for (const v of versions) await db.mediaVersion.update({ where: { id: v.id }, data: { createdAt: new Date(Date.UTC(2026, 0, v.number)) } });
      const at = (day: number, hour: number) => new Date(Date.UTC(2026, 0, day, hour));
      const numbers = async (asOf?: Date) => (await resolveMedia(db, [file, name("photo.jpg"), name("missing.png")], asOf)).get(file)?.number;
      expect(await numbers()).toBe(4);
      expect(await numbers(at(2, 12))).toBe(2);
      expect(await numbers(at(3, 0))).toBe(3);
      expect(await numbers(at(1, 0))).toBe(1);
      // Before the file existed (a page naming it ahead of the upload) it shows its first version.
      expect(await numbers(new Date(Date.UTC(2025, 0, 1)))).toBe(1);
      expect((await resolveMedia(db, [name("missing.png")])).size).toBe(0);
      expect((await resolveMedia(db, [file])).get(file)?.alt).toBe("A bar chart of scores");
    });

    it("shows figures in articles: the current version now, and an old revision's files as they were then", async () => {
      const context = await setUp();
      const { db, editor, namespace, name } = context;
      const { file } = await uploadChart(context);
      await revertMedia(db, editor, { name: file, number: 2 });
      const pageId = `${namespace}_figures`;
      const figure = (media: string, caption: string) => ({ type: "figure", attrs: { media, alt: null, width: 320, align: null }, content: [{ type: "text", text: caption }] });
      const first = await savePageRevision(db, {
        pageId,
        doc: { type: "doc", content: [figure(file, "Scores by year"), figure(name("later.png"), "To come")] },
        authorId: editor.id,
        summary: "",
        baseRevisionId: null,
      });
      await savePageRevision(db, {
        pageId,
        doc: { type: "doc", content: [figure(file, "Scores by year, redrawn")] },
        authorId: editor.id,
        summary: "",
        baseRevisionId: first.revisionId,
      });
      const page = await db.page.findUniqueOrThrow({ where: { slug: pageId }, select: { id: true } });
      // Revision 1 was the latest from 2 January, noon, to 3 January, noon: version 3 was uploaded in between.
      await db.revision.update({ where: { pageId_number: { pageId: page.id, number: 1 } }, data: { createdAt: new Date(Date.UTC(2026, 0, 2, 12)) } });
      await db.revision.update({ where: { pageId_number: { pageId: page.id, number: 2 } }, data: { createdAt: new Date(Date.UTC(2026, 0, 3, 12)) } });
      const versions = (await getMediaDetail(db, file)).versions;
      const hashOf = (number: number) => versions.find((v) => v.number === number)!.hash;

      const now = (await getArticle(db, pageId))!.rendered.html;
      expect(now).toContain(`/files/${hashOf(4)}/thumbnails/320.avif`);
      expect(now).toMatch(/<img [^>]*width="320" height="240" loading="lazy"[^>]*alt="A bar chart of scores"/);
      expect(now).toContain("<figcaption>Scores by year, redrawn</figcaption>");
      const then = (await getRevisionView(db, null, pageId, 1)).rendered.html;
      expect(then).toContain(`/files/${hashOf(3)}/thumbnails/320.avif`);
      expect(then).not.toContain(hashOf(4));
      expect(then).toContain(`<a href="/media?upload=${encodeURIComponent(name("later.png"))}" class="media-missing"`);
      // The diff names the figures: a caption changed, a figure removed.
      const { diff } = await compareRevisions(db, null, pageId, 1, 2);
      expect(diff.rows.map((r) => [r.op, "block" in r ? r.block.label : r.after.label])).toEqual([
        ["changed", `Figure (${file})`],
        ["removed", `Figure (${name("later.png")})`],
      ]);
    });
  });
});
