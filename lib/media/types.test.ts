import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { HTML_AS_PNG, PDF, pngImage, SVG_WITH_SCRIPT } from "../../test/media-fixtures";
import { detectMediaType, extensionFits, looksLikeSvg } from "./types";

describe("detecting a file's type from its bytes", () => {
  it("knows pictures and PDF documents by their signatures, whatever they are called", async () => {
    const png = await pngImage(20, 10);
    expect(await detectMediaType(png)).toBe("image/png");
    expect(await detectMediaType(await sharp(png).jpeg().toBuffer())).toBe("image/jpeg");
    expect(await detectMediaType(await sharp(png).gif().toBuffer())).toBe("image/gif");
    expect(await detectMediaType(await sharp(png).webp().toBuffer())).toBe("image/webp");
    expect(await detectMediaType(PDF)).toBe("application/pdf");
  });

  it("knows an SVG drawing by its root element, after a declaration, comments and a doctype", async () => {
    expect(await detectMediaType(SVG_WITH_SCRIPT)).toBe("image/svg+xml");
    const withDoctype =
      '\uFEFF  <?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg width="1" height="1"/>';
    expect(looksLikeSvg(new TextEncoder().encode(withDoctype))).toBe(true);
  });

  it("refuses markup that is not an SVG drawing, text, and archives of no accepted kind", async () => {
    expect(await detectMediaType(HTML_AS_PNG)).toBeNull();
    // An SVG element inside an HTML page does not make the page a drawing.
    expect(await detectMediaType(Buffer.from("<html><body><svg width='1' height='1'></svg></body></html>"))).toBeNull();
    expect(await detectMediaType(Buffer.from("<svg-ish>not really</svg-ish>"))).toBeNull();
    expect(await detectMediaType(Buffer.from("just some words"))).toBeNull();
    // A ZIP archive that is no office document (the empty archive: only its end record).
    expect(await detectMediaType(Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]))).toBeNull();
    expect(await detectMediaType(new Uint8Array())).toBeNull();
  });

  it("checks a name's extension against the type", () => {
    expect(extensionFits("models:chart.png", "image/png")).toBe(true);
    expect(extensionFits("photo.JPEG", "image/jpeg")).toBe(true);
    expect(extensionFits("photo.jpg", "image/jpeg")).toBe(true);
    expect(extensionFits("chart.jpg", "image/png")).toBe(false);
    expect(extensionFits("chart", "image/png")).toBe(false);
  });
});
