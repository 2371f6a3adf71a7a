import type { DocumentJSON } from "../lib/content/document";
import { savePageRevision } from "../lib/wiki/revisions";
import { expect, test } from "./fixtures";

const ARTICLE = "/wiki/gpt_5_2";

test.describe("reading the example article", () => {
  test("the home page lists it and leads to it", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "GPT 5.2", exact: true }).click();
    await expect(page).toHaveURL(ARTICLE);
    await expect(page.getByRole("heading", { level: 1, name: "GPT 5.2" })).toBeVisible();
    await expect(page).toHaveTitle("GPT 5.2 — Palimpsest");
  });

  test("sends the article's text and its References once, and shows them after a reload and after a navigation inside the app", async ({ page, request }) => {
    const phrase = "demonstrates comprehensive capabilities across a wide range";
    const html = await (await request.get(ARTICLE, { headers: { "accept-encoding": "identity" } })).text();
    // In the page, not a second time in React's payload beside it.
    expect(html.split(phrase)).toHaveLength(2);
    const backlinks = page.locator(".references .backlinks a");
    const shown = async () => {
      await expect(page.locator("#article-body")).toContainText(phrase);
      await expect(page.getByRole("heading", { name: "References" })).toBeVisible();
      // Each link back from the References is written once: as a link in the page, nowhere else.
      expect(await backlinks.count()).toBe(html.split("Back to citation").length - 1);
    };
    await page.goto(ARTICLE);
    await shown();
    await page.reload();
    await shown();
    // A link inside the app fetches React's payload alone, which then carries both.
    await page.goto("/");
    await page.getByRole("link", { name: "GPT 5.2", exact: true }).click();
    await expect(page).toHaveURL(ARTICLE);
    await shown();
  });

  test("prints the article and its references without the page's tools, each address once", async ({ page, db, makeAccount }) => {
    const after = (selector: string) => page.locator(selector).evaluate((link) => getComputedStyle(link, "::after").content);
    await page.emulateMedia({ media: "print" });
    await page.goto(ARTICLE);
    for (const tools of [page.getByRole("navigation", { name: "Page actions" }), page.locator(".export-links"), page.locator(".toc")]) await expect(tools).toBeHidden();
    await expect(page.locator("#article-body")).toBeVisible();
    await expect(page.getByRole("heading", { name: "References" })).toBeVisible();
    // A formatted source shows its address itself.
    expect(await after(".references cite.source a.external")).toBe("none");
    // A link's words are followed by its address; an address shown as the words is not repeated.
    const pageId = `print_${Date.now()}`;
    const link = (label: string, href: string) => ({ type: "text", text: label, marks: [{ type: "link", attrs: { href } }] });
    const body: DocumentJSON = {
      type: "doc",
      content: [
        { type: "paragraph", content: [link("the report", "https://report.example/"), { type: "text", text: " and " }, link("https://bare.example/", "https://bare.example/")] },
      ],
    };
    await savePageRevision(db, { pageId, doc: body, authorId: (await makeAccount("editor")).id, summary: "", selfApproved: true });
    await page.goto(`/wiki/${pageId}`);
    expect(await after('#article-body a[href="https://report.example/"]')).toContain("https://report.example/");
    expect(await after('#article-body a[href="https://bare.example/"]')).toBe("none");
  });

  test("has landmarks and a contents list whose links jump to their sections", async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("banner")).toBeVisible();
    // The current tab is marked for assistive technology and for the eye.
    const read = page.getByRole("navigation", { name: "Page actions" }).getByRole("link", { name: "Read" });
    await expect(read).toHaveAttribute("aria-current", "page");
    await expect(read).toHaveCSS("font-weight", "700");
    await expect(page.getByRole("navigation", { name: "Page actions" }).getByRole("link", { name: "History" })).toHaveCSS("font-weight", "400");
    const contents = page.getByRole("navigation", { name: "Contents" });
    await expect(contents.getByRole("link")).toHaveText([
      "1 Overview and Capabilities",
      "2 Safety and Alignment Characteristics",
      "3 Comparative Evaluation Framework",
      "4 Industry Context",
      "5 See Also",
      "6 References",
    ]);
    await contents.getByRole("link", { name: "3 Comparative Evaluation Framework" }).click();
    await expect(page).toHaveURL(`${ARTICLE}#comparative_evaluation_framework`);
    await expect(page.getByRole("heading", { name: "Comparative Evaluation Framework" })).toBeInViewport();
  });

  test("citation markers and the References list agree", async ({ page }) => {
    await page.goto(ARTICLE);
    const markers = page.locator(".article-body sup.citation a");
    await expect(markers).toHaveCount(4);
    await expect(markers).toHaveText(["Reference [1]", "Reference [1]", "Reference [1]", "Reference [1]"]);

    const references = page.getByRole("region", { name: "References" }).locator(":scope > ol > li");
    await expect(references).toHaveCount(1);
    const entry = references.first();
    // In the site's citation style, APA unless an administrator chose another.
    await expect(entry.locator("cite")).toHaveText("Import AI - Automating Alignment (2026. (n.d.). Retrieved https://importai.substack.com/p/import-ai-454-automating-alignment");
    await expect(entry.getByRole("link", { name: "https://importai.substack.com/p/import-ai-454-automating-alignment" })).toHaveAttribute(
      "href",
      "https://importai.substack.com/p/import-ai-454-automating-alignment",
    );
    // The entry links back to each of the four places it is cited.
    const backlinks = entry.locator(".backlinks a");
    await expect(backlinks).toHaveCount(4);
    for (let use = 0; use < 4; use++) await expect(backlinks.nth(use)).toHaveAttribute("href", `#cite-ref-1-${use}`);

    await markers.nth(2).click();
    await expect(page).toHaveURL(`${ARTICLE}#cite-note-1`);
    await expect(entry).toBeInViewport();
    await backlinks.nth(2).click();
    await expect(page.locator("#cite-ref-1-2")).toBeInViewport();
  });

  test("missing links are styled and announced as missing", async ({ page }) => {
    await page.goto(ARTICLE);
    const missing = page.getByRole("link", { name: "OpenAI (page does not exist)" });
    await expect(missing).toHaveClass(/missing/);
    // It leads to the page, offering its label as the new page's title.
    await expect(missing).toHaveAttribute("href", "/wiki/openai?title=OpenAI");
    const missingColour = await missing.evaluate((el) => getComputedStyle(el).color);
    const existingColour = await page
      .getByRole("navigation", { name: "Site" })
      .getByRole("link", { name: "All pages" })
      .evaluate((el) => getComputedStyle(el).color);
    expect(missingColour).not.toBe(existingColour);
    const seeAlso = page.locator("#see_also + ul li");
    await expect(seeAlso).toHaveCount(5);
    await expect(seeAlso.getByRole("link").first()).toHaveAccessibleName("GPT-5.4 (page does not exist)");
  });

  test.describe("a missing page", () => {
    test.use({ expectedErrors: [/status of 404/] });

    test("answers 404 with a clear page", async ({ page }) => {
      const response = await page.goto("/wiki/openai");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "No such page" })).toBeVisible();
    });
  });

  test.describe("an unexpected failure", () => {
    // The browser reports the 500, and React the failed render (its error 441, worded only in development).
    test.use({ expectedErrors: [/status of 500|Minified React error #441/] });

    test("shows a page that says so, with a way to try again and a way back", async ({ page, db, makeAccount }) => {
      const pageId = `broken_${Date.now()}`;
      const saved = await savePageRevision(db, {
        pageId,
        doc: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Fine." }] }] },
        authorId: (await makeAccount("editor")).id,
        summary: "",
        selfApproved: true,
      });
      if (saved.status !== "created") throw new Error("the page was not created");
      // Stored text no reader could ever have written: what a damaged database would hold.
      await db.revision.update({ where: { id: saved.revisionId }, data: { content: "{not json" } });
      const response = await page.goto(`/wiki/${pageId}`);
      expect(response?.status()).toBe(500);
      await expect(page.getByRole("heading", { level: 1, name: "Something went wrong" })).toBeVisible();
      await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
      await page.getByRole("link", { name: "go to the start page" }).click();
      await expect(page).toHaveURL("/");
    });
  });

  test("fits a phone screen", async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(ARTICLE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole("navigation", { name: "Contents" })).toBeVisible();
  });
});

test.describe("the front cache", () => {
  test("a HEAD request (an uptime monitor's) never blanks pages for the readers after it", async ({ page, request }) => {
    for (const path of [ARTICLE, `${ARTICLE}/history`]) {
      for (const encoding of ["gzip", "deflate", "identity"]) {
        const head = await request.head(path, { headers: { "accept-encoding": encoding } });
        expect(head.status()).toBe(200);
        expect(await head.body()).toHaveLength(0);
      }
      const after = await request.get(path, { headers: { "accept-encoding": "gzip" } });
      expect(await after.text()).toContain("GPT 5.2");
    }
    await page.goto(ARTICLE);
    await expect(page.getByRole("heading", { level: 1, name: "GPT 5.2" })).toBeVisible();
    await page.goto(`${ARTICLE}/history`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("GPT 5.2");
  });

  test("serves a compressed page only to clients that asked for its encoding", async ({ request }) => {
    for (const path of [ARTICLE, `${ARTICLE}/history`]) {
      const deflated = await request.get(path, { headers: { "accept-encoding": "deflate" } });
      expect(deflated.headers()["content-encoding"]).toBe("deflate");
      const plain = await request.get(path, { headers: { "accept-encoding": "identity" } });
      expect(plain.headers()["content-encoding"]).toBeUndefined();
      expect(plain.headers()["vary"]).toContain("Accept-Encoding");
      expect(plain.headers()["permissions-policy"]).toContain("camera=()");
      expect(await plain.text()).toContain("GPT 5.2");
    }
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the article, its contents and its references all work", async ({ page }) => {
    await page.goto(ARTICLE);
    await expect(page.getByRole("heading", { level: 1, name: "GPT 5.2" })).toBeVisible();
    await page.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: "4 Industry Context" }).click();
    await expect(page).toHaveURL(`${ARTICLE}#industry_context`);
    await page.locator(".article-body sup.citation a").first().click();
    await expect(page).toHaveURL(`${ARTICLE}#cite-note-1`);
    await expect(page.locator("#cite-note-1")).toBeInViewport();
    // The contents disclosure folds and unfolds with no script.
    const summary = page.locator(".toc summary");
    await summary.click();
    await expect(page.getByRole("navigation", { name: "Contents" }).getByRole("link").first()).toBeHidden();
    // Signing in is a plain link, which comes back here.
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", `/login?callbackUrl=${encodeURIComponent(ARTICLE)}`);
  });

  test("a form that sends through script says it needs it, and never sends a password in the address", async ({ page }) => {
    await page.goto("/login");
    // (A browser with scripting off shows what <noscript> holds; Playwright's switch leaves it unparsed.)
    expect(await page.locator("form noscript").innerHTML()).toContain("This form needs JavaScript, which is off in this browser.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
    await page.getByLabel("Email").fill("someone@example.org");
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByLabel("Password").press("Enter");
    await expect(page.getByLabel("Password")).toHaveValue("correct horse battery");
    expect(page.url()).not.toContain("password");
  });
});

test.describe("content security", () => {
  // The test puts a script in the page on purpose; the browser reports refusing it.
  test.use({ expectedErrors: [/Content Security Policy/] });

  test("runs only the scripts its Content-Security-Policy names by nonce", async ({ page, request }) => {
    const nonces = async (path: string) => {
      const response = await request.get(path);
      const policy = response.headers()["content-security-policy"];
      expect(policy).toContain("'strict-dynamic'");
      expect(policy).toContain("frame-ancestors 'self'");
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      // Every script in the page carries the nonce its response names.
      const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      return nonce;
    };
    // A cached article keeps the nonce it was rendered under; a page rendered anew gets a new one.
    expect(await nonces(ARTICLE)).toBe(await nonces(ARTICLE));
    expect(await nonces("/signup")).not.toBe(await nonces("/signup"));

    // The page's own scripts run (the search box suggests), and script put in the page does not.
    await page.goto(ARTICLE);
    await page.getByRole("combobox", { name: "Search pages" }).fill("GPT");
    await expect(page.getByRole("listbox", { name: "Suggested pages" }).getByRole("option", { name: "GPT 5.2", exact: true })).toBeVisible();
    const blocked = page.waitForEvent("console", (message) => /Content Security Policy/.test(message.text()));
    await page.evaluate(() => {
      const button = document.createElement("button");
      button.setAttribute("onclick", "document.title = 'injected'");
      document.body.append(button);
      button.click();
    });
    await blocked;
    await expect(page).toHaveTitle("GPT 5.2 — Palimpsest");
  });
});
