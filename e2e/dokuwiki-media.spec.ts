import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { createMediaServices } from "../lib/media";
import { importDokuWikiPage } from "../lib/wiki/import";
import { importMediaFolder } from "../lib/wiki/media-import";
import { expect, test } from "./fixtures";

const picture = (background: string) =>
  sharp({ create: { width: 640, height: 400, channels: 3, background } })
    .png()
    .toBuffer();

test("a DokuWiki page with its media: an imported picture with its caption, and a missing file offering its upload", async ({ page, request, db, makeAccount, signInAs }) => {
  const tag = randomBytes(3).toString("hex");
  const pageId = `journeys:dokuwiki_media_${tag}`;

  // The wiki's data/media folder, imported as `npm run wiki -- import-media` does, into the store the servers read.
  const folder = mkdtempSync(path.join(tmpdir(), "palimpsest-e2e-media-"));
  try {
    mkdirSync(path.join(folder, "journeys"));
    writeFileSync(path.join(folder, "journeys", `chart_${tag}.png`), await picture("#2a6"));
    expect(await importMediaFolder(db, createMediaServices(), folder)).toMatchObject({ files: 1, created: 1, refused: [] });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const markup = ["====== Scores ======", "Scores rose every year.", "", `{{chart_${tag}.png?320|Scores by year}}`, "", `{{ :journeys:map_${tag}.png|Where the labs are}}`].join(
    "\n",
  );
  const imported = await importDokuWikiPage(db, { markup, pageId });
  expect(imported.warnings).toEqual([]);

  await page.goto(`/wiki/${pageId}`);
  const figures = page.locator(".article-body figure");
  await expect(figures).toHaveCount(2);
  const chart = figures.first();
  const img = chart.locator("img");
  await expect(img).toHaveAttribute("alt", "Scores by year");
  await expect(img).toHaveAttribute("width", "320");
  await expect(img).toHaveAttribute("height", "200");
  await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  await expect(chart.locator("figcaption")).toHaveText("Scores by year");
  await expect(chart.getByRole("link")).toHaveAttribute("href", `/media/journeys:chart_${tag}.png`);

  const missing = page.locator(".article-body figure.figure-missing");
  await expect(missing).toHaveClass(/figure-right/);
  await expect(missing.locator("figcaption")).toHaveText("Where the labs are");
  const offer = missing.getByRole("link", { name: `journeys:map_${tag}.png (file does not exist)` });
  await expect(offer).toHaveAttribute("href", `/media?${new URLSearchParams({ upload: `journeys:map_${tag}.png` })}`);

  // An editor follows the placeholder to the upload form, which knows the name; then the article shows the picture.
  await signInAs(page, await makeAccount("editor"));
  await offer.click();
  await expect(page.getByRole("status")).toContainText(`There is no file called journeys:map_${tag}.png yet: upload it below.`);
  await expect(page.getByLabel(/Name in the wiki/)).toHaveValue(`journeys:map_${tag}.png`);
  await page.getByLabel(/^File/).setInputFiles({ name: "map.png", mimeType: "image/png", buffer: await picture("#36c") });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`journeys:map_${tag}.png`);

  await page.goto(`/wiki/${pageId}`);
  await expect(page.locator(".article-body figure.figure-missing")).toHaveCount(0);
  const map = page.locator(".article-body figure.figure-right img");
  await expect(map).toHaveAttribute("alt", "Where the labs are");
  await expect.poll(() => map.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
  // Readers, whose copy of the page was cached with the placeholder, see the picture too.
  const anonymous = await (await request.get(`/wiki/${pageId}`)).text();
  expect(anonymous).not.toContain("figure-missing");
  expect(anonymous).toContain(`alt="Where the labs are"`);
});
