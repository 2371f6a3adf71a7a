import { describe, expect, it } from "vitest";
import { documentProblems } from "../../validation/document";
import type { NodeJSON } from "../document";
import { type RenderMedia, renderArticle } from "../render";
import { collectFigureMedia } from "./figure";

const figure = (media: string, attrs: Record<string, unknown> = {}, caption: NodeJSON[] = []): NodeJSON => ({
  type: "figure",
  attrs: { media, alt: null, width: null, align: null, ...attrs },
  content: caption,
});
const doc = (...content: NodeJSON[]) => ({ type: "doc", content });
const chart: RenderMedia = {
  href: "/media/models:chart.png",
  url: "/files/abc/chart.png",
  alt: "A bar chart",
  width: 900,
  height: 600,
  label: "PNG image, 9 KB",
  picture: {
    avif: [
      { width: 160, url: "/files/abc/thumbnails/160.avif" },
      { width: 900, url: "/files/abc/thumbnails/1024.avif" },
    ],
    webp: [
      { width: 160, url: "/files/abc/thumbnails/160.webp" },
      { width: 900, url: "/files/abc/thumbnails/1024.webp" },
    ],
    fallback: [
      { width: 160, url: "/files/abc/thumbnails/160.png" },
      { width: 900, url: "/files/abc/thumbnails/1024.png" },
    ],
  },
};
const render = (d: { type: string; content: NodeJSON[] }, media: [string, RenderMedia][] = []) =>
  renderArticle(d, { sources: new Map(), pageExists: () => true, media: new Map(media) }).html;

describe("figures", () => {
  it("are documents the editor's schema accepts, with captions holding links and citations", () => {
    const caption: NodeJSON[] = [
      { type: "text", text: "Scores " },
      { type: "text", text: "by year", marks: [{ type: "wikiLink", attrs: { target: "scores", fragment: null } }] },
      { type: "citation", attrs: { sourceId: "s1", locator: null, quote: null } },
    ];
    expect(documentProblems(doc(figure("models:chart.png", { align: "right", width: 300 }, caption)))).toEqual([]);
    expect(collectFigureMedia(doc(figure("a.png"), { type: "paragraph" }, figure("b.pdf"), figure("a.png")))).toEqual(["a.png", "b.pdf"]);
  });

  it("render a picture from its thumbnails, sized so the page does not move, loaded lazily, with its caption", () => {
    const html = render(doc(figure("models:chart.png", { width: 300, align: "right" }, [{ type: "text", text: "Scores by year" }])), [["models:chart.png", chart]]);
    expect(html).toBe(
      '<figure class="figure figure-right"><a href="/media/models:chart.png" class="media-link"><picture>' +
        '<source type="image/avif" srcset="/files/abc/thumbnails/1024.avif" />' +
        '<img src="/files/abc/thumbnails/1024.png" width="300" height="200" loading="lazy" alt="A bar chart" />' +
        "</picture></a><figcaption>Scores by year</figcaption></figure>",
    );
    // Alt text given for this use wins; an empty one marks the picture as decoration.
    expect(render(doc(figure("models:chart.png", { alt: "" })), [["models:chart.png", chart]])).toContain('alt=""');
  });

  it("offer the size a figure is shown at and the size for dense screens, nothing else", () => {
    const widths = [160, 320, 640, 1024, 1600];
    const list = (format: string) => widths.map((w) => ({ width: w, url: `/files/big/thumbnails/${w}.${format}` }));
    const big: RenderMedia = { ...chart, width: 3000, height: 2000, picture: { avif: list("avif"), webp: list("webp"), fallback: list("png") } };
    const html = render(doc(figure("models:chart.png", { width: 300 })), [["models:chart.png", big]]);
    expect(html).toContain('srcset="/files/big/thumbnails/320.avif, /files/big/thumbnails/640.avif 2x"');
    expect(html).not.toMatch(/160|1024|sizes=/);
    expect(html).toContain('src="/files/big/thumbnails/640.png"');
  });

  it("show a file that is no picture as a link, and a missing file as a placeholder offering the upload", () => {
    const pdf: RenderMedia = { ...chart, url: "/files/def/paper.pdf", picture: null, width: null, height: null, label: "PDF document, 2 MB" };
    expect(render(doc(figure("paper.pdf")), [["paper.pdf", pdf]])).toBe(
      '<figure class="figure"><a href="/files/def/paper.pdf" class="media-file">paper.pdf</a> <span class="media-label">(PDF document, 2 MB)</span></figure>',
    );
    expect(render(doc(figure("models:new chart.png", {}, [{ type: "text", text: "Soon" }])))).toBe(
      '<figure class="figure figure-missing"><a href="/media?upload=models%3Anew+chart.png" class="media-missing" title="models:new chart.png (file does not exist)">models:new chart.png<span class="visually-hidden"> (file does not exist)</span></a><figcaption>Soon</figcaption></figure>',
    );
  });

  it("never let stored attributes become markup", () => {
    const html = render(doc(figure('x"><script>alert(1)</script>.png', { alt: '"><img src=x onerror=alert(1)>', width: "100%" })), [['x"><script>alert(1)</script>.png', chart]]);
    expect(html).not.toMatch(/<script|<img src=x/);
    expect(html).toContain('alt="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(html).toContain('width="900"');
  });
});
