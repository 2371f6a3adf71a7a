import { describe, expect, it } from "vitest";
import { crossSiteWrite, localPath, publicOrigin } from "./origin";

describe("paths to go to after signing in", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(localPath("/wiki/gpt_5_2/edit")).toBe("/wiki/gpt_5_2/edit");
    expect(localPath("/search?q=a%20b#results")).toBe("/search?q=a%20b#results");
    expect(localPath("/wiki/a/../b")).toBe("/wiki/b");
  });

  it.each([
    // The forms a query string decodes to, as the sign-in page receives them.
    ["/\\evil.test/phish", "/"],
    ["/\\/evil.test", "/"],
    ["//evil.test", "/"],
    ["/\t/evil.test", "/"],
    ["/\n/evil.test", "/"],
    ["https://evil.test/", "/"],
    ["javascript:alert(1)", "/"],
    ["evil.test", "/"],
    ["", "/"],
    [undefined, "/"],
    [null, "/"],
    // Still encoded, they are harmless paths on this site.
    ["/%5Cevil.test/phish", "/%5Cevil.test/phish"],
    ["/%09/evil.test", "/%09/evil.test"],
  ])("sends %j to %j", (target, expected) => {
    const path = localPath(target);
    expect(path).toBe(expected);
    expect(new URL(path, "https://wiki.example").origin).toBe("https://wiki.example");
  });
});

describe("cross-site writes", () => {
  const cookie = "next-auth.session-token=abc";
  it("lets reads, bearer tokens and cookie-less requests through", () => {
    expect(crossSiteWrite("GET", { cookie, origin: "https://evil.test", host: "wiki.example" })).toBeNull();
    expect(crossSiteWrite("POST", { cookie, authorization: "Bearer x", origin: "https://evil.test", host: "wiki.example" })).toBeNull();
    expect(crossSiteWrite("POST", { origin: "https://evil.test", host: "wiki.example" })).toBeNull();
  });

  it("lets the site's own pages write", () => {
    expect(crossSiteWrite("POST", { cookie, origin: "https://wiki.example", host: "wiki.example" })).toBeNull();
    expect(crossSiteWrite("DELETE", new Headers({ cookie, origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" }))).toBeNull();
    expect(crossSiteWrite("POST", { cookie, origin: "https://wiki.example", host: "10.0.0.5:3000", "x-forwarded-host": "wiki.example" })).toBeNull();
    expect(crossSiteWrite("POST", { cookie, "sec-fetch-site": "same-origin", host: "wiki.example" })).toBeNull();
  });

  it("refuses cookie-authenticated writes from other sites", () => {
    for (const origin of ["https://evil.test", "null", "https://wiki.example.evil.test", "not a url", "http://wiki.example:8080"]) {
      expect(crossSiteWrite("POST", { cookie, origin, host: "wiki.example" })).toMatch(/another site/);
    }
    expect(crossSiteWrite("PUT", { cookie, "sec-fetch-site": "cross-site", host: "wiki.example" })).toMatch(/another site/);
    expect(crossSiteWrite("post", { cookie, "sec-fetch-site": "same-site", host: "wiki.example" })).toMatch(/another site/);
  });
});

describe("the site's public address", () => {
  it("is the configured address, else the host the request was sent to", () => {
    expect(publicOrigin(new Headers({ host: "0.0.0.0:3000" }), { NEXTAUTH_URL: "https://wiki.example/base" })).toBe("https://wiki.example");
    expect(publicOrigin(new Headers({ host: "Wiki.Example:8080" }), {})).toBe("http://wiki.example:8080");
    expect(publicOrigin(new Headers({ host: "[::1]:3000" }), {})).toBe("http://[::1]:3000");
  });

  it("never takes a host header that is not a host", () => {
    for (const host of ["evil.test/path", "a b", "evil.test@x", ""]) expect(publicOrigin(new Headers(host ? { host } : {}), {})).toBe("http://localhost");
  });
});
