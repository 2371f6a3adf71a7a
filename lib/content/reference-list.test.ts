import { DomUtils, parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { downloadLinksHtml, referenceListHtml } from "./reference-list";
import type { Reference } from "./render";

const source = (title: string) =>
  ({ id: "s1", type: "article-journal", title, authors: [], issued: null, containerTitle: null, publisher: null, url: null, doi: null }) as unknown as Reference["source"];

function reference(number: number, overrides: Partial<Reference> = {}): Reference {
  return { number, sourceId: `s${number}`, source: source(`Source ${number}`), uses: [{ anchor: `cite-ref-${number}-1`, locator: null, quote: null }], note: null, ...overrides };
}

/** The elements the HTML makes, as a browser parses it: by tag, within those of a class when given. */
function elements(html: string, tag: string, within?: string) {
  const roots = within ? DomUtils.findAll((el) => (el.attribs.class ?? "").split(" ").includes(within), parseDocument(html).children) : parseDocument(html).children;
  return roots.flatMap((root) => DomUtils.findAll((el) => el.name === tag, [root]));
}
const text = DomUtils.textContent;

describe("the References list", () => {
  it("numbers each source once, with one link back to a single use", () => {
    const html = referenceListHtml([reference(1, { formatted: "<i>Formatted</i> one." }), reference(2)]);
    expect(html).toBe(
      '<section class="references" aria-labelledby="references"><h2 id="references">References</h2><ol>' +
        '<li id="cite-note-1" value="1"><span class="backlinks"><a href="#cite-ref-1-1" aria-label="Back to citation 1">^</a></span> <cite class="source"><i>Formatted</i> one.</cite></li>' +
        '<li id="cite-note-2" value="2"><span class="backlinks"><a href="#cite-ref-2-1" aria-label="Back to citation 2">^</a></span> <cite class="source">Source 2</cite></li>' +
        "</ol></section>",
    );
  });

  it("letters each use of a source cited several times, with its locator and quote", () => {
    const uses = [
      { anchor: "cite-ref-1-1", locator: "p. 4", quote: "a quote" },
      { anchor: "cite-ref-1-2", locator: null, quote: null },
      { anchor: "cite-ref-1-3", locator: "ch. 2", quote: null },
    ];
    const html = referenceListHtml([reference(1, { uses })]);
    expect(html).toContain(
      '<span class="backlinks"><span aria-hidden="true">^ </span><a href="#cite-ref-1-1" aria-label="Back to citation 1, use 1"><sup>a</sup></a><a href="#cite-ref-1-2" aria-label="Back to citation 1, use 2"><sup>b</sup></a><a href="#cite-ref-1-3" aria-label="Back to citation 1, use 3"><sup>c</sup></a></span>',
    );
    expect(html).toContain(
      '<ul class="reference-uses"><li data-use="cite-ref-1-1"><span class="use-label">a. </span>p. 4: <q>a quote</q></li><li data-use="cite-ref-1-3"><span class="use-label">c. </span>ch. 2</li></ul>',
    );
  });

  it("letters past z as Wikipedia does", () => {
    const uses = Array.from({ length: 28 }, (_, i) => ({ anchor: `cite-ref-1-${i + 1}`, locator: null, quote: null }));
    const letters = elements(referenceListHtml([reference(1, { uses })]), "sup", "backlinks").map(text);
    expect(letters.slice(24)).toEqual(["y", "z", "a1", "b1"]);
  });

  it("shows a footnote's own text, and says when the source is gone", () => {
    const html = referenceListHtml([reference(1, { note: 'A <a href="https://example.org">note</a>.' }), reference(2, { source: null })]);
    expect(html).toContain('<span class="source reference-note">A <a href="https://example.org">note</a>.</span>');
    expect(html).toContain('<span class="source-missing">This source has been removed from the library.</span>');
  });

  it("writes titles, locators and quotes as text, never as markup", () => {
    const uses = [{ anchor: 'x"><script>alert(1)</script>', locator: "<img src=x onerror=alert(1)>", quote: '"</q><script>alert(2)</script>' }];
    const html = referenceListHtml([reference(1, { source: source("<script>alert(3)</script>"), uses })]);
    expect([...elements(html, "script"), ...elements(html, "img")]).toHaveLength(0);
    expect(text(elements(html, "cite"))).toBe("<script>alert(3)</script>");
    expect(text(elements(html, "li", "reference-uses"))).toBe('<img src=x onerror=alert(1)>: "</q><script>alert(2)</script>');
    expect(elements(html, "a", "backlinks")[0].attribs.href).toBe('#x"><script>alert(1)</script>');
  });

  it("offers the references for download in each format when the page is named", () => {
    const html = referenceListHtml([reference(1)], "models:gpt 5");
    const links = elements(html, "a", "export-links").map((a) => [text(a), a.attribs.href, "download" in a.attribs]);
    expect(links).toEqual([
      ["BibTeX", "/api/pages/models%3Agpt%205/bibliography?format=bibtex", true],
      ["RIS", "/api/pages/models%3Agpt%205/bibliography?format=ris", true],
      ["CSL-JSON", "/api/pages/models%3Agpt%205/bibliography?format=csl-json", true],
    ]);
    expect(text(elements(html, "p").filter((p) => p.attribs.class === "export-links"))).toBe("Download these references: BibTeX · RIS · CSL-JSON");
    expect(downloadLinksHtml("/api/sources/export", "the <whole> library")).toContain("Download the &lt;whole&gt; library: ");
  });
});
