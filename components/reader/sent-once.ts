import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { DOCUMENT_REQUEST_HEADER } from "@/lib/http/document-request";
import { sentOnceStore } from "./sent-once-store";

/** Renders whose HTML pass never came (an error between the two) are forgotten past this many. */
const MAX_KEPT = 100;

/**
 * The props of {@link SentOnce} for this HTML: for a whole document, a key under which its HTML
 * pass finds it (the browser then reads it from the page); for React's payload alone (a navigation
 * inside the app), the HTML itself.
 */
export async function sentOnce(html: string): Promise<{ html: string } | { keyed: string }> {
  if ((await headers()).get(DOCUMENT_REQUEST_HEADER) !== "1") return { html };
  // Kept for this request's HTML pass, so that it is not also written into the page's React payload.
  const store = sentOnceStore();
  const key = randomUUID();
  if (store.size >= MAX_KEPT) store.delete(store.keys().next().value!);
  store.set(key, html);
  return { keyed: key };
}
