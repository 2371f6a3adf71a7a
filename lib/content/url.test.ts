import { describe, expect, it } from "vitest";
import { normalizePageId, pageHref, pageNamespace, titleFromPageId } from "./page-id";
import { normalizeDoi, normalizeUrl, safeUrl } from "./url";

describe("safeUrl", () => {
  it("accepts web, ftp and mail addresses in canonical form", () => {
    expect(safeUrl(`https://Example.org/a"b`)).toBe("https://example.org/a%22b");
    expect(safeUrl("mailto:a@b.example")).toBe("mailto:a@b.example");
  });
  it("refuses other schemes, relative addresses and hidden control characters", () => {
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "/wiki/x", "//evil.example", "java\tscript:x", "https://a.example/\u0000", ""]) {
      expect(safeUrl(bad), bad).toBeNull();
    }
  });
});

describe("normalizeUrl", () => {
  it("treats addresses that differ only in form as one", () => {
    const forms = ["https://www.Example.org/paper/", "http://example.org/paper", "https://example.org/paper#section", "https://example.org/paper?utm_source=x&utm_medium=y"];
    expect(new Set(forms.map(normalizeUrl))).toEqual(new Set(["https://example.org/paper"]));
  });
  it("keeps meaningful query parameters, in a stable order", () => {
    expect(normalizeUrl("https://a.example/q?b=2&a=1")).toBe("https://a.example/q?a=1&b=2");
  });
});

describe("page ids", () => {
  it("cleans ids as DokuWiki does", () => {
    expect(normalizePageId("Claude Opus 4.5")).toBe("claude_opus_4.5");
    expect(normalizePageId("Policy:Responsible  Scaling")).toBe("policy:responsible_scaling");
    expect(normalizePageId("a/b/c")).toBe("a:b:c");
    expect(normalizePageId("::x::")).toBe("x");
    expect(normalizePageId("javascript:alert(1)")).toBe("javascript:alert_1");
    expect(normalizePageId("<script>")).toBe("script");
    expect(normalizePageId("___")).toBe("");
    // One rule with the importer's: DokuWiki's accents and specials.
    expect(normalizePageId("Café Übersicht")).toBe("cafe_uebersicht");
    expect(normalizePageId("GPT-5.4 (Pro)")).toBe("gpt-5.4_pro");
    expect(normalizePageId(`${"a".repeat(199)}_b`)).toBe("a".repeat(199));
  });
  it("derives namespaces, titles and addresses", () => {
    expect(pageNamespace("policy:rsp:v2")).toBe("policy:rsp");
    expect(pageNamespace("gpt_5_2")).toBe("");
    expect(titleFromPageId("policy:responsible_scaling")).toBe("Responsible scaling");
    expect(pageHref("policy:rsp", "early history")).toBe("/wiki/policy:rsp#early%20history");
  });
});

describe("normalizeDoi", () => {
  it("reads bare DOIs, doi: and doi.org addresses as one lower-case form", () => {
    for (const form of ["10.1234/ABC.def", "doi:10.1234/abc.DEF", "https://doi.org/10.1234/abc.def", "http://dx.doi.org/10.1234%2Fabc.def", " DOI: 10.1234/abc.def "]) {
      expect(normalizeDoi(form)).toBe("10.1234/abc.def");
    }
  });

  it("refuses what is not a DOI", () => {
    for (const form of ["", "10.12/x", "11.1234/x", "https://example.org/10.1234/x", "10.1234/"]) expect(normalizeDoi(form)).toBeNull();
  });
});
