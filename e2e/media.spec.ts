import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { expect, test } from "./fixtures";

const picture = (colour: string) =>
  sharp({ create: { width: 480, height: 320, channels: 3, background: colour } })
    .png()
    .toBuffer();

test.describe("the media library", () => {
  // The refused upload's answer is a 400, which the browser reports on its console.
  test.use({ expectedErrors: [/status of 400/] });

  test("an editor uploads a picture, then a new version; a disguised page is refused", async ({ page, makeAccount, signInAs }) => {
    await signInAs(page, await makeAccount("editor"));
    const name = `journeys:chart_${randomBytes(3).toString("hex")}.png`;
    await page.goto("/media");
    // The disclosure is opened until it shows the form: a click on it can land while the page is still loading.
    const upload = page.locator("details", { has: page.locator("summary", { hasText: "Upload a file" }) });
    await expect(async () => {
      if ((await upload.getAttribute("open")) === null) await upload.locator("summary").click();
      await expect(page.getByLabel(/Name in the wiki/)).toBeVisible({ timeout: 2_000 });
    }).toPass();
    await page.getByLabel(/Name in the wiki/).fill(name);
    await page.getByLabel(/^File/).setInputFiles({ name: "chart.png", mimeType: "image/png", buffer: await picture("#36c") });
    await page.getByLabel(/^Alt text/).fill("A blue field");
    await page.getByRole("button", { name: "Upload", exact: true }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    const shown = page.locator(".media-preview img");
    await expect(shown).toHaveAttribute("alt", "A blue field");
    await expect(shown).toHaveAttribute("width", "480");
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

    const versions = page.getByRole("region", { name: "Versions" });
    await page.getByLabel(/^File/).setInputFiles({ name: "page.png", mimeType: "image/png", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
    await page.getByRole("button", { name: "Upload a new version" }).click();
    await expect(page.locator(".form-error")).toContainText("not of a type this wiki accepts");
    await expect(versions.getByRole("listitem")).toHaveCount(1);

    await page.getByLabel(/^File/).setInputFiles({ name: "chart.png", mimeType: "image/png", buffer: await picture("#c33") });
    await page.getByLabel("Summary").fill("Red now");
    await page.getByRole("button", { name: "Upload a new version" }).click();
    await expect(versions.getByRole("listitem").first()).toContainText("version 2");
    await expect(versions.getByRole("listitem").first()).toContainText("(current) — Red now");
    await expect(versions.getByRole("listitem")).toHaveCount(2);

    await page.goto(`/media?${new URLSearchParams({ q: name })}`);
    await expect(page.getByRole("row", { name: new RegExp(name.replace(/[.]/g, "\\.")) })).toContainText("PNG image, 480 × 320");
  });
});
