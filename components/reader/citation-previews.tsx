"use client";

import { useEffect, useRef } from "react";

const PREVIEW_ID = "citation-preview";
const HIDE_DELAY_MS = 250;

/**
 * Shows a citation marker's References entry beside it while the marker is hovered or focused.
 * The entry is copied from the page's own References list, so nothing is fetched; without
 * JavaScript the marker is still a link to that entry.
 */
export function CitationPreviews({ scope }: { scope: string }) {
  const card = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = document.querySelector(scope);
    const preview = card.current;
    if (!root || !preview) return;
    let shown: HTMLAnchorElement | null = null;
    let hideTimer: ReturnType<typeof setTimeout> | undefined;

    const markerOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLAnchorElement>("sup.citation a") : null);

    const show = (marker: HTMLAnchorElement) => {
      clearTimeout(hideTimer);
      if (shown === marker) return;
      const entry = document.getElementById(decodeURIComponent(marker.hash.slice(1)));
      const source = entry?.querySelector(".source");
      if (!entry || !source) return;
      hide();
      // The marker's own title repeats what the card shows.
      if (marker.title) {
        marker.dataset.title = marker.title;
        marker.removeAttribute("title");
      }
      // This citation's own locator and quote, when it has them.
      const use = marker.parentElement?.id ? entry.querySelector(`[data-use="${CSS.escape(marker.parentElement.id)}"]`) : null;
      const detail = document.createElement("p");
      if (use) detail.replaceChildren(...[...use.childNodes].map((n) => n.cloneNode(true)));
      preview.replaceChildren(source.cloneNode(true), ...(use ? [detail] : []));
      preview.hidden = false;
      shown = marker;
      place();
      marker.setAttribute("aria-describedby", PREVIEW_ID);
    };

    /** Below the marker, or above it when there is no room below; kept inside the window. */
    const place = () => {
      if (!shown) return;
      const box = shown.getBoundingClientRect();
      const below = box.bottom + 6 + preview.offsetHeight < window.innerHeight;
      preview.style.left = `${Math.max(8, Math.min(box.left - 16, document.documentElement.clientWidth - preview.offsetWidth - 8))}px`;
      preview.style.top = `${below ? box.bottom + 6 : Math.max(8, box.top - 6 - preview.offsetHeight)}px`;
    };

    const hide = () => {
      clearTimeout(hideTimer);
      shown?.removeAttribute("aria-describedby");
      shown = null;
      preview.hidden = true;
    };
    const hideSoon = () => {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, HIDE_DELAY_MS);
    };

    const onOver = (event: Event) => {
      const marker = markerOf(event.target);
      if (marker) show(marker);
    };
    const onOut = (event: Event) => {
      if (markerOf(event.target)) hideSoon();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && shown) hide();
    };
    const keepOpen = () => clearTimeout(hideTimer);

    const listeners = new AbortController();
    const { signal } = listeners;
    root.addEventListener("mouseover", onOver, { signal });
    root.addEventListener("focusin", onOver, { signal });
    root.addEventListener("mouseout", onOut, { signal });
    root.addEventListener("focusout", onOut, { signal });
    preview.addEventListener("mouseenter", keepOpen, { signal });
    preview.addEventListener("mouseleave", hideSoon, { signal });
    document.addEventListener("keydown", onKey, { signal });
    window.addEventListener("scroll", place, { passive: true, signal });
    return () => {
      listeners.abort();
      clearTimeout(hideTimer);
    };
  }, [scope]);

  return <div ref={card} id={PREVIEW_ID} role="tooltip" className="citation-preview" hidden />;
}
