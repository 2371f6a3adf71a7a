import type { Page } from "@playwright/test";
import { openEditor, saveEdit } from "./editor";
import { expect, test } from "./fixtures";

/** The stub DOI resolver and page fetcher the test servers are pointed at (see playwright.config.ts). */
const STUB = "http://127.0.0.1:3190";
const DOI = "10.5555/palimpsest.1";

async function setSettings(page: Page, settings: { style?: string; doiResolver?: string }) {
  await page.goto("/admin/settings");
  if (settings.style) await page.getByLabel("References are formatted in").selectOption({ label: settings.style });
  if (settings.doiResolver) await page.getByLabel("DOI resolver").fill(settings.doiResolver);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Settings saved.")).toBeVisible();
}

/** Opens a new page's editor, types a claim and opens the citation tool's new-source form after it. */
async function newSourceForClaim(page: Page, pageId: string, claim: string) {
  const box = await openEditor(page, pageId);
  await box.click();
  await page.keyboard.type(claim);
  await page.getByRole("button", { name: "Cite" }).click();
  await page.getByRole("button", { name: "New source…" }).click();
  return box;
}

test.describe("citing by DOI", () => {
  test("an editor cites a source looked up by DOI, readers see it formatted, the style changes, the BibTeX has it", async ({ page, browser, baseURL, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("admin"));
    await setSettings(page, { style: "APA (7th edition)", doiResolver: STUB });

    const pageId = `doi_${Date.now()}`;
    const box = await newSourceForClaim(page, pageId, "Coverage of citations was measured.");
    await page.getByLabel("Look up a DOI or web address").fill(`https://doi.org/${DOI}`);
    await page.getByRole("button", { name: "Look up" }).click();
    await expect(page.getByText("Filled in from the DOI")).toBeVisible();
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Measuring Citation Coverage in Collaborative Encyclopedias");
    await expect(page.getByLabel("Authors")).toHaveValue("Okafor, Adaeze; Lindqvist, Per");
    // Types are named for people, not by their CSL codes.
    const type = page.getByRole("combobox", { name: /^Type/ });
    await expect(type).toHaveValue("article-journal");
    await expect(type.locator("option:checked")).toHaveText("Journal article");
    await expect(page.getByLabel("DOI", { exact: true })).toHaveValue(DOI);
    await expect(page.getByLabel("Pages", { exact: true })).toHaveValue("45-67");
    await page.getByLabel("Page, section or time").fill("p. 47");
    await page.getByRole("button", { name: "Add and cite" }).click();
    await expect(box.locator("sup.citation")).toHaveAttribute("data-number", "1");
    await saveEdit(page, pageId, "Cited by DOI");

    const entry = page.getByRole("region", { name: "References" }).locator(":scope > ol > li").first();
    await expect(entry.locator("cite")).toHaveText(
      `Okafor, A., & Lindqvist, P. (2025). Measuring Citation Coverage in Collaborative Encyclopedias. Journal of Open Knowledge, 12(3), 45–67. https://doi.org/${DOI}`,
    );
    await expect(entry.locator("cite i").first()).toHaveText("Journal of Open Knowledge");
    await expect(entry.getByRole("link", { name: `https://doi.org/${DOI}` })).toHaveAttribute("href", `https://doi.org/${DOI}`);
    await expect(entry).toContainText("p. 47");

    // Hovering or focusing the marker shows the source beside it.
    const marker = page.locator(".article-body sup.citation a");
    await marker.focus();
    const preview = page.getByRole("tooltip");
    await expect(preview).toBeVisible();
    await expect(preview).toContainText("Okafor, A., & Lindqvist, P. (2025)");
    await expect(preview).toContainText("p. 47");
    await expect(marker).toHaveAttribute("aria-describedby", "citation-preview");
    await page.keyboard.press("Escape");
    await expect(preview).toBeHidden();

    // The site switches to Vancouver: readers, signed in or not, see the new style at once.
    await setSettings(page, { style: "Vancouver" });
    const vancouver = `Okafor A, Lindqvist P. Measuring Citation Coverage in Collaborative Encyclopedias. Journal of Open Knowledge. 2025 Jun 2;12(3):45–67. doi:${DOI}`;
    const reader = await browser.newContext({ baseURL });
    const anonymous = await reader.newPage();
    await anonymous.goto(`/wiki/${pageId}`);
    await expect(anonymous.getByRole("region", { name: "References" }).locator("li cite").first()).toHaveText(vancouver);
    await reader.close();
    await page.goto(`/wiki/${pageId}`);
    await expect(page.getByRole("region", { name: "References" }).locator("li cite").first()).toHaveText(vancouver);

    // The article's BibTeX export has the entry.
    const bibtex = await page.request.get(`/api/pages/${pageId}/bibliography?format=bibtex`);
    const file = await bibtex.text();
    expect(file).toMatch(/^@article\{Okafor2025Measuring,$/m);
    expect(file).toContain(`doi = {${DOI}}`);
    expect(file).toContain("journal = {Journal of Open Knowledge}");
    expect(file).toContain("volume = {12}");
    expect(file).toContain("pages = {45--67}");

    await setSettings(page, { style: "APA (7th edition)" });
  });

  test("with the resolver out of reach the form says so and the source is entered by hand", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("admin"));
    await setSettings(page, { doiResolver: "http://127.0.0.1:3199" });
    const pageId = `offline_${Date.now()}`;
    const box = await newSourceForClaim(page, pageId, "A claim made offline.");
    await page.getByLabel("Look up a DOI or web address").fill(DOI);
    await page.getByLabel("Look up a DOI or web address").press("Enter");
    await expect(page.getByRole("status").filter({ hasText: "enter the source by hand" })).toBeVisible();
    await page.getByLabel("Title", { exact: true }).fill(`A source typed by hand ${pageId}`);
    // A date written another way is refused beside the date field, and nothing is cited.
    const date = page.getByRole("textbox", { name: /^Date/ });
    await date.fill("March 2026");
    await page.getByRole("button", { name: "Add and cite" }).click();
    await expect(date).toHaveAttribute("aria-invalid", "true");
    await expect(date).toHaveAccessibleDescription("Write dates as YYYY, YYYY-MM or YYYY-MM-DD.");
    await expect(box.locator("sup.citation")).toHaveCount(0);
    await date.fill("2026-03");
    await page.getByRole("button", { name: "Add and cite" }).click();
    await expect(box.locator("sup.citation")).toHaveAttribute("data-number", "1");
    await saveEdit(page, pageId);
    await expect(page.getByRole("region", { name: "References" })).toContainText(`A source typed by hand ${pageId}`);
    await setSettings(page, { doiResolver: STUB });
  });

  test("an editor adds a locator and a quote to a citation already in the text", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    const pageId = `locator_${Date.now()}`;
    const box = await newSourceForClaim(page, pageId, "A claim with a page number.");
    await page.getByLabel("Title", { exact: true }).fill(`A book ${pageId}`);
    await page.getByRole("button", { name: "Add and cite" }).click();
    await box.locator("sup.citation").click();
    await page.getByRole("button", { name: "Cite" }).click();
    const form = page.getByRole("form", { name: "Edit citation" });
    await form.getByLabel("Page, section or time").fill("ch. 3");
    await form.getByLabel("Quoted text").fill("Sources are first-class.");
    await form.getByRole("button", { name: "Update citation" }).click();
    await saveEdit(page, pageId);
    const uses = page.getByRole("region", { name: "References" }).locator(".reference-uses li");
    await expect(uses).toHaveText("ch. 3: Sources are first-class.");
    await expect(uses.locator("q")).toHaveText("Sources are first-class.");
  });

  test("the editor counts paragraphs without a citation, section by section", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    await openEditor(page, "gpt_5_2");
    const coverage = page.locator("details.citation-coverage");
    await expect(coverage.locator("summary")).toHaveText(/\d+ paragraphs? without a citation/);
    await coverage.locator("summary").click();
    await expect(coverage.getByRole("listitem").first()).toBeVisible();
  });
});
