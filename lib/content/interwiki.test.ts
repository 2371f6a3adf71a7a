import { describe, expect, it } from "vitest";
import { DEFAULT_INTERWIKI, formatInterwikiMap, interwikiAddress, invalidInterwikiLines, parseInterwikiMap } from "./interwiki";

describe("interwiki shortcuts", () => {
  it("builds addresses as DokuWiki does", () => {
    expect(interwikiAddress(DEFAULT_INTERWIKI, "wp", "Large language model#History")).toBe("https://en.wikipedia.org/wiki/Large%20language%20model#History");
    expect(interwikiAddress(DEFAULT_INTERWIKI, "WP", "C++")).toBe("https://en.wikipedia.org/wiki/C++");
    expect(interwikiAddress(DEFAULT_INTERWIKI, "go", "a b&c")).toBe("https://www.google.com/search?q=a%20b%26c&btnI=lucky");
    expect(interwikiAddress(DEFAULT_INTERWIKI, "google", "x y")).toBe("https://www.google.com/search?q=x%20y");
    expect(interwikiAddress(DEFAULT_INTERWIKI, "user", "alice")).toBe(":user:alice");
    expect(interwikiAddress(DEFAULT_INTERWIKI, "nope", "x")).toBeNull();
    expect(interwikiAddress({ default: "https://d.example/?q=" }, "nope", "x")).toBe("https://d.example/?q=x");
  });

  it("reads and writes DokuWiki's interwiki.conf form, and names malformed lines", () => {
    expect(parseInterwikiMap(formatInterwikiMap(DEFAULT_INTERWIKI))).toEqual(DEFAULT_INTERWIKI);
    expect(parseInterwikiMap("# comment\n\nCorp  https://corp.example/{NAME}\r\nbad line here")).toEqual({ corp: "https://corp.example/{NAME}" });
    expect(invalidInterwikiLines("# ok\nwp https://x\n\nbad line here\nalso-bad")).toEqual([4, 5]);
  });
});
