"use client";

import type { EditorView } from "@tiptap/pm/view";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Preview } from "@/app/wiki/[id]/edit/actions";
import { formatTime } from "@/components/history/revision-line";
import { TableOfContents } from "@/components/reader/table-of-contents";
import { canonicalJson, type DocumentJSON, withoutTrailingEmptyParagraphs } from "@/lib/content/document";
import { extensions } from "@/lib/content/extensions";
import { figuresWithoutAlt, suggestMediaName, uniqueMediaName } from "@/lib/content/figure-editing";
import { pageHref } from "@/lib/content/page-id";
import type { ConflictDetails } from "@/lib/wiki/revisions";
import { CitationCoverage } from "./citation-coverage";
import type { EditorActions } from "./editor-actions";
import { CitationPanel, WikiLinkPanel } from "./insert-panels";
import { ConflictPanel } from "./conflict-panel";
import { EditorFigure } from "./figure-view";
import { FloatingPanel } from "./floating-panel";
import { knownFileAlt, searchLibrary, uploadToLibrary, useLibraryRevision } from "./media-library";
import { insertLibraryFile, MediaPanel } from "./media-panel";
import { MissingLinks } from "./missing-links";
import { rememberSave } from "./save-notice";
import { Toolbar } from "./toolbar";
import { MAX_PAGE_TITLE_LENGTH, MAX_SUMMARY_LENGTH } from "@/lib/validation/revision";
import { referenceListHtml } from "@/lib/content/reference-list";

export interface ArticleEditorProps {
  pageId: string;
  /** The page's title, or for a new page the one suggested (from the label of a link to it). */
  title: string;
  baseRevisionId: number | null;
  baseNumber: number | null;
  doc: DocumentJSON;
  /** Whether each page the document links to exists. */
  linkedPages: Record<string, boolean>;
  /** The server actions it calls. */
  actions: EditorActions;
  /** Whether the "Watch this page" box starts ticked (the account's preference). */
  watchByDefault: boolean;
  /** Whether what is saved now waits for a reviewer before readers see it. */
  waitsForReview?: boolean;
}

interface Draft {
  doc: DocumentJSON;
  summary: string;
  baseRevisionId: number | null;
  savedAt: string;
}

const draftKey = (pageId: string) => `palimpsest:draft:${pageId}`;

/** A document as saving compares it: equal keys, no change (trailing empty paragraphs are never stored). */
const docKey = (doc: DocumentJSON) => canonicalJson(withoutTrailingEmptyParagraphs(doc));

// The site's way of writing times: 24-hour, in UTC, as history and recent changes write them.
const CLOCK = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit" });

/** What leaving a changed editor asks first. */
const LEAVE_QUESTION = "Leave the editor? Your changes are not saved as a revision (a draft stays in this browser).";

// The shared extension list, with the figure drawn by its React node view in the browser.
const editorExtensions = extensions.map((extension) => (extension.name === EditorFigure.name ? EditorFigure : extension));

/** The article editor: Tiptap with the wiki's own extensions, preview, drafts and safe saving. */
export function ArticleEditor(props: ArticleEditorProps) {
  const { pageId, title, actions } = props;
  const [base, setBase] = useState({ id: props.baseRevisionId, number: props.baseNumber, json: docKey(props.doc) });
  const [summary, setSummary] = useState("");
  const [pageTitle, setPageTitle] = useState(title);
  const [minor, setMinor] = useState(false);
  const [watch, setWatch] = useState(props.watchByDefault);
  const [status, setStatus] = useState<{ kind: "error" | "info"; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [panel, setPanel] = useState<"link" | "cite" | "media" | null>(null);
  const [upload, setUpload] = useState<{ kind: "error" | "info"; text: string } | null>(null);
  const [conflict, setConflict] = useState<ConflictDetails | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  // When the text was last kept in this browser, while it differs from the revision it started from.
  const [keptAt, setKeptAt] = useState<Date | null>(null);
  const leaving = useRef(false);
  // Files dropped or pasted into the text: set once the editor exists (the editor's props are fixed).
  const filesArrived = useRef<(files: File[], at?: number) => void>(() => {});

  // The editor's options are made once: new ones on each render would make Tiptap reconfigure the
  // editor on each render (while the text is typed).
  const [options] = useState(() => ({
    extensions: [...editorExtensions, MissingLinks.configure({ known: new Map(Object.entries(props.linkedPages)), findMissing: actions.findMissingPages })],
    content: props.doc,
    immediatelyRender: false,
    editorProps: {
      attributes: { class: "editor-content article-body", "aria-label": `Text of ${title}`, role: "textbox", "aria-multiline": "true" },
      handleDrop: (view: EditorView, event: DragEvent, _slice: unknown, moved: boolean) => {
        const files = [...(event.dataTransfer?.files ?? [])];
        if (moved || !files.length) return false;
        event.preventDefault();
        filesArrived.current(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos);
        return true;
      },
      handlePaste: (_view: EditorView, event: ClipboardEvent) => {
        const files = [...(event.clipboardData?.files ?? [])];
        if (!files.length) return false;
        event.preventDefault();
        filesArrived.current(files);
        return true;
      },
    },
  }));
  const editor = useEditor(options);
  // Selectors read `editor` itself: the snapshot's editor stays null until the first transaction.
  const textChanged = useEditorState({ editor, selector: () => !!editor && docKey(editor.getJSON() as DocumentJSON) !== base.json }) ?? false;
  const dirty = textChanged || pageTitle.trim() !== title;
  // Figures whose pictures nobody has described yet: saving is allowed, with a warning.
  const currentDoc = useEditorState({ editor, selector: () => editor?.state.doc ?? null, equalityFn: (a, b) => a === b });
  useLibraryRevision(); // and again when the library answers about a file
  const missingAlt = currentDoc ? figuresWithoutAlt(currentDoc.toJSON(), knownFileAlt) : [];

  // Dropped or pasted files are uploaded under a free name in the page's namespace, then inserted
  // where they were dropped; a refusal is shown above the text and nothing is inserted. Renewed after
  // each render, for the editor's handlers, which are fixed when it is made.
  useEffect(() => {
    filesArrived.current = async (files, at) => {
      if (!editor) return;
      let position = at;
      for (const file of files) {
        const label = file.name || "the pasted file";
        setUpload({ kind: "info", text: `Uploading ${label}…` });
        const wanted = suggestMediaName(pageId, file.name, file.type);
        const taken = await searchLibrary(wanted.replace(/\.[^.:]*$/, "")).catch(() => []);
        const outcome = await uploadToLibrary(file, uniqueMediaName(wanted, new Set(taken.map((f) => f.name))));
        if (!outcome.ok) {
          setUpload({ kind: "error", text: `${label} was not uploaded: ${outcome.message}` });
          return;
        }
        insertLibraryFile(editor, outcome.file, { at: position === undefined ? undefined : Math.min(position, editor.state.doc.content.size) });
        position = undefined;
      }
      setUpload(null);
    };
  });

  // Offer back a draft left by a crash or reload.
  useEffect(() => {
    const stored = localStorage.getItem(draftKey(pageId));
    if (!stored) return;
    try {
      const parsed = JSON.parse(stored) as Draft;
      // The browser's storage is read once the page is live (the server has none).
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (docKey(parsed.doc) !== base.json) setDraft(parsed);
    } catch {
      localStorage.removeItem(draftKey(pageId));
    }
    // Only on opening the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pageId]);

  // Keep the unsaved text in the browser as it is typed.
  useEffect(() => {
    if (!editor) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const store = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const doc = editor.getJSON() as DocumentJSON;
        if (docKey(doc) === base.json) {
          localStorage.removeItem(draftKey(pageId));
          setKeptAt(null);
          return;
        }
        const now = new Date();
        try {
          localStorage.setItem(draftKey(pageId), JSON.stringify({ doc, summary, baseRevisionId: base.id, savedAt: now.toISOString() } satisfies Draft));
          setKeptAt(now);
        } catch {
          // Storage full or refused (a private window): the text is still in the editor, only not kept.
          setKeptAt(null);
        }
      }, 300);
    };
    editor.on("update", store);
    return () => {
      clearTimeout(timer);
      editor.off("update", store);
    };
  }, [editor, pageId, base, summary]);

  // Warn before leaving with unsaved changes.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!leaving.current) event.preventDefault();
    };
    // Links within the site change pages without unloading this one: ask before following them too
    // (Cancel, the header's links, links in the preview). Captured before Next.js's own click handler.
    const confirmLeaving = (event: MouseEvent) => {
      if (leaving.current || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      // Links inside the text being edited are not followed on a click.
      if (!(link instanceof HTMLAnchorElement) || link.closest(".ProseMirror") || link.hasAttribute("download")) return;
      if (link.target && link.target !== "_self") return;
      const to = new URL(link.href, window.location.href);
      // A jump within this page (a preview's table of contents) leaves nothing.
      if (to.origin === window.location.origin && to.pathname === window.location.pathname && to.search === window.location.search && to.hash) return;
      if (window.confirm(LEAVE_QUESTION)) {
        leaving.current = true;
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", warn);
    window.addEventListener("click", confirmLeaving, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      window.removeEventListener("click", confirmLeaving, true);
    };
  }, [dirty]);

  const save = useCallback(async () => {
    if (!editor || saving) return;
    setSaving(true);
    setStatus(null);
    const result = await actions.save(pageId, { doc: JSON.stringify(editor.getJSON()), summary, minor, baseRevisionId: base.id, title: pageTitle, watch });
    setSaving(false);
    if (result.ok) {
      localStorage.removeItem(draftKey(pageId));
      setKeptAt(null);
      if (result.data.status === "unchanged") {
        setStatus({ kind: "info", text: "Nothing has changed since the last revision, so no revision was made." });
        return;
      }
      leaving.current = true;
      rememberSave({ pageId, number: result.data.number, pending: result.data.pending, merged: result.data.merged });
      // A revision waiting for review is not what readers see yet: show the author their revision.
      window.location.assign(result.data.pending ? `${pageHref(pageId)}?rev=${result.data.number}` : pageHref(pageId));
      return;
    }
    if (result.conflict) setConflict(result.conflict);
    setStatus({ kind: "error", text: result.message });
  }, [editor, saving, pageId, summary, minor, base.id, pageTitle, watch, actions]);

  const previewHeading = useRef<HTMLHeadingElement>(null);
  const showPreview = useCallback(async () => {
    if (!editor) return;
    setPanel(null);
    const result = await actions.preview(pageId, JSON.stringify(editor.getJSON()));
    if (result.ok) setPreview(result.data);
    else setStatus({ kind: "error", text: result.message });
  }, [editor, pageId, actions]);
  const closePreview = useCallback(() => {
    setPreview(null);
    editor?.commands.focus();
  }, [editor]);
  // The preview is read from its start, where the text was.
  useEffect(() => {
    if (!preview) return;
    previewHeading.current?.focus();
    previewHeading.current?.scrollIntoView({ block: "start" });
  }, [preview]);

  const onKeyDown = (event: React.KeyboardEvent) => {
    const mod = event.metaKey || event.ctrlKey;
    if (mod && event.key.toLowerCase() === "s") {
      event.preventDefault();
      void save();
    } else if (mod && event.key.toLowerCase() === "k") {
      event.preventDefault();
      setPanel("link");
    } else if (mod && event.shiftKey && event.key.toLowerCase() === "c") {
      event.preventDefault();
      setPanel("cite");
    } else if (event.key === "Escape" && panel) {
      setPanel(null);
      editor?.commands.focus();
    }
  };

  return (
    <div className="editor-page" onKeyDown={onKeyDown}>
      <header className="editor-header">
        <h1>
          {props.baseRevisionId ? "Editing" : "Creating"}{" "}
          <Link href={pageHref(pageId)} prefetch={false}>
            {title}
          </Link>
        </h1>
        <p className="article-meta">{base.number ? `Starting from revision ${base.number}.` : "This page does not exist yet; saving creates it."}</p>
      </header>

      {draft && (
        <div className="notice" role="status">
          <p>
            You have unsaved changes from {formatTime(new Date(draft.savedAt))}
            {draft.baseRevisionId !== base.id && " (made on an older revision; saving will merge them)"}.
          </p>
          <button
            type="button"
            // The draft is found before the editor exists; it can be restored once there is one.
            disabled={!editor}
            onClick={() => {
              editor?.commands.setContent(draft.doc);
              setSummary(draft.summary);
              setBase((b) => ({ ...b, id: draft.baseRevisionId }));
              setDraft(null);
            }}
          >
            Restore draft
          </button>{" "}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              localStorage.removeItem(draftKey(pageId));
              setDraft(null);
            }}
          >
            Discard draft
          </button>
        </div>
      )}

      {conflict && editor && (
        <ConflictPanel
          conflict={conflict}
          onResolve={(doc) => {
            editor.commands.setContent(doc);
            setBase((b) => ({ ...b, id: conflict.latestRevisionId, number: conflict.latestNumber }));
            setConflict(null);
            setStatus({ kind: "info", text: `Now editing on top of revision ${conflict.latestNumber}. Check the text, then save.` });
          }}
        />
      )}

      <label className="page-title-field">
        Page title
        <input value={pageTitle} onChange={(e) => setPageTitle(e.target.value)} required maxLength={MAX_PAGE_TITLE_LENGTH} />
      </label>
      <div hidden={!!preview}>
        <Toolbar editor={editor} onWikiLink={() => setPanel("link")} onCite={() => setPanel("cite")} onMedia={() => setPanel("media")} />
      </div>
      {upload && (
        <p role={upload.kind === "error" ? "alert" : "status"} className={upload.kind === "error" ? "form-error" : "form-info"}>
          {upload.text}
        </p>
      )}
      {panel && editor && (
        <FloatingPanel key={panel} editor={editor}>
          {panel === "link" && <WikiLinkPanel editor={editor} actions={actions} onClose={() => setPanel(null)} />}
          {panel === "cite" && <CitationPanel editor={editor} pageId={pageId} actions={actions} onClose={() => setPanel(null)} />}
          {panel === "media" && <MediaPanel editor={editor} pageId={pageId} onClose={() => setPanel(null)} />}
        </FloatingPanel>
      )}
      {/* The preview takes the text's place; the text stays as it was, hidden, until editing goes on. */}
      <div hidden={!!preview}>
        <EditorContent editor={editor} className="editor" />
        {editor && <CitationCoverage editor={editor} />}
      </div>
      {preview && (
        <section className="preview" aria-labelledby="preview-heading">
          <div className="preview-bar">
            <h2 id="preview-heading" ref={previewHeading} tabIndex={-1}>
              Preview
            </h2>
            <button type="button" className="secondary" onClick={closePreview}>
              Back to editing
            </button>
          </div>
          <div className="article-layout">
            {preview.toc.length > 0 && <TableOfContents entries={preview.toc} />}
            <div className="article-content">
              <div className="article-body" dangerouslySetInnerHTML={{ __html: preview.html }} />
              {preview.references.length > 0 && <div dangerouslySetInnerHTML={{ __html: referenceListHtml(preview.references) }} />}
            </div>
          </div>
        </section>
      )}
      <p className="editor-status" role="status">
        {keptAt && dirty && (
          <>
            Draft saved{" "}
            <time dateTime={keptAt.toISOString()} title={`${formatTime(keptAt)} (UTC), in this browser only`}>
              {CLOCK.format(keptAt)}
            </time>
          </>
        )}
      </p>

      <form
        className="form save-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label>
          Summary of your changes
          <input value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={MAX_SUMMARY_LENGTH} placeholder="What did you change, and why?" />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={minor} onChange={(e) => setMinor(e.target.checked)} /> This is a minor edit
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={watch} onChange={(e) => setWatch(e.target.checked)} /> Watch this page (its changes show on your watchlist)
        </label>
        {missingAlt.length > 0 && (
          <p className="form-error alt-warning">
            {missingAlt.length === 1 ? "A picture has" : `${missingAlt.length} pictures have`} no alt text ({missingAlt.join(", ")}): readers who cannot see{" "}
            {missingAlt.length === 1 ? "it" : "them"} will not know what {missingAlt.length === 1 ? "it shows" : "they show"}. You can save, but please describe{" "}
            {missingAlt.length === 1 ? "it" : "them"} in the figure&apos;s Alt text field.
          </p>
        )}
        {status && (
          <p role={status.kind === "error" ? "alert" : "status"} className={status.kind === "error" ? "form-error" : "form-info"}>
            {status.text}
          </p>
        )}
        {props.waitsForReview && (
          <p className="hint" id="review-hint">
            Your edit will wait for review: readers go on seeing the approved text until a reviewer approves it.
          </p>
        )}
        <div className="button-row">
          <button type="submit" disabled={saving || !editor} aria-describedby={props.waitsForReview ? "review-hint" : undefined}>
            {saving ? "Saving…" : "Save"}
          </button>
          {!preview && (
            <button type="button" className="secondary" onClick={() => void showPreview()} disabled={!editor}>
              Preview
            </button>
          )}
          <Link href={pageHref(pageId)} prefetch={false}>
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
