import { expect, test } from "./fixtures";

test.describe("the source library", () => {
  test("finds a source of the example article and shows where it is cited", async ({ page }) => {
    await page.goto("/sources");
    await page.getByLabel("Title, address or DOI").fill("Import AI");
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.getByRole("row", { name: /Import AI - Automating Alignment \(2026/ });
    await expect(row).toContainText(/\d+ times/);
    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Import AI - Automating Alignment (2026");
    const citedIn = page.getByRole("region", { name: "Where it is cited" });
    await expect(citedIn.getByRole("link", { name: "GPT 5.2" })).toHaveAttribute("href", "/wiki/gpt_5_2");
  });
});
