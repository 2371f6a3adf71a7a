"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useId, useState } from "react";
import { addSource, findPages, findSources } from "@/app/wiki/[id]/edit/actions";
import { normalizePageId } from "@/lib/content/page-id";
import type { SourceChoice } from "@/lib/wiki/sources";

/** Results of a server search as the user types, a moment after they stop. */
function useSearch<T>(query: string, search: (q: string) => Promise<T[]>): T[] {
  const [results, setResults] = useState<T[]>([]);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      void search(query).then((r) => current && setResults(r));
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, search]);
  return results;
}

/** Links the selection (or inserts a label) to a wiki page, existing or not yet written. */
export function WikiLinkPanel({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const selected = editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to, " ");
  const [query, setQuery] = useState(selected);
  const listId = useId();
  const pages = useSearch(query, findPages);
  const target = normalizePageId(pages.find((p) => p.title === query)?.pageId ?? query);

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    if (!target) return;
    const label = pages.find((p) => p.pageId === target)?.title ?? query;
    const chain = editor.chain().focus();
    if (editor.state.selection.empty) {
      chain.insertContent({ type: "text", text: label, marks: [{ type: "wikiLink", attrs: { target, fragment: null } }] }).unsetMark("wikiLink").run();
    } else {
      chain.setWikiLink({ target, fragment: null }).run();
    }
    onClose();
  };

  return (
    <form className="insert-panel form" onSubmit={apply} aria-label="Wiki link">
      <label>
        Page to link to
        <input autoFocus list={listId} value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      <datalist id={listId}>
        {pages.map((p) => (
          <option key={p.pageId} value={p.title}>
            {p.pageId}
          </option>
        ))}
      </datalist>
      <p className="form-info">
        {target ? (pages.some((p) => p.pageId === target) ? `Links to ${target}.` : `Links to ${target}, which does not exist yet.`) : "Type a page title or id."}
      </p>
      <div className="button-row">
        <button type="submit" disabled={!target}>
          Insert link
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}

/** Cites a source from the library, found by title or address, or one made here and now. */
export function CitationPanel({ editor, pageId, onClose }: { editor: Editor; pageId: string; onClose: () => void }) {
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const sources = useSearch(query, findSources);

  const cite = (source: SourceChoice, locator: string | null = null) => {
    editor.chain().focus().insertCitation({ sourceId: source.id, locator, quote: null }).run();
    onClose();
  };

  const create = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "");
    const result = await addSource(pageId, {
      url: value("url"),
      title: value("title"),
      authors: value("authors"),
      publisher: value("publisher"),
      issued: value("issued"),
    });
    if (result.ok) cite(result.data);
    else {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
    }
  };

  return (
    <div className="insert-panel" role="group" aria-label="Cite a source">
      {!creating ? (
        <div className="form">
          <label>
            Find a source by title or address
            <input autoFocus value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <ul className="choice-list">
            {sources.map((s) => (
              <li key={s.id}>
                <button type="button" className="secondary" onClick={() => cite(s)}>
                  Cite {s.title}
                </button>
                {s.url && <span className="choice-detail"> {s.url}</span>}
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" onClick={() => setCreating(true)}>
              New source…
            </button>
            <button type="button" className="secondary" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={create} aria-label="New source">
          {message && (
            <p role="alert" className="form-error">
              {message}
            </p>
          )}
          <label>
            Address (URL)
            <input name="url" type="url" autoFocus />
          </label>
          {errors.url && <p className="field-error">{errors.url}</p>}
          <label>
            Title
            <input name="title" required />
          </label>
          {errors.title && <p className="field-error">{errors.title}</p>}
          <label>
            Authors (Family, Given; …)
            <input name="authors" />
          </label>
          <label>
            Publisher or site
            <input name="publisher" />
          </label>
          <label>
            Date (YYYY-MM-DD)
            <input name="issued" placeholder="2026-03-14" />
          </label>
          {errors.issued && <p className="field-error">{errors.issued}</p>}
          <div className="button-row">
            <button type="submit">Add and cite</button>
            <button type="button" className="secondary" onClick={() => setCreating(false)}>
              Back
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
