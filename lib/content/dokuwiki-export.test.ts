import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADVERSARIAL_DOKUWIKI } from "../../test/adversarial-dokuwiki";
import type { DocumentJSON, MarkJSON, NodeJSON } from "./document";
import { parseDokuWiki } from "./dokuwiki";
import { type ExportedSource, toDokuWiki } from "./dokuwiki-export";
import { schema } from "./schema";

const CORPUS = path.resolve("test/dokuwiki-corpus");
const corpus = readdirSync(CORPUS, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".txt"))
  .map((file) => ({ pageId: file.replace(/\.txt$/, "").replace(/[\\/]/g, ":"), markup: readFileSync(path.join(CORPUS, file), "utf8") }));
corpus.push({ pageId: "gpt_5_2", markup: readFileSync(path.resolve("prisma/seed/gpt_5_2.txt"), "utf8") });
// DokuWiki's own syntax page, where Debian's package is installed (`npm test` installs it first).
const SYNTAX_PAGE = "/var/lib/dokuwiki/data/pages/wiki/syntax.txt";
if (existsSync(SYNTAX_PAGE)) corpus.push({ pageId: "wiki:syntax", markup: readFileSync(SYNTAX_PAGE, "utf8") });

/** Imports markup, exports what was imported, and imports the export again. */
function roundTrip(markup: string, pageId: string) {
  const first = parseDokuWiki(markup, { pageId });
  const sources = new Map<string, ExportedSource>(first.sources.map((s) => [s.key, { title: s.title, url: s.url }]));
  const exported = toDokuWiki(first.doc, { title: first.title ?? pageId, pageId, sources });
  const second = parseDokuWiki(exported, { pageId });
  return { first, exported, second };
}

const doc = (...content: NodeJSON[]): DocumentJSON => ({ type: "doc", content });
const paragraph = (...content: NodeJSON[]): NodeJSON => ({ type: "paragraph", content });
const text = (value: string, ...marks: string[]): NodeJSON => ({ type: "text", text: value, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const exportDoc = (value: DocumentJSON, pageId = "page", sources = new Map<string, ExportedSource>()) => toDokuWiki(value, { title: "Title", pageId, sources });
/** The export of `value` imported again, without the title heading. */
const reimport = (value: DocumentJSON, pageId = "page") => parseDokuWiki(exportDoc(value, pageId), { pageId }).doc;

describe("the corpus", () => {
  // Each page's expected document, reviewed and kept beside it: a change to the importer shows here.
  it.each(corpus.filter((page) => page.pageId !== "wiki:syntax").map((page) => [page.pageId, page] as const))("imports %s as expected", async (_name, page) => {
    const { title, doc, sources, warnings } = parseDokuWiki(page.markup, { pageId: page.pageId });
    const expected = path.join(CORPUS, "expected", `${page.pageId.replace(/:/g, "__")}.json`);
    await expect(`${JSON.stringify({ title, sources, warnings, doc }, null, 1)}\n`).toMatchFileSnapshot(expected);
  });
});

describe("round trip: import, export, import", () => {
  it.each(corpus.map((page) => [page.pageId, page] as const))("gives the same document for %s", (_name, page) => {
    const { first, second, exported } = roundTrip(page.markup, page.pageId);
    expect(second.title).toBe(first.title);
    expect(second.doc, exported).toEqual(first.doc);
    expect(second.sources).toEqual(first.sources);
    // The export adds nothing to report: what is reported again was reported the first time.
    for (const warning of second.warnings) expect(first.warnings.map((w) => w.message)).toContain(warning.message);
  });

  it.each(ADVERSARIAL_DOKUWIKI.map(([name, markup]) => [name, markup.slice(0, 20_000) + markup.slice(-12)] as const))(
    "gives the same document for adversarial markup: %s",
    (_name, markup) => {
      const { first, second } = roundTrip(markup, "adversarial");
      expect(second.doc).toEqual(first.doc);
    },
  );
});

describe("text that DokuWiki would read as markup", () => {
  const samples = [
    "**not bold**",
    "//not italic//",
    "__not underlined__",
    "''not code''",
    "%%percent%%",
    "50% off, 100%%",
    "[[not a link]]",
    "{{not a picture.png}}",
    "((not a footnote))",
    "a \\\\ b",
    "~~NOTOC~~",
    "-> <- <-> => <= <=> >> << -- ---",
    "640x480 and 2X3",
    "(c) (tm) (r) ...",
    "8-) :-( ;-) =) ^_^ m( :?: :!:",
    "\"quoted\" and 'single'",
    "http://example.com and www.example.com",
    "<b>tag</b> <mail@example.com>",
    "a | b ^ c",
    "== not a heading ==",
    "> not a quote",
    "----",
    "C:\\path\\to",
    "\\\\server\\share",
  ];
  it.each(samples)("keeps %j as text", (sample) => {
    expect(reimport(doc(paragraph(text(sample))))).toEqual(doc(paragraph(text(sample))));
  });

  it("writes plain prose as it is", () => {
    expect(exportDoc(doc(paragraph(text("Plain words, with commas; and a colon: here."))))).toBe("====== Title ======\n\nPlain words, with commas; and a colon: here.\n");
    expect(exportDoc(doc(paragraph(text("**")))).split("\n")[2]).toBe("%%**%%");
    expect(exportDoc(doc(paragraph(text("50%**")))).split("\n")[2]).toBe("50%<nowiki>**</nowiki>");
  });

  it("keeps a character beside markup from joining it", () => {
    const cases: NodeJSON[][] = [
      [text("a*", "bold"), text("*b")],
      [text("see:", "italic"), text(" after")],
      [text("x:"), text("y", "italic")],
      [text("snake_", "underline"), text("_case")],
      [text("(", "bold"), { type: "citation", attrs: { sourceId: "text:A note", locator: null, quote: null, note: null } }],
      [text("it'"), text("code", "code"), text("'s")],
      [text("open "), text("[", "italic"), text("[not a link", "bold")],
    ];
    for (const content of cases) {
      const value = doc(paragraph(...content));
      const sources = new Map([["text:A note", { title: "A note", url: null }]]);
      const back = parseDokuWiki(exportDoc(value, "page", sources), { pageId: "page" }).doc;
      expect(back, exportDoc(value, "page", sources)).toEqual(value);
    }
  });

  // A generated sample of text and marks: whatever is written comes back as written.
  it("keeps any mix of markup characters and formatting", () => {
    const alphabet = [
      "a",
      "b",
      "x",
      "2",
      "3",
      " ",
      "*",
      "/",
      "_",
      "'",
      "%",
      "<",
      ">",
      "-",
      "=",
      "(",
      ")",
      "[",
      "]",
      "{",
      "}",
      "\\",
      "~",
      '"',
      ":",
      ";",
      ".",
      "|",
      "^",
      "8",
      "m",
      "www.",
      "ftp.",
      "http://",
      "é",
      "!",
      "?",
      "c",
      "O",
      "D",
      "P",
    ];
    const markSets = [[], ["bold"], ["italic"], ["underline"], ["code"], ["subscript"], ["superscript"], ["strike"], ["bold", "italic"], ["italic", "underline", "strike"]];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 400; round++) {
      const nodes: NodeJSON[] = [];
      for (let n = 1 + random(4); n > 0; n--) {
        let value = "";
        for (let k = 1 + random(6); k > 0; k--) value += alphabet[random(alphabet.length)];
        nodes.push(text(value, ...markSets[random(markSets.length)]));
      }
      const expected = normalize(nodes);
      if (!expected.length) continue;
      const value = doc(paragraph(...nodes));
      const back = reimport(value);
      expect(normalize(back.content[0]?.content ?? []), exportDoc(value)).toEqual(expected);
    }
  });
});

describe("blocks and inline nodes", () => {
  it("writes links relative to nothing: from a namespace, a top-level page gets a leading colon", () => {
    const link = (target: string, fragment: string | null = null): MarkJSON => ({ type: "wikiLink", attrs: { target, fragment } });
    const value = doc(
      paragraph({ type: "text", text: "top", marks: [link("top")] }, text(" "), { type: "text", text: "sibling", marks: [link("ns:sibling")] }, text(" "), {
        type: "text",
        text: "here",
        marks: [link("ns:page", "intro")],
      }),
    );
    expect(exportDoc(value, "ns:page").split("\n")[2]).toBe("[[:top|top]] [[ns:sibling|sibling]] [[#intro|here]]");
    expect(reimport(value, "ns:page")).toEqual(value);
  });

  it("writes a citation without a note as its source's link and locator", () => {
    const value = doc(paragraph(text("Claim."), { type: "citation", attrs: { sourceId: "s1", locator: "p. 12", quote: null, note: null } }));
    const sources = new Map([["s1", { title: "The Book", url: "https://example.org/book" }]]);
    expect(exportDoc(value, "page", sources).split("\n")[2]).toBe("Claim.(([[https://example.org/book|The Book]], p. 12))");
  });

  it("writes figures with their alignment, width and caption", () => {
    const figure = (attrs: Record<string, unknown>, caption?: string): NodeJSON => ({
      type: "figure",
      attrs: { alt: caption ?? null, width: null, align: null, ...attrs },
      ...(caption ? { content: [text(caption)] } : {}),
    });
    const value = doc(
      figure({ media: "ns:chart.png", width: 300, align: "center" }, "A chart"),
      figure({ media: "logo.png", align: "left" }, "Logo"),
      figure({ media: "ns:report.pdf", alt: null }),
    );
    expect(exportDoc(value, "ns:page").split("\n\n").slice(1)).toEqual(["{{ ns:chart.png?300 |A chart}}", "{{:logo.png |Logo}}", "{{ns:report.pdf}}\n"]);
    expect(reimport(value, "ns:page")).toEqual(value);
  });

  it("keeps the spaces at the ends of a line, which DokuWiki would trim", () => {
    const value = doc(paragraph(text("  indented, and trailing  ")), { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("item  "))] }] });
    expect(exportDoc(value).split("\n\n").slice(1)).toEqual(["%%  %%indented, and trailing%%  %%", "  * item%%  %%\n"]);
    expect(reimport(value)).toEqual(value);
  });

  it("writes a picture linking to an address as the link around it", () => {
    const linkTo = (href: string) => ({ type: "link", attrs: { href, target: null, rel: null, class: null, title: null } });
    const value = doc({
      type: "figure",
      attrs: { media: "logo.png", alt: null, width: null, align: null },
      content: [{ type: "text", text: "http://php.net", marks: [linkTo("http://php.net/")] }],
    });
    expect(exportDoc(value).split("\n")[2]).toBe("[[http://php.net|{{logo.png}}]]");
    expect(reimport(value)).toEqual(value);
  });

  it("writes code blocks with their language and file name, and code holding </code> as a file", () => {
    const code = (source: string, attrs: Record<string, unknown>): NodeJSON => ({ type: "codeBlock", attrs, content: [text(source)] });
    const value = doc(code("x = 1\n  y = 2", { language: "python" }), code("<?php ?>", { language: "php", fileName: "a.php" }), code("</code> inside", { language: null }));
    expect(reimport(value)).toEqual(value);
    expect(exportDoc(value)).toContain("<file php a.php>\n<?php ?>\n</file>");
  });

  it("fits the editor's schema when imported again", () => {
    for (const page of corpus) {
      const { second } = roundTrip(page.markup, page.pageId);
      expect(() => schema.nodeFromJSON(second.doc).check()).not.toThrow();
    }
  });
});

/** Inline content as one entry per character with its marks, trimmed as a paragraph is: what readers see. */
function normalize(nodes: NodeJSON[]): string[] {
  const chars: string[] = [];
  for (const node of nodes) {
    const marks = (node.marks ?? [])
      .map((m) => m.type)
      .sort()
      .join("+");
    for (const char of node.text ?? "") chars.push(`${char}${marks ? `[${marks}]` : ""}`);
  }
  while (chars.length && /^\s/.test(chars[0])) chars.shift();
  while (chars.length && /^\s/.test(chars.at(-1)!)) chars.pop();
  return chars;
}
