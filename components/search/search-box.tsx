"use client";

import { useRouter } from "next/navigation";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { pageHref } from "@/lib/content/page-id";

type Suggestion = { pageId: string; title: string };

/** How long typing must pause before titles are looked up. */
const DEBOUNCE_MS = 150;

/**
 * The search box in every page's header: a plain GET form to /search (Enter on a page's exact
 * title goes to the page), with title suggestions as one types, following the ARIA combobox
 * pattern (arrows move, Enter opens, Escape closes).
 */
export function SearchBox() {
  const router = useRouter();
  const id = useId();
  const listId = `${id}-suggestions`;
  const [text, setText] = useState("");
  const [found, setFound] = useState<Suggestion[]>([]);
  // An emptied box suggests nothing, whatever the last answer was.
  const suggestions = text.trim() ? found : [];
  const [open, setOpen] = useState(false);
  // The chosen suggestion by its page, so a later answer that still holds it keeps it chosen.
  const [activeId, setActiveId] = useState<string | null>(null);
  const active = suggestions.findIndex((s) => s.pageId === activeId);
  const request = useRef<AbortController | null>(null);

  useEffect(() => {
    const q = text.trim();
    if (!q) return;
    const timer = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      try {
        const response = await fetch(`/api/search/suggest?${new URLSearchParams({ q })}`, { signal: controller.signal });
        if (!response.ok) return;
        const body = (await response.json()) as { suggestions: Suggestion[] };
        setFound(body.suggestions);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setFound([]);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const expanded = open && suggestions.length > 0;
  const choose = (suggestion: Suggestion) => {
    setOpen(false);
    router.push(pageHref(suggestion.pageId));
  };

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!suggestions.length) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      // -1 is the text itself: the arrows cycle through it and the suggestions.
      const next = (expanded ? active : -1) + step;
      const index = next < -1 ? suggestions.length - 1 : next >= suggestions.length ? -1 : next;
      setActiveId(index >= 0 ? suggestions[index].pageId : null);
    } else if (event.key === "Enter" && expanded && active >= 0) {
      event.preventDefault();
      choose(suggestions[active]);
    } else if (event.key === "Escape" && expanded) {
      event.preventDefault();
      setOpen(false);
      setActiveId(null);
    }
  }

  return (
    <form method="get" action="/search" role="search" className="search-box" aria-label="Site search">
      <input type="hidden" name="go" value="1" />
      <input
        type="search"
        name="q"
        aria-label="Search pages"
        placeholder="Search"
        autoComplete="off"
        maxLength={300}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActiveId(null);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="search-box-submit">
        Search
      </button>
      <ul id={listId} role="listbox" aria-label="Suggested pages" className="search-suggestions" hidden={!expanded}>
        {suggestions.map((s, i) => (
          <li
            key={s.pageId}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            // Chosen before the input's blur closes the list.
            onMouseDown={(event) => {
              event.preventDefault();
              choose(s);
            }}
          >
            {s.title}
          </li>
        ))}
      </ul>
    </form>
  );
}
