import { describe, expect, it } from "vitest";
import type { NodeJSON } from "./document";
import { type DokuWikiOptions, parseDokuWiki } from "./dokuwiki";
import { renderArticle, type RenderMedia } from "./render";
import { schema } from "./schema";

// DokuWiki's media syntax (https://www.dokuwiki.org/images) as the importer carries it over.

const parse = (markup: string, options: DokuWikiOptions = {}) => {
  const article = parseDokuWiki(markup, { pageId: "models:gpt", ...options });
  // Whatever the importer makes must be a document the editor accepts.
  expect(() => schema.nodeFromJSON(article.doc).check()).not.toThrow();
  return article;
};
const blocks = (markup: string, options?: DokuWikiOptions) => parse(markup, options).doc.content;
const figure = (media: string, attrs: Partial<{ alt: string | null; width: number | null; align: string | null }> = {}, content?: NodeJSON[]): NodeJSON => ({
  type: "figure",
  attrs: { media, alt: null, width: null, align: null, ...attrs },
  ...(content ? { content } : {}),
});
const text = (value: string, marks?: NodeJSON["marks"]): NodeJSON => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const link = (href: string) => ({ type: "link", attrs: { href, target: null, rel: null, class: null, title: null } });
const reports = (markup: string, options?: DokuWikiOptions) => parse(markup, options).warnings.map((w) => [w.line, w.construct, w.message]);

describe("pictures", () => {
  it("makes a picture on a line of its own a figure, its title both the caption and the alt text", () => {
    expect(parse("{{:models:chart.png}}")).toMatchObject({ doc: { content: [figure("models:chart.png")] }, warnings: [] });
    expect(blocks("{{:models:chart.png?200|Scores by year}}")).toEqual([figure("models:chart.png", { alt: "Scores by year", width: 200 }, [text("Scores by year")])]);
    // The title is plain text, as DokuWiki shows it.
    expect(blocks("{{chart.png|**Scores**  by\nyear}}")).toEqual([figure("models:chart.png", { alt: "**Scores** by year" }, [text("**Scores** by year")])]);
  });

  it("keeps the width and leaves out the height, with a report: a picture keeps its proportions", () => {
    const article = parse("Intro.\n\n{{chart.png?200x100|Chart}}");
    expect(article.doc.content[1]).toEqual(figure("models:chart.png", { alt: "Chart", width: 200 }, [text("Chart")]));
    expect(article.warnings).toEqual([{ line: 3, construct: "{{chart.png?200x100|Chart}}", message: "the height (a picture keeps its proportions): left out" }]);
    // DokuWiki's way to give only a height.
    expect(blocks("{{chart.png?0x100}}")).toEqual([figure("models:chart.png")]);
    expect(reports(`{{chart.png?5000}}`)).toEqual([[1, "{{chart.png?5000}}", "a width over 4000 pixels: left out"]]);
  });

  it("aligns by the spaces inside the braces, as DokuWiki does: before the name right, after it left, both centre", () => {
    expect(blocks("{{ chart.png}}")).toEqual([figure("models:chart.png", { align: "right" })]);
    expect(blocks("{{chart.png }}")).toEqual([figure("models:chart.png", { align: "left" })]);
    expect(blocks("{{ chart.png }}")).toEqual([figure("models:chart.png", { align: "center" })]);
    expect(blocks("{{  chart.png?320  |Wide}}")).toEqual([figure("models:chart.png", { align: "center", width: 320, alt: "Wide" }, [text("Wide")])]);
    // Spaces in the title align nothing.
    expect(blocks("{{chart.png| Title }}")).toEqual([figure("models:chart.png", { alt: "Title" }, [text("Title")])]);
  });

  it("names files as DokuWiki resolves and cleans media ids from the page's namespace", () => {
    const media = (markup: string, pageId = "models:gpt") => parse(markup, { pageId }).doc.content.map((b) => b.attrs?.media);
    expect(media("{{chart.png}}")).toEqual(["models:chart.png"]);
    expect(media("{{chart.png}}", "start")).toEqual(["chart.png"]);
    expect(media("{{:chart.png}}")).toEqual(["chart.png"]);
    expect(media("{{wiki:logo.png}}")).toEqual(["wiki:logo.png"]);
    expect(media("{{wiki;logo.png}}")).toEqual(["wiki:logo.png"]);
    expect(media("{{.:sub:chart.png}}", "models:old:gpt")).toEqual(["models:old:sub:chart.png"]);
    expect(media("{{..:chart.png}}", "models:old:gpt")).toEqual(["models:chart.png"]);
    expect(media("{{~chart.png}}")).toEqual(["models:gpt:chart.png"]);
    expect(media("{{:Models:Größe Chart (2024).PNG}}")).toEqual(["models:groesse_chart_2024_.png"]);
  });

  it("reads the linking and caching parameters and reports those a figure cannot follow, with their lines", () => {
    const markup = ["{{a.png?nolink}}", "{{b.png?direct&200}}", "{{c.png?linkonly}}", "{{d.png?nocache}}", "{{e.png?details&cache}}", "{{f.png?200&t=10&loop}}"].join("\n\n");
    const article = parse(markup);
    expect(article.doc.content).toEqual([
      figure("models:a.png"),
      figure("models:b.png", { width: 200 }),
      figure("models:c.png"),
      figure("models:d.png"),
      figure("models:e.png"),
      figure("models:f.png", { width: 200 }),
    ]);
    expect(article.warnings.map((w) => [w.line, w.construct, w.message])).toEqual([
      [1, "{{a.png?nolink}}", "?nolink (a picture links to its page in the library): left out"],
      [3, "{{b.png?direct&200}}", "?direct (a picture links to its page in the library): left out"],
      [5, "{{c.png?linkonly}}", "?linkonly: in text (with the wiki's address set) the picture is a link to its page; elsewhere it is shown"],
      [7, "{{d.png?nocache}}", "?nocache (files are always served as they are): left out"],
      [11, "{{f.png?200&t=10&loop}}", 'the parameter "t=10", which is not known; the parameter "loop", which is not known: left out'],
    ]);
  });

  it("splits a paragraph around a picture inside its text, with a report; a floated picture opening a paragraph needs none", () => {
    const article = parse("Scores rose\n{{chart.png?200|Scores}} every **year**.");
    expect(article.doc.content).toEqual([
      { type: "paragraph", content: [text("Scores rose")] },
      figure("models:chart.png", { alt: "Scores", width: 200 }, [text("Scores")]),
      { type: "paragraph", content: [text("every "), text("year", [{ type: "bold" }]), text(".")] },
    ]);
    expect(article.warnings).toEqual([
      { line: 2, construct: "{{chart.png?200|Scores}}", message: "a file inside text is shown as a figure of its own, between the text before and after it" },
    ]);
    // Floated beside the text that follows, as DokuWiki shows it.
    expect(parse("{{ chart.png?200|Scores}} Scores rose every year.")).toMatchObject({
      doc: {
        content: [figure("models:chart.png", { alt: "Scores", width: 200, align: "right" }, [text("Scores")]), { type: "paragraph", content: [text("Scores rose every year.")] }],
      },
      warnings: [],
    });
    // Unaligned, the picture sat within the line.
    expect(reports("{{chart.png}} Scores rose.").map(([line, construct]) => [line, construct])).toEqual([[1, "{{chart.png}}"]]);
    // Two pictures side by side, with nothing else: figures one after the other.
    expect(parse("{{a.png}} {{b.png}}")).toMatchObject({ doc: { content: [figure("models:a.png"), figure("models:b.png")] }, warnings: [] });
  });

  it("puts figures in list items, table cells and quotes", () => {
    const [list] = blocks("  * {{chart.png|Chart}}\n  * see {{ map.png}}");
    expect(list.content!.map((item) => item.content)).toEqual([
      [{ type: "paragraph" }, figure("models:chart.png", { alt: "Chart" }, [text("Chart")])],
      [{ type: "paragraph", content: [text("see")] }, figure("models:map.png", { align: "right" })],
    ]);
    const [table] = blocks("^ Picture ^ Name ^\n| {{ chart.png }} | Chart |\n| {{map.png?100|The map}} | Map |");
    expect(table.content![1].content![0].content).toEqual([figure("models:chart.png", { align: "center" })]);
    // The title's bar does not end the cell.
    expect(table.content![2].content!.map((cell) => cell.content)).toEqual([
      [figure("models:map.png", { alt: "The map", width: 100 }, [text("The map")])],
      [{ type: "paragraph", content: [text("Map")] }],
    ]);
    const [quote] = blocks("> As drawn:\n> {{chart.png}}");
    expect(quote.content).toEqual([{ type: "paragraph", content: [text("As drawn:")] }, figure("models:chart.png")]);
  });

  it("names a picture in a footnote, which holds text only", () => {
    const article = parse("Claim((Drawn as {{chart.png|the chart}} shows))");
    expect(article.sources.map((s) => s.title)).toEqual(["Drawn as the chart shows"]);
    expect(article.warnings).toEqual([{ line: 1, construct: "{{chart.png|the chart}}", message: "a footnote holds text only: the file is named, not shown" }]);
  });

  it("links a picture on another site, never showing it, with a report", () => {
    const article = parse("See {{https://cdn.example.org/x.png?200|the chart}} and {{https://cdn.example.org/y.jpg}}.");
    expect(article.doc.content[0].content).toEqual([
      text("See "),
      text("the chart", [link("https://cdn.example.org/x.png")]),
      text(" and "),
      text("https://cdn.example.org/y.jpg", [link("https://cdn.example.org/y.jpg")]),
      text("."),
    ]);
    expect(article.warnings.map((w) => w.message)).toEqual([
      "a picture on another site is linked, not shown: articles show only the wiki's own files",
      "a picture on another site is linked, not shown: articles show only the wiki's own files",
    ]);
    // Interwiki media resolve through the shortcut; a file that is no picture is a link in DokuWiki too.
    expect(parse("{{wp>File:Chart.png}} {{https://example.org/paper.pdf|Paper}}")).toMatchObject({
      doc: {
        content: [
          { content: [text("wp>File:Chart.png", [link("https://en.wikipedia.org/wiki/File:Chart.png")]), text(" "), text("Paper", [link("https://example.org/paper.pdf")])] },
        ],
      },
      warnings: [{ construct: "{{wp>File:Chart.png}}" }],
    });
    // Another scheme is no address DokuWiki knows: it is read as a media id, and cleaned into a harmless name.
    expect(blocks("{{javascript:alert(1)//x.png}}")).toEqual([figure("javascript:alert_1_x.png")]);
  });

  it("keeps markup that names no file as text, with a report", () => {
    const article = parse("A {{}} and {{ :: }} and {{wiki:noextension}}");
    expect(article.doc.content[0].content).toEqual([text("A {{}} and {{ :: }} and {{wiki:noextension}}")]);
    expect(article.warnings.map((w) => w.construct)).toEqual(["{{}}", "{{ :: }}", "{{wiki:noextension}}"]);
  });
});

describe("other files", () => {
  it("makes a file on a line of its own a figure: a link to the file with its type and size, its title the caption", () => {
    expect(parse("{{:docs:report.pdf|Annual report}}")).toMatchObject({ doc: { content: [figure("docs:report.pdf", {}, [text("Annual report")])] }, warnings: [] });
    // Sizes and alignment mean nothing for a file that is no picture; DokuWiki ignores them too.
    expect(blocks("{{ report.docx?200 }}")).toEqual([figure("models:report.docx")]);
    expect(reports("{{talk.mp4}}")).toEqual([[1, "{{talk.mp4}}", "playing (audio and video are linked as files): left out"]]);
  });

  it("links a file inside text to its page in the library when the wiki's address is known, else splits the text around it", () => {
    const siteUrl = "https://wiki.example.org";
    expect(parse("Read {{:docs:report.pdf|the report}} or {{notes.odt}} first.", { siteUrl })).toMatchObject({
      doc: {
        content: [
          {
            type: "paragraph",
            content: [
              text("Read "),
              text("the report", [link("https://wiki.example.org/media/docs:report.pdf")]),
              text(" or "),
              text("notes.odt", [link("https://wiki.example.org/media/models:notes.odt")]),
              text(" first."),
            ],
          },
        ],
      },
      warnings: [],
    });
    // On its own line it is still a figure, which shows the file's type and size and offers the upload when it is missing.
    expect(blocks("{{:docs:report.pdf|the report}}", { siteUrl })).toEqual([figure("docs:report.pdf", {}, [text("the report")])]);
    const article = parse("Read {{:docs:report.pdf|the report}} first.");
    expect(article.doc.content.map((b) => b.type)).toEqual(["paragraph", "figure", "paragraph"]);
    expect(article.warnings.map((w) => w.construct)).toEqual(["{{:docs:report.pdf|the report}}"]);
  });

  it("links a picture marked ?linkonly inside text, as DokuWiki does, and shows it alone on its line", () => {
    const siteUrl = "https://wiki.example.org";
    expect(blocks("{{chart.png?linkonly}} is the chart.", { siteUrl })).toEqual([
      { type: "paragraph", content: [text("chart.png", [link("https://wiki.example.org/media/models:chart.png")]), text(" is the chart.")] },
    ]);
    expect(blocks("{{chart.png?linkonly|Scores}}", { siteUrl })).toEqual([figure("models:chart.png", { alt: "Scores" }, [text("Scores")])]);
  });
});

describe("pictures as links' labels", () => {
  it("shows the picture as a figure whose caption is the link, with a report", () => {
    const article = parse("[[benchmarks|{{chart.png?200|Scores}}]]");
    expect(article.doc.content).toEqual([
      figure("models:chart.png", { alt: "Scores", width: 200 }, [text("Scores", [{ type: "wikiLink", attrs: { target: "models:benchmarks", fragment: null } }])]),
    ]);
    expect(article.warnings).toEqual([
      { line: 1, construct: "[[benchmarks|{{chart.png?200|Scores}}]]", message: "a picture used as a link is shown as a figure whose caption is the link" },
    ]);
    // Without a title, the caption is what a link without a label shows.
    expect(blocks("[[https://lab.example.org|{{ :logo.png}}]]")).toEqual([
      figure("logo.png", { align: "right" }, [text("https://lab.example.org", [link("https://lab.example.org/")])]),
    ]);
  });

  it("keeps the link when the picture is on another site, with a report", () => {
    const article = parse("[[benchmarks|{{https://cdn.example.org/x.png|Scores}}]]");
    expect(article.doc.content[0].content).toEqual([text("Scores", [{ type: "wikiLink", attrs: { target: "models:benchmarks", fragment: null } }])]);
    expect(article.warnings.map((w) => w.construct)).toEqual(["[[benchmarks|{{https://cdn.example.org/x.png|Scores}}]]"]);
  });
});

describe("imported figures as readers see them", () => {
  it("shows a file in the library as a picture with its caption, and a missing one as a placeholder offering the upload", () => {
    const article = parse("{{chart.png?320|Scores by year}}\n\n{{ missing.png|Not yet uploaded}}");
    const chart: RenderMedia = {
      href: "/media/models:chart.png",
      url: "/files/abc/chart.png",
      alt: "The file's own alt text",
      width: 640,
      height: 400,
      picture: {
        avif: [{ width: 640, url: "/files/abc/thumbnails/640.avif" }],
        webp: [{ width: 640, url: "/files/abc/thumbnails/640.webp" }],
        fallback: [{ width: 640, url: "/files/abc/thumbnails/640.png" }],
      },
      label: "PNG image, 10 KB",
    };
    const { html } = renderArticle(article.doc, { sources: new Map(), pageExists: () => false, media: new Map([["models:chart.png", chart]]) });
    expect(html).toContain('width="320" height="200"');
    // AVIF for browsers that take it, else one size of the original's format: no third list of sizes.
    expect(html).toContain('<source type="image/avif" srcset="/files/abc/thumbnails/640.avif"');
    expect(html).toContain('<img src="/files/abc/thumbnails/640.png"');
    expect(html).not.toContain("webp");
    expect(html).toContain('alt="Scores by year"');
    expect(html).toContain("<figcaption>Scores by year</figcaption>");
    expect(html).toContain('<figure class="figure figure-right figure-missing"><a href="/media?upload=models%3Amissing.png" class="media-missing"');
    expect(html).toContain("<figcaption>Not yet uploaded</figcaption>");
  });
});
