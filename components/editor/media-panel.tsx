"use client";

import { NodeSelection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { suggestMediaName } from "@/lib/content/figure-editing";
import { formatFileSize, thumbnailFor } from "@/lib/media/sizes";
import { fetchLibraryFile, type LibraryFile, searchLibrary, uploadToLibrary } from "./media-library";
import { MAX_ALT_LENGTH } from "@/lib/validation/media";

/**
 * Puts a library file into the text at `at` (else in place of the selected text, or after a selected node): a picture as a figure, with this
 * use's alt text when given (else the file's own); any other file as a link to its page in the
 * library, followed by its type and size.
 */
export function insertLibraryFile(editor: Editor, file: LibraryFile, { alt, at }: { alt?: string; at?: number } = {}) {
  const { selection, doc } = editor.state;
  // A selected node (a figure just inserted, say) is kept: the file goes after it. A picture goes
  // after a figure whose caption holds the cursor: a caption cannot hold one (a link it can).
  let where: number | { from: number; to: number } = at ?? (selection instanceof NodeSelection ? selection.to : { from: selection.from, to: selection.to });
  const $at = doc.resolve(typeof where === "number" ? where : where.from);
  if (file.version.picture) for (let depth = $at.depth; depth > 0; depth--) if ($at.node(depth).type.name === "figure") where = $at.after(depth);
  const chain = editor.chain().focus();
  if (file.version.picture) {
    chain.insertContentAt(where, { type: "figure", attrs: { media: file.name, alt: alt?.trim() || null, width: null, align: null } }).run();
    return;
  }
  // Stored links are absolute (lib/content/url.ts); the file's page outlives any one version.
  const href = new URL(file.href, window.location.origin).href;
  chain
    .insertContentAt(where, [
      { type: "text", text: file.name.slice(file.name.lastIndexOf(":") + 1), marks: [{ type: "link", attrs: { href } }] },
      { type: "text", text: ` (${file.version.label}, ${formatFileSize(file.version.size)})` },
    ])
    .unsetMark("link")
    .run();
}

/** Uploads a file and inserts it, or finds one in the media library and inserts that. */
export function MediaPanel({ editor, pageId, onClose }: { editor: Editor; pageId: string; onClose: () => void }) {
  const [tab, setTab] = useState<"upload" | "library">("upload");
  return (
    <div className="insert-panel" role="group" aria-label="Insert a picture or file">
      <div className="button-row">
        <button type="button" className="secondary" aria-pressed={tab === "upload"} onClick={() => setTab("upload")}>
          Upload a file
        </button>
        <button type="button" className="secondary" aria-pressed={tab === "library"} onClick={() => setTab("library")}>
          Choose from the library
        </button>
      </div>
      {tab === "upload" ? <UploadForm editor={editor} pageId={pageId} onClose={onClose} /> : <LibraryChooser editor={editor} onClose={onClose} />}
    </div>
  );
}

function UploadForm({ editor, pageId, onClose }: { editor: Editor; pageId: string; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [named, setNamed] = useState(false);
  const [alt, setAlt] = useState("");
  const [exists, setExists] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  // Say so when the name is taken: the upload would be a new version of that file.
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      if (!name.trim()) return setExists(false);
      fetchLibraryFile(name.trim()).then(
        (found) => current && setExists(!!found),
        () => current && setExists(false),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [name]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return setError("Choose a file to upload.");
    setPending(true);
    setError(null);
    const outcome = await uploadToLibrary(file, name.trim() || suggestMediaName(pageId, file.name, file.type), alt);
    setPending(false);
    if (!outcome.ok) return setError(outcome.message);
    insertLibraryFile(editor, outcome.file, { alt });
    onClose();
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label="Upload a file">
      <label>
        File (a picture, a PDF or an office document)
        <input
          type="file"
          autoFocus
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setError(null);
            if (chosen && !named) setName(suggestMediaName(pageId, chosen.name, chosen.type));
          }}
        />
      </label>
      <label>
        Name in the wiki
        <input
          value={name}
          maxLength={200}
          placeholder="models:chart.png"
          onChange={(e) => {
            setName(e.target.value);
            setNamed(true);
          }}
        />
      </label>
      {exists && <p className="form-info">A file of this name exists already: uploading makes a new version of it, shown wherever it is used.</p>}
      <label>
        Alt text (what the picture shows, for readers who cannot see it)
        <input value={alt} maxLength={MAX_ALT_LENGTH} onChange={(e) => setAlt(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" disabled={pending || !file}>
          {pending ? "Uploading…" : "Upload and insert"}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}

function LibraryChooser({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const [query, setQuery] = useState("");
  const [files, setFiles] = useState<LibraryFile[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      searchLibrary(query).then(
        (found) => {
          if (!current) return;
          setFiles(found);
          setError(null);
        },
        (e: Error) => current && setError(e.message),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <div className="form">
      <label>
        Find a file by name or description
        <input autoFocus value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <ul className="choice-list media-choices">
        {files?.map((file) => {
          const thumbnail = file.version.picture && thumbnailFor(file.version.picture.webp, 160);
          return (
            <li key={file.name}>
              {thumbnail ? (
                <img
                  src={thumbnail}
                  alt=""
                  width={80}
                  height={file.version.width && file.version.height ? Math.round((80 * file.version.height) / file.version.width) : 80}
                  loading="lazy"
                />
              ) : null}
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  insertLibraryFile(editor, file);
                  onClose();
                }}
              >
                Insert {file.name}
              </button>
              <span className="choice-detail">
                {" "}
                {file.version.label}, {formatFileSize(file.version.size)}
              </span>
            </li>
          );
        })}
      </ul>
      {!error && files?.length === 0 && <p className="form-info">No file matches.</p>}
      <div className="button-row">
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
