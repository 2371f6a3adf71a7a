import { describe, expect, it } from "vitest";
import { malformedAddress, routeParam } from "./route-param";

describe("address segments", () => {
  it("takes a segment Next.js decoded as it is, and decodes one still escaped", () => {
    expect(routeParam("gpt_5_2")).toBe("gpt_5_2");
    expect(routeParam("café")).toBe("café");
    expect(routeParam("caf%C3%A9")).toBe("café");
    expect(routeParam("%")).toBe("%");
    expect(routeParam("%E0%A4%A")).toBe("%E0%A4%A");
  });

  it("finds paths whose escapes decode to no text, and NUL characters anywhere", () => {
    for (const url of ["/wiki/%", "/wiki/%E0%A4%A", "/wiki/%FF/history", "/wiki/%x[con/backlinks"]) expect(malformedAddress(url)).toBe(true);
    for (const url of ["/wiki/%25", "/wiki/caf%C3%A9", "/search?q=%", "/wiki/a#%", "/"]) expect(malformedAddress(url)).toBe(false);
    for (const url of ["/user/%00", "/search?q=a%00b", "/recent?author=%00"]) expect(malformedAddress(url)).toBe(true);
  });
});
