"use client";

import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps, ReactNodeViewRenderer } from "@tiptap/react";
import { useId } from "react";
import { Figure, FIGURE_ALIGNMENTS, type FigureAlignment, figureLayout } from "@/lib/content/extensions/figure";
import { formatFileSize, thumbnailFor } from "@/lib/media/sizes";
import { useLibraryFile } from "./media-library";

const WIDTHS = [160, 240, 320, 480, 640, 800];
const ALIGNMENT_LABELS: Record<FigureAlignment, string> = { left: "Left, text flows around it", center: "Centred", right: "Right, text flows around it" };

/**
 * A figure as the editor shows it: the picture from its thumbnails, the caption written in place
 * (inline content, so links and citations work in it), and fields for this use's alt text, width
 * and alignment. Missing alt text is said beside the field.
 */
function FigureView({ node, updateAttributes, deleteNode }: ReactNodeViewProps) {
  const name = String(node.attrs.media ?? "");
  const { align, width } = figureLayout(node.attrs);
  const own = typeof node.attrs.alt === "string" ? node.attrs.alt : null;
  const file = useLibraryFile(name);
  const ids = useId();
  const picture = file?.version.picture && file.version.width && file.version.height ? { ...file.version.picture, width: file.version.width, height: file.version.height } : null;
  const alt = own ?? file?.alt ?? "";
  const altMissing = !!picture && !alt.trim();
  const shown = picture ? Math.min(width ?? picture.width, picture.width) : 0;
  const thumbnail = picture ? thumbnailFor(picture.webp, Math.min(shown * 2, picture.width)) : null;

  return (
    <NodeViewWrapper
      as="figure"
      className={["figure", "editor-figure", align ? `figure-${align}` : null, file === null ? "figure-missing" : null].filter(Boolean).join(" ")}
      data-media={name}
    >
      <div contentEditable={false} className="editor-figure-media" data-drag-handle="">
        {file === undefined ? (
          <p className="form-info">Loading {name}…</p>
        ) : file === null ? (
          <p className="media-missing">{name || "A file"} (file does not exist)</p>
        ) : picture && thumbnail ? (
          <img src={thumbnail} alt={alt} width={shown} height={Math.max(1, Math.round((picture.height * shown) / picture.width))} />
        ) : (
          <p>
            {name}{" "}
            <span className="media-label">
              ({file.version.label}, {formatFileSize(file.version.size)})
            </span>
          </p>
        )}
      </div>
      <div contentEditable={false} className="editor-figure-label" aria-hidden="true">
        Caption
      </div>
      <NodeViewContent<"figcaption"> as="figcaption" />
      <div contentEditable={false} className="editor-figure-fields" role="group" aria-label={`Figure ${name}`}>
        {file !== undefined && (file === null || picture) && (
          <>
            <label>
              Alt text
              <input
                value={own ?? ""}
                maxLength={500}
                placeholder={file?.alt ? `The file's own: ${file.alt}` : "What the picture shows"}
                aria-invalid={altMissing || undefined}
                aria-describedby={altMissing ? `${ids}-alt` : undefined}
                onChange={(e) => updateAttributes({ alt: e.target.value ? e.target.value : null })}
              />
            </label>
            {altMissing && (
              <p id={`${ids}-alt`} className="form-error">
                This picture has no alt text: say what it shows, for readers who cannot see it.
              </p>
            )}
            <label>
              Width
              <select value={width ?? ""} onChange={(e) => updateAttributes({ width: e.target.value ? Number(e.target.value) : null })}>
                <option value="">The column&apos;s width</option>
                {[...new Set([...WIDTHS, ...(width ? [width] : [])])]
                  .sort((a, b) => a - b)
                  .map((w) => (
                    <option key={w} value={w}>
                      {w} pixels
                    </option>
                  ))}
              </select>
            </label>
            <label>
              Alignment
              <select value={align ?? ""} onChange={(e) => updateAttributes({ align: e.target.value || null })}>
                <option value="">In the column</option>
                {FIGURE_ALIGNMENTS.map((a) => (
                  <option key={a} value={a}>
                    {ALIGNMENT_LABELS[a]}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <button type="button" className="secondary" onClick={() => deleteNode()}>
          Remove figure
        </button>
      </div>
    </NodeViewWrapper>
  );
}

/** The figure extension with its React node view, for the browser's editor only. */
export const EditorFigure = Figure.extend({
  addNodeView() {
    return ReactNodeViewRenderer(FigureView, { as: "div" });
  },
});
