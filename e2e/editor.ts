import { expect, type Page } from "@playwright/test";

/** Opens a page's editor and waits for its text box. */
export async function openEditor(page: Page, pageId: string) {
  await page.goto(`/wiki/${pageId}/edit`);
  const box = page.getByRole("textbox", { name: /^Text of/ });
  await expect(box).toBeVisible();
  return box;
}

/** Puts the cursor at the end of the paragraph holding this text, in the editor. */
export async function endOf(page: Page, text: string) {
  const box = page.getByRole("textbox", { name: /^Text of/ });
  await box.getByText(text).click();
  // Keys go where the focus is: wait until the text has it, or the first of them is lost.
  await expect(box).toBeFocused();
  await page.keyboard.press("End");
}

/** Saves the editor with a summary and waits for the article. */
export async function saveEdit(page: Page, pageId: string, summary = "") {
  if (summary) await page.getByLabel("Summary of your changes").fill(summary);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(`/wiki/${pageId}`);
}
