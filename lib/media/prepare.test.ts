import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { HTML_AS_PNG, jpegWithGps, PDF, pngBomb, pngImage, SVG_WITH_ENTITIES, SVG_WITH_SCRIPT } from "../../test/media-fixtures";
import { TEST_LIMITS } from "../../test/media-stores";
import { prepareUpload, sha256 } from "./prepare";

const refused = (message: RegExp) => expect.objectContaining({ code: "INVALID_INPUT", message: expect.stringMatching(message) });

describe("preparing an upload", () => {
  it("re-encodes a photograph without its EXIF block (GPS position, owner), the same way each time", async () => {
    const photo = await jpegWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    expect(photo.includes("Secret Photographer")).toBe(true);

    const prepared = await prepareUpload(photo, TEST_LIMITS);
    expect(prepared).toMatchObject({ type: "image/jpeg", width: 320, height: 240 });
    const meta = await sharp(prepared.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(prepared.bytes.includes("Secret Photographer")).toBe(false);
    expect(prepared.hash).toBe(sha256(prepared.bytes));
    // The same upload gives the same bytes, so it is recognised as a duplicate.
    expect((await prepareUpload(photo, TEST_LIMITS)).hash).toBe(prepared.hash);
  });

  it("turns a photograph the way its EXIF orientation said before dropping it", async () => {
    const sideways = await sharp(await pngImage(40, 20))
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect(await prepareUpload(sideways, TEST_LIMITS)).toMatchObject({ width: 20, height: 40 });
  });

  it("refuses a file over the size limit, an empty file and types not allowed, before decoding anything", async () => {
    const png = await pngImage(100, 100);
    await expect(prepareUpload(png, { ...TEST_LIMITS, maxBytes: 1000 })).rejects.toEqual(refused(/MB; the limit is 0 MB\. Nothing was stored\./));
    await expect(prepareUpload(new Uint8Array(), TEST_LIMITS)).rejects.toEqual(refused(/empty/));
    await expect(prepareUpload(PDF, { ...TEST_LIMITS, allowedTypes: ["image/png"] })).rejects.toEqual(refused(/PDF documents are not accepted here \(PNG image\)/));
  });

  it("refuses HTML whatever it is called, a truncated image, and a small file claiming a huge picture", async () => {
    await expect(prepareUpload(HTML_AS_PNG, TEST_LIMITS)).rejects.toEqual(refused(/not of a type this wiki accepts/));
    const png = await pngImage(300, 300, 3);
    await expect(prepareUpload(png.subarray(0, Math.floor(png.length / 2)), TEST_LIMITS)).rejects.toEqual(refused(/damaged or incomplete/));
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(1000);
    await expect(prepareUpload(bomb, TEST_LIMITS)).rejects.toEqual(refused(/100000 × 100000 pixels \(10000 megapixels\); the limit is 50 megapixels/));
  });

  it("keeps an SVG drawing as it is (it is only ever downloaded) and refuses one declaring entities", async () => {
    const prepared = await prepareUpload(SVG_WITH_SCRIPT, TEST_LIMITS);
    expect(prepared).toMatchObject({ type: "image/svg+xml", width: 120, height: 60, size: SVG_WITH_SCRIPT.length });
    await expect(prepareUpload(SVG_WITH_ENTITIES, TEST_LIMITS)).rejects.toEqual(refused(/entity declarations/));
    await expect(prepareUpload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10"'), TEST_LIMITS)).rejects.toEqual(refused(/not well-formed/));
  });

  it("keeps a complete PDF document as it is and refuses a truncated one", async () => {
    expect(await prepareUpload(PDF, TEST_LIMITS)).toMatchObject({ type: "application/pdf", width: null, size: PDF.length, hash: sha256(PDF) });
    await expect(prepareUpload(PDF.subarray(0, 60), TEST_LIMITS)).rejects.toEqual(refused(/PDF document is incomplete/));
  });
});
