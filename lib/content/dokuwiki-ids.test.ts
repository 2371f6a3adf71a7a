import { describe, expect, it } from "vitest";
import { cleanDokuWikiId, dokuWikiSectionId, resolveDokuWikiId, resolveDokuWikiMediaId } from "./dokuwiki-ids";

// Expected values are what DokuWiki's own functions return for the same input.
describe("DokuWiki's ids", () => {
  it("cleans ids as cleanID does", () => {
    expect(cleanDokuWikiId("Claude Opus 4.5")).toBe("claude_opus_4.5");
    expect(cleanDokuWikiId("  Über & Straße ")).toBe("ueber_strasse");
    expect(cleanDokuWikiId("a/b;c")).toBe("a_b:c");
    expect(cleanDokuWikiId("__:ns::_page_:")).toBe("ns:page");
    expect(cleanDokuWikiId("Crème brûlée (2024)!")).toBe("creme_brulee_2024");
  });

  it("makes section ids as sectionID does, numbering repeats", () => {
    expect(dokuWikiSectionId("Overview and Capabilities")).toBe("overview_and_capabilities");
    expect(dokuWikiSectionId("1. Introduction")).toBe("introduction");
    expect(dokuWikiSectionId("2024")).toBe("section2024");
    expect(dokuWikiSectionId("GPT-5.2: a model")).toBe("gpt-52a_model");
    const taken = new Set(["references"]);
    expect(["History", "History", "History", "References"].map((t) => dokuWikiSectionId(t, taken))).toEqual(["history", "history1", "history2", "references1"]);
  });

  it("resolves relative ids as PageResolver does", () => {
    expect(resolveDokuWikiId("sibling", "a:b:page")).toBe("a:b:sibling");
    expect(resolveDokuWikiId(".:x", "a:b:page")).toBe("a:b:x");
    expect(resolveDokuWikiId(".x", "a:b:page")).toBe("a:b:x");
    expect(resolveDokuWikiId("..:x", "a:b:page")).toBe("a:x");
    expect(resolveDokuWikiId("..:..:..:x", "a:b:page")).toBe("x");
    expect(resolveDokuWikiId(":top", "a:b:page")).toBe("top");
    expect(resolveDokuWikiId("other:page", "a:b:page")).toBe("other:page");
    expect(resolveDokuWikiId("ns:", "a:b:page")).toBe("ns:start");
    expect(resolveDokuWikiId("~sub", "a:page")).toBe("a:page:sub");
    expect(resolveDokuWikiId("x", "page")).toBe("x");
  });

  it("resolves media ids as MediaResolver does: the page rule without start pages, then cleanID", () => {
    expect(resolveDokuWikiMediaId("chart.png", "a:b:page")).toBe("a:b:chart.png");
    expect(resolveDokuWikiMediaId(":Chart Final.PNG", "a:b:page")).toBe("chart_final.png");
    expect(resolveDokuWikiMediaId("..:x.png", "a:b:page")).toBe("a:x.png");
    expect(resolveDokuWikiMediaId("wiki;logo.png", "a:page")).toBe("wiki:logo.png");
    expect(resolveDokuWikiMediaId("ns:", "a:page")).toBe("ns");
    expect(resolveDokuWikiMediaId("chart.png", "")).toBe("chart.png");
  });
});
