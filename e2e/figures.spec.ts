import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { PDF } from "../test/media-fixtures";
import { endOf, openEditor, saveEdit } from "./editor";
import { expect, test } from "./fixtures";

const chart = (background = "#2a6") =>
  sharp({ create: { width: 640, height: 400, channels: 3, background } })
    .png()
    .toBuffer();

test.describe("pictures in the editor", () => {
  // The refused upload's answer is a 400, which the browser reports on its console.
  test.use({ expectedErrors: [/status of 400/] });

  test("an editor uploads a picture, gives it alt text, a caption with a link, a size and a side, and sees it in the article and the diff", async ({
    page,
    makeAccount,
    signInAs,
  }) => {
    await signInAs(page, await makeAccount("editor"));
    const tag = randomBytes(3).toString("hex");
    const pageId = `journeys:figures_${tag}`;
    const name = `journeys:scores_${tag}.png`;
    const box = await openEditor(page, pageId);
    await box.click();
    await page.keyboard.type("Scores rose every year.");
    await saveEdit(page, pageId, "First words");

    await openEditor(page, pageId);
    await endOf(page, "Scores rose every year.");
    await page.getByRole("button", { name: "Picture or file" }).click();
    const panel = page.getByRole("group", { name: "Insert a picture or file" });
    // A page dressed as a picture is refused beside the control, and nothing is inserted.
    await panel.getByLabel(/^File/).setInputFiles({ name: `Scores ${tag}.png`, mimeType: "image/png", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
    await expect(panel.getByLabel("Name in the wiki")).toHaveValue(name);
    await panel.getByRole("button", { name: "Upload and insert" }).click();
    await expect(panel.getByRole("alert")).toContainText("not of a type this wiki accepts");
    await expect(box.locator("figure")).toHaveCount(0);

    await panel.getByLabel(/^File/).setInputFiles({ name: `Scores ${tag}.png`, mimeType: "image/png", buffer: await chart() });
    await panel.getByRole("button", { name: "Upload and insert" }).click();
    const figure = box.locator("figure.editor-figure");
    await expect.poll(() => figure.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    // Uploaded without alt text: the figure and the save form say so.
    await expect(figure.getByText("This picture has no alt text")).toBeVisible();
    await expect(page.locator(".alt-warning")).toContainText(`no alt text (${name})`);
    await figure.getByLabel("Alt text").fill("Bars rising from left to right");
    await expect(page.locator(".alt-warning")).toHaveCount(0);
    await figure.getByLabel("Width").selectOption("320");
    await figure.getByLabel("Alignment").selectOption("right");
    await figure.locator("figcaption").click();
    await page.keyboard.type("Scores by year, from ");
    await page.keyboard.press("ControlOrMeta+k");
    await page.getByLabel("Page to link to").fill("Benchmarks");
    await page.getByRole("button", { name: "Insert link" }).click();
    await saveEdit(page, pageId, "Add a chart");

    const shown = page.locator(".article-body figure.figure-right");
    const img = shown.locator("img");
    await expect(img).toHaveAttribute("alt", "Bars rising from left to right");
    await expect(img).toHaveAttribute("width", "320");
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
    // A browser that takes AVIF gets the AVIF thumbnail.
    expect(await img.evaluate((i: HTMLImageElement) => i.currentSrc)).toMatch(/\/thumbnails\/\d+\.avif$/);
    await expect(shown.locator("figcaption")).toContainText("Scores by year, from Benchmarks");
    await expect(shown.locator("figcaption").getByRole("link", { name: "Benchmarks (page does not exist)" })).toHaveAttribute("href", "/wiki/benchmarks");

    await page.getByRole("navigation", { name: "Page actions" }).getByRole("link", { name: "History" }).click();
    await page.getByLabel("Compare from revision 1").check();
    await page.getByLabel("Compare to revision 2").check();
    await page.getByRole("button", { name: "Compare selected revisions" }).click();
    const added = page.locator(".diff-body ins").filter({ hasText: name });
    await expect(added).toContainText("Scores by year, from");
    // The added figure's picture is beside its caption in the diff.
    const preview = page.locator(".diff-body .diff-file").filter({ hasText: "Added" }).locator("img");
    await expect(preview).toHaveCount(1);
    await expect.poll(() => preview.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);

    // The library says where the picture is used, and it is no longer among the unused files.
    await page.goto(`/media?q=${encodeURIComponent(name)}`);
    await page
      .getByRole("row", { name: new RegExp(name) })
      .getByRole("link", { name: "1 page" })
      .click();
    const usage = page.getByRole("region", { name: "Where it is used" });
    await expect(usage.getByRole("link", { name: `Figures ${tag}` })).toHaveAttribute("href", `/wiki/${pageId}`);
    await page.goto(`/media?q=${encodeURIComponent(name)}&unused=1`);
    await expect(page.getByText("Every file matching is shown on a page.")).toBeVisible();
  });

  test("dropped pictures get names of their own, a library file is chosen, a PDF goes in as a link, and saving without alt text is warned", async ({
    page,
    makeAccount,
    signInAs,
  }) => {
    await signInAs(page, await makeAccount("editor"));
    const tag = randomBytes(3).toString("hex");
    const pageId = `journeys:drops_${tag}`;
    const box = await openEditor(page, pageId);
    await box.click();
    await page.keyboard.type("Pictures below.");
    const figures = box.locator("figure.editor-figure");
    const drop = async (name: string, bytes: Buffer) => {
      const dataTransfer = await page.evaluateHandle(
        ({ name, bytes }) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(bytes)], name, { type: "image/png" }));
          return transfer;
        },
        { name, bytes: [...bytes] },
      );
      const at = (await box.getByText("Pictures below.").boundingBox())!;
      await box.dispatchEvent("drop", { dataTransfer, clientX: at.x + at.width - 2, clientY: at.y + at.height / 2 });
    };
    await drop(`Drop ${tag}.png`, await chart());
    await expect(figures).toHaveCount(1);
    // The same name again becomes a file of its own, not a new version of the first.
    await drop(`Drop ${tag}.png`, await chart("#a26"));
    await expect(figures).toHaveCount(2);
    await expect(box.locator(`figure[data-media="journeys:drop_${tag}_2.png"]`)).toBeVisible();

    await page.getByRole("button", { name: "Picture or file" }).click();
    const panel = page.getByRole("group", { name: "Insert a picture or file" });
    await panel.getByRole("button", { name: "Choose from the library" }).click();
    await panel.getByLabel("Find a file by name or description").fill(`drop_${tag}`);
    await expect(panel.getByRole("button", { name: /^Insert / })).toHaveCount(2);
    await panel.getByRole("button", { name: `Insert journeys:drop_${tag}.png` }).click();
    await expect(figures).toHaveCount(3);

    await page.getByRole("button", { name: "Picture or file" }).click();
    await panel.getByLabel(/^File/).setInputFiles({ name: `Report ${tag}.pdf`, mimeType: "application/pdf", buffer: PDF });
    await panel.getByRole("button", { name: "Upload and insert" }).click();
    await expect(box).toContainText(`report_${tag}.pdf (PDF document, ${PDF.length} bytes)`);

    const warning = page.locator(".alt-warning");
    await expect(warning).toContainText("2 pictures have no alt text");
    await expect(warning).toContainText(`journeys:drop_${tag}.png`);
    await expect(warning).toContainText(`journeys:drop_${tag}_2.png`);
    await saveEdit(page, pageId, "Pictures and a report");
    const body = page.locator(".article-body");
    await expect(body.locator("figure img")).toHaveCount(3);
    await expect(body.getByRole("link", { name: `report_${tag}.pdf` })).toHaveAttribute("href", new RegExp(`/media/journeys:report_${tag}\\.pdf$`));
    await expect(body).toContainText("(PDF document, ");
  });
});
