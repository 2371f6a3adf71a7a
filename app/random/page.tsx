import { redirect } from "next/navigation";
import { connection } from "next/server";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { pickRandomPage } from "@/lib/wiki/page-index";

/** A random live page: the address redirects to a new one on every visit. */
export default async function RandomPage() {
  await connection();
  const pageId = await pickRandomPage(db);
  redirect(pageId ? pageHref(pageId) : "/pages");
}
