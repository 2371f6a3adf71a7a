import { savePageRevision } from "../lib/wiki/revisions";
import { createSource } from "../lib/wiki/sources";
import { expect, test } from "./fixtures";

test.describe("the source library", () => {
  test("finds a source of the example article and shows where it is cited", async ({ page }) => {
    await page.goto("/sources");
    await page.getByLabel("Title, address or DOI").fill("Import AI");
    await page.getByRole("form", { name: "Search the sources" }).getByRole("button", { name: "Search" }).click();
    const row = page.getByRole("row", { name: /Import AI - Automating Alignment \(2026/ });
    await expect(row).toContainText(/\d+ times/);
    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Import AI - Automating Alignment (2026");
    const citedIn = page.getByRole("region", { name: "Where it is cited" });
    await expect(citedIn.getByRole("link", { name: "GPT 5.2", exact: true })).toHaveAttribute("href", "/wiki/gpt_5_2");
  });
});

test.describe("exporting", () => {
  test("an article's references download as BibTeX, RIS and CSL-JSON", async ({ page }) => {
    await page.goto("/wiki/gpt_5_2");
    const links = page.getByRole("region", { name: "References" }).locator(".export-links a");
    await expect(links).toHaveText(["BibTeX", "RIS", "CSL-JSON"]);
    const bibtex = await page.request.get((await links.nth(0).getAttribute("href"))!);
    expect(bibtex.headers()["content-disposition"]).toBe('attachment; filename="gpt_5_2.bib"');
    // BibTeX keeps capitals with braces: "{Automating} {Alignment}".
    const entry = await bibtex.text();
    expect(entry).toMatch(/^@misc\{\w+,$/m);
    expect(entry).toContain("title = {Import {AI} - {Automating} {Alignment} (2026}");
    expect(entry).toContain("url = {https://importai.substack.com/p/import-ai-454-automating-alignment}");
    const ris = await (await page.request.get((await links.nth(1).getAttribute("href"))!)).text();
    expect(ris).toContain("TI  - Import AI - Automating Alignment (2026");
    const csl = await (await page.request.get((await links.nth(2).getAttribute("href"))!)).json();
    expect(csl.some((item: { title: string }) => item.title === "Import AI - Automating Alignment (2026")).toBe(true);
    expect((await page.request.get("/api/pages/gpt_5_2/bibliography?format=doc")).status()).toBe(400);
  });
});

test.describe("importing", () => {
  test("an editor pastes BibTeX into the library; a bad entry is named and nothing is imported", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    const stamp = Date.now();
    await page.goto("/sources");
    await page.getByText("Import BibTeX, RIS or CSL-JSON").click();
    const entries = `@misc{fine${stamp}, title = {Imported study ${stamp}}, url = {https://example.org/imported-${stamp}}}\n@misc{bad${stamp}, title = {Broken, year = 2026\n`;
    await page.getByLabel("Or paste the entries").fill(entries);
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.locator(".form-error")).toContainText(`Entry bad${stamp}:`);
    await expect(page.locator(".form-error")).toContainText("Nothing was imported.");
    await page.getByLabel("Or paste the entries").fill(entries.slice(0, entries.indexOf("\n@misc{bad")));
    await page.getByRole("button", { name: "Import" }).click();
    await expect(page.getByText("Added 1; 0 already in the library.")).toBeVisible();
    await page.getByLabel("Title, address or DOI").fill(`Imported study ${stamp}`);
    await page.getByRole("form", { name: "Search the sources" }).getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("link", { name: `Imported study ${stamp}` })).toBeVisible();
  });
});

test.describe("editing the library", () => {
  test("an editor corrects a source and the article citing it shows the correction", async ({ page, browser, baseURL, db, makeAccount, signInAs }) => {
    const editor = await makeAccount("editor");
    const stamp = Date.now();
    const source = await createSource(db, editor, { url: `https://example.org/study-${stamp}`, title: `A stduy ${stamp}` });
    const pageId = `cites_${stamp}`;
    await savePageRevision(db, {
      pageId,
      doc: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: "A claim." },
              { type: "citation", attrs: { sourceId: source.id, locator: null, quote: null } },
            ],
          },
        ],
      },
      authorId: editor.id,
      summary: "",
      baseRevisionId: null,
    });
    await page.goto(`/wiki/${pageId}`);
    await expect(page.getByRole("region", { name: "References" })).toContainText(`A stduy ${stamp}`);

    await signInAs(page, editor);
    await page.goto(`/sources/${source.id}`);
    await page.getByRole("link", { name: "Edit this source" }).click();
    await page.getByLabel("Title", { exact: true }).fill(`A study ${stamp}`);
    await page.getByLabel("DOI").fill("not a DOI");
    await page.getByRole("button", { name: "Save the source" }).click();
    await expect(page.locator(".form-error")).toContainText("DOI: A DOI looks like 10.1234/abc");
    await page.getByLabel("DOI").fill(`https://doi.org/10.5555/study.${stamp}`);
    await page.getByLabel("Summary of your change").fill("Fix the title");
    await page.getByRole("button", { name: "Save the source" }).click();
    await expect(page).toHaveURL(`/sources/${source.id}`);
    await expect(page.getByRole("region", { name: "Versions" })).toContainText("Fix the title");

    const reader = await (await browser.newContext({ baseURL })).newPage();
    await reader.goto(`/wiki/${pageId}`);
    await expect(reader.getByRole("region", { name: "References" })).toContainText(`A study ${stamp}`);
    await reader.context().close();
  });
});
