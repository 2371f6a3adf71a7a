"use client";

import { useState } from "react";
import { sentOnceStore } from "./sent-once-store";

type Props = { id: string; className: string } & ({ html: string } | { keyed: string });

/** Reads, once, HTML kept for the server's HTML pass of this request (see sent-once.ts). */
function takeKept(key: string): string {
  const store = sentOnceStore();
  const html = store.get(key) ?? "";
  store.delete(key);
  return html;
}

/**
 * HTML rendered on the server, shipped to the browser once: in a whole document it is in the page
 * and nowhere else (the browser takes it from the page as React starts), after a navigation inside
 * the app it comes in React's payload. A large article would otherwise be sent twice.
 */
export function SentOnce(props: Props) {
  const [kept] = useState(() => {
    if ("html" in props) return props.html;
    if (typeof document === "undefined") return takeKept(props.keyed);
    return document.getElementById(props.id)?.innerHTML ?? "";
  });
  return <div id={props.id} className={props.className} dangerouslySetInnerHTML={{ __html: "html" in props ? props.html : kept }} />;
}
