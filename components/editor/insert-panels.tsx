"use client";

import { NodeSelection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { useEffect, useId, useState } from "react";
import { normalizePageId, pageIdKey } from "@/lib/content/page-id";
import { EMPTY_SOURCE_FIELDS } from "@/lib/content/source-fields";
import type { EditorActions } from "./editor-actions";
import { formatAuthorList } from "@/lib/validation/source";
import { SOURCE_FIELD_LABELS, type SourceFormValues, SourceFormFields } from "../sources/source-form-fields";

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
export function WikiLinkPanel({ editor, actions, onClose }: { editor: Editor; actions: EditorActions; onClose: () => void }) {
  const selected = editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to, " ");
  const [query, setQuery] = useState(selected);
  const listId = useId();
  const pages = useSearch(query, actions.findPages);
  // A title or id naming a written or wanted page links there, however its separators were typed.
  const named = pages.find((p) => p.title === query) ?? pages.find((p) => pageIdKey(p.pageId) === pageIdKey(query));
  const target = named?.pageId ?? normalizePageId(query);

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    if (!target) return;
    const label = named && !named.wanted ? named.title : query;
    const chain = editor.chain().focus();
    if (editor.state.selection.empty) {
      chain
        .insertContent({ type: "text", text: label, marks: [{ type: "wikiLink", attrs: { target, fragment: null } }] })
        .unsetMark("wikiLink")
        .run();
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
          <option key={p.pageId} value={p.wanted ? p.pageId : p.title}>
            {p.wanted ? `not written yet, ${p.wanted.links} link${p.wanted.links === 1 ? "" : "s"}` : p.pageId}
          </option>
        ))}
      </datalist>
      <p className="form-info">{target ? (named && !named.wanted ? `Links to ${target}.` : `Links to ${target}, which does not exist yet.`) : "Type a page title or id."}</p>
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

/** The citation node the selection is on, if any: the citation tool then edits it. */
function selectedCitation(editor: Editor): { sourceId: string; locator: string | null; quote: string | null } | null {
  const { selection } = editor.state;
  const node = selection instanceof NodeSelection ? selection.node : null;
  return node?.type.name === "citation" ? (node.attrs as { sourceId: string; locator: string | null; quote: string | null }) : null;
}

const EMPTY_SOURCE: SourceFormValues = { ...EMPTY_SOURCE_FIELDS, authors: "" };

/**
 * Cites a source from the library, found by title or address, or one made here and now (typed,
 * or looked up by DOI or web address), with this citation's own locator and quote. On a citation
 * already in the text, changes its locator and quote.
 */
export function CitationPanel({ editor, pageId, actions, onClose }: { editor: Editor; pageId: string; actions: EditorActions; onClose: () => void }) {
  const [existing] = useState(() => selectedCitation(editor));
  const [query, setQuery] = useState("");
  const [creating, setCreating] = useState(false);
  const [locator, setLocator] = useState(existing?.locator ?? "");
  const [quote, setQuote] = useState(existing?.quote ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [lookup, setLookup] = useState("");
  const [lookupStatus, setLookupStatus] = useState<string | null>(null);
  const [filled, setFilled] = useState({ values: EMPTY_SOURCE, version: 0 });
  const sources = useSearch(query, actions.findSources);
  const details = { locator: locator.trim() || null, quote: quote.trim() || null };

  const cite = (source: { id: string }) => {
    editor
      .chain()
      .focus()
      .insertCitation({ sourceId: source.id, ...details })
      .run();
    onClose();
  };

  const update = (event: React.FormEvent) => {
    event.preventDefault();
    editor.chain().focus().updateAttributes("citation", details).run();
    onClose();
  };

  const runLookup = async () => {
    if (!lookup.trim()) return;
    setLookupStatus("Looking up…");
    const result = await actions.lookupSource(lookup);
    if (!result.ok) {
      setLookupStatus(result.message);
      return;
    }
    const { authors, ...fields } = result.data.fields;
    setFilled((f) => ({ values: { ...EMPTY_SOURCE, ...fields, authors: formatAuthorList(authors) }, version: f.version + 1 }));
    setLookupStatus(`Filled in from ${result.data.via === "doi" ? "the DOI" : "the page"}: check the fields, then add the source.`);
  };

  const create = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await actions.addSource(pageId, Object.fromEntries([...form].map(([k, v]) => [k, String(v)])));
    if (result.ok) cite(result.data);
    else {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
    }
  };

  const citationFields = (
    <fieldset className="citation-details">
      <legend>This citation</legend>
      <label>
        Page, section or time (optional)
        <input value={locator} onChange={(e) => setLocator(e.target.value)} maxLength={200} placeholder="p. 12" />
      </label>
      <label>
        Quoted text (optional)
        <textarea value={quote} onChange={(e) => setQuote(e.target.value)} maxLength={2000} rows={2} />
      </label>
    </fieldset>
  );

  if (existing) {
    return (
      <form className="insert-panel form" onSubmit={update} aria-label="Edit citation">
        {citationFields}
        <div className="button-row">
          <button type="submit">Update citation</button>
          <button type="button" className="secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    );
  }

  return (
    <div className="insert-panel" role="group" aria-label="Cite a source">
      {!creating ? (
        <div className="form">
          <label>
            Find a source by title or address
            <input autoFocus value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          {/* Its height is fixed: results coming in never move the fields and buttons below. */}
          <ul className="choice-list source-choices">
            {sources.map((s) => (
              <li key={s.id}>
                <button type="button" className="secondary" onClick={() => cite(s)}>
                  Cite {s.title}
                </button>
                {s.url && <span className="choice-detail"> {s.url}</span>}
              </li>
            ))}
          </ul>
          {citationFields}
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
          <div className="lookup-row">
            <label>
              Look up a DOI or web address
              <input
                autoFocus
                value={lookup}
                onChange={(e) => setLookup(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    void runLookup();
                  }
                }}
                placeholder="10.1234/abc or https://…"
              />
            </label>
            <button type="button" className="secondary" onClick={() => void runLookup()}>
              Look up
            </button>
          </div>
          <p role="status" className="form-info">
            {lookupStatus ?? "Or fill in the fields yourself."}
          </p>
          <SourceFormFields key={filled.version} values={filled.values} errors={errors} />
          {/* Refusals of what the form has no field for. */}
          {Object.entries(errors)
            .filter(([field]) => !(field in SOURCE_FIELD_LABELS))
            .map(([field, error]) => (
              <p key={field} className="field-error">
                {error}
              </p>
            ))}
          {citationFields}
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
