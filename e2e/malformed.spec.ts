import fc from "fast-check";
import { issueApiToken } from "../lib/wiki/api-tokens";
import { expect, test } from "./fixtures";

// Every route, with `S` where an id or name goes and `N` where a number goes.
const ROUTES = [
  "/wiki/S",
  "/wiki/S?rev=N",
  "/wiki/S/history",
  "/wiki/S/history?before=N",
  "/wiki/S/history/feed",
  "/wiki/S/diff?from=N&to=N",
  "/wiki/S/edit",
  "/wiki/S/backlinks",
  "/wiki/S/revert?rev=N",
  "/wiki/S/revisions/N",
  "/user/S",
  "/media/S",
  "/media?q=S&page=N",
  "/sources/S",
  "/sources/S/edit",
  "/sources?q=S&page=N",
  "/search?q=S&namespace=S&cursor=S",
  "/recent?namespace=S&author=S&before=N",
  "/recent/feed?author=S",
  "/pages?namespace=S&from=S",
  "/pages/wanted?from=S",
  "/review/log?before=N",
  "/files/S/S",
  "/api/pages/S",
  "/api/pages/S/revisions?before=N",
  "/api/pages/S/revisions/N",
  "/api/pages/S/revisions/compare?from=N&to=N",
  "/api/pages/S/bibliography?format=S",
  "/api/pages/S/status",
  "/api/pages/S/watch",
  "/api/media/S",
  "/api/media?q=S&type=S&page=N",
  "/api/search?q=S&limit=N&cursor=S",
  "/api/search/suggest?q=S",
  "/api/review?namespace=S",
  "/api/sources/export?format=S",
];
// Writes, each sent with a bearer token so the body itself is what is checked.
const WRITES = ["/api/pages/S/revisions", "/api/pages/S/revisions/N/review", "/api/media/S/revert", "/api/sources/lookup"];

const HOSTILE = ["%25", "%", "%E0%A4%A", "%00", "%FF", "..", "%2e%2e", "a%2Fb", "%5C", "<script>", "%3Cb%3E", "\u0000", "ａ", "x".repeat(3000), "gpt_5_2", ":", "a::b", "-", "_"];
const NUMBERS = ["0", "-1", "1.5", "1e3", "NaN", "99999999999999999999999", "2147483648", "0x10", "", "%31", "1"];

const segment = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: "binary", maxLength: 40 }).map(encodeURIComponent), fc.string({ maxLength: 20 }));
const number = fc.oneof(fc.constantFrom(...NUMBERS), fc.integer().map(String), fc.bigInt().map(String));

/** A route with its placeholders filled: ids and numbers as the arbitraries make them. */
const filled = (route: string) =>
  fc.tuple(fc.array(segment, { minLength: 4, maxLength: 4 }), fc.array(number, { minLength: 3, maxLength: 3 })).map(([segments, numbers]) => {
    let s = 0;
    let n = 0;
    return route.replace(/\bS\b|\bN\b/g, (placeholder) => (placeholder === "S" ? segments[s++] : encodeURIComponent(numbers[n++])));
  });

const deep = (levels: number) => `{"type":"doc","content":[${'{"type":"blockquote","content":['.repeat(levels)}${"]}".repeat(levels)}]}`;
const BODIES = [
  "",
  "{",
  "null",
  "[]",
  "1e999",
  '"x"',
  '{"doc":null}',
  '{"doc":{"type":"doc","content":[]},"baseRevisionId":99999999999999999999999}',
  '{"doc":{"type":"doc","content":[{"type":"paragraph","content":[{"type":"citation","attrs":{"sourceId":"s","locator":{"page":1}}}]}]},"baseRevisionId":null}',
  '{"doc":{"type":"doc","content":[{"type":"paragraph","content":[{"type":"text","text":"x","marks":[{"type":"wikiLink","attrs":{"target":["a"]}}]}]}]},"baseRevisionId":null}',
  `{"doc":${deep(1_000)},"baseRevisionId":null}`,
  `{"doc":${deep(100_000)},"baseRevisionId":null}`,
  '{"decision":"approve","comment":{"a":1}}',
  '{"number":"x"}',
  '{"query":[1,2]}',
  '{"__proto__":{"admin":true}}',
];

test.describe("malformed requests", () => {
  test.describe.configure({ timeout: 180_000 });

  test("no address, query or id makes any route fail with a 500", async ({ request }) => {
    const failures: string[] = [];
    const check = async (path: string) => {
      const response = await request.get(path, { maxRedirects: 0 });
      if (response.status() >= 500) failures.push(`${response.status()} GET ${path}`);
    };
    // The known-bad forms in every route, then generated ones.
    for (const route of ROUTES) for (const value of HOSTILE.slice(0, 6)) await check(route.replace(/\bS\b/g, value).replace(/\bN\b/g, "99999999999999999999999"));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES).chain(filled), async (path) => void (await check(path))),
      { numRuns: 100 },
    );
    expect(failures).toEqual([]);
  });

  test("no body makes a write fail with a 500", async ({ request, db, makeAccount }) => {
    const admin = await makeAccount("admin");
    const token = (await issueApiToken(db, admin, { userId: admin.id, name: "malformed" })).token;
    const failures: string[] = [];
    for (const route of WRITES) {
      for (const body of BODIES) {
        const path = route.replace("S", `malformed_${Date.now()}`).replace("N", "1");
        const response = await request.post(path, { data: body, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" } });
        if (response.status() >= 500) failures.push(`${response.status()} POST ${path} ${body.slice(0, 80)}`);
        else expect(response.status(), `POST ${path} ${body.slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      }
    }
    expect(failures).toEqual([]);
  });
});
