import type { ReactNode } from "react";
import type { DiffBlock, DiffRow, ReferenceChange } from "@/lib/content/diff";
import { pageHref } from "@/lib/content/page-id";
import type { RenderMedia } from "@/lib/content/render";
import { MediaPicture } from "../media/media-picture";
import type { RevisionComparison } from "@/lib/wiki/history";
import { SourceCitation } from "../reader/source-citation";
import { ChangeMark, type CitationLabels, DiffTokens, InlineDiff } from "./diff-tokens";
import { RevisionLine } from "./revision-line";

export type DiffLayout = "inline" | "side";

/** Unchanged blocks shown around each change; longer unchanged stretches fold away. */
const CONTEXT = 1;

type Labels = { before: CitationLabels; after: CitationLabels };
type Files = RevisionComparison["media"];

const diffHref = (pageId: string, from: number, to: number, layout: DiffLayout) => `${pageHref(pageId)}/diff?from=${from}&to=${to}${layout === "side" ? "&view=side" : ""}`;

/** The differences between two revisions: the text with changes in place or side by side, then References. */
/** `prefix` keeps anchors unique when a page shows several diffs (the review queue). */
export function DiffView({ comparison, layout, prefix = "" }: { comparison: RevisionComparison; layout: DiffLayout; prefix?: string }) {
  const { page, from, to, diff } = comparison;
  const labels: Labels = {
    before: { sources: comparison.sources, numbers: comparison.numbers.from },
    after: { sources: comparison.sources, numbers: comparison.numbers.to },
  };
  const files = comparison.media;
  const low = Math.min(from.number, to.number);
  const high = Math.max(from.number, to.number);
  const changeIds = new Map<DiffRow, number>();
  diff.rows.forEach((row) => row.op !== "equal" && changeIds.set(row, changeIds.size + 1));
  const sections = foldUnchanged(diff.rows);

  return (
    <div className="diff">
      <div className="diff-sides">
        <section aria-label="Older side" className="diff-side-header">
          <RevisionLine pageId={page.pageId} revision={from} />
        </section>
        <section aria-label="Newer side" className="diff-side-header">
          <RevisionLine pageId={page.pageId} revision={to} />
        </section>
      </div>
      <nav className="diff-nav" aria-label="Revisions and changes">
        {low > 1 ? <a href={diffHref(page.pageId, low - 1, low, layout)}>← Older edit</a> : <span>Oldest revision</span>}
        {high < page.latestNumber ? <a href={diffHref(page.pageId, high, high + 1, layout)}>Newer edit →</a> : <span>Current revision</span>}
        <span>
          {diff.changeCount === 0 ? "No changes" : `${diff.changeCount} ${diff.changeCount === 1 ? "change" : "changes"}`}
          {diff.changeCount > 0 && (
            <>
              {" · "}
              <a href={`#${prefix}change-1`}>First change</a>
            </>
          )}
        </span>
        <span>
          {layout === "inline" ? <strong aria-current="page">In place</strong> : <a href={diffHref(page.pageId, from.number, to.number, "inline")}>In place</a>}
          {" · "}
          {layout === "side" ? <strong aria-current="page">Side by side</strong> : <a href={diffHref(page.pageId, from.number, to.number, "side")}>Side by side</a>}
        </span>
      </nav>

      {diff.changeCount === 0 ? (
        <p className="notice">The two revisions read the same.</p>
      ) : layout === "inline" ? (
        <div className="diff-body">
          {sections.map((section, i) =>
            "folded" in section ? (
              <details key={i} className="diff-folded">
                <summary>
                  {section.folded.length} unchanged {section.folded.length === 1 ? "block" : "blocks"}
                </summary>
                {section.folded.map((row, j) => (
                  <InlineRow key={j} row={row} labels={labels} files={files} changeId={undefined} total={diff.changeCount} prefix={prefix} />
                ))}
              </details>
            ) : (
              <InlineRow key={i} row={section.row} labels={labels} files={files} changeId={changeIds.get(section.row)} total={diff.changeCount} prefix={prefix} />
            ),
          )}
        </div>
      ) : (
        <div className="table-scroll">
          <table className="diff-table">
            <caption className="visually-hidden">
              Revision {from.number} on the left, revision {to.number} on the right
            </caption>
            <thead>
              <tr>
                <th scope="col">Revision {from.number}</th>
                <th scope="col">Revision {to.number}</th>
              </tr>
            </thead>
            <tbody>
              {sections.map((section, i) =>
                "folded" in section ? (
                  <tr key={i} className="diff-folded">
                    <td colSpan={2}>
                      {section.folded.length} unchanged {section.folded.length === 1 ? "block" : "blocks"}
                    </td>
                  </tr>
                ) : (
                  <SideRow key={i} row={section.row} labels={labels} files={files} changeId={changeIds.get(section.row)} total={diff.changeCount} prefix={prefix} />
                ),
              )}
            </tbody>
          </table>
        </div>
      )}

      <ReferenceChanges formatted={comparison.formatted} changes={diff.references} labels={labels} prefix={prefix} />
    </div>
  );
}

/** Rows to show, with long runs of unchanged blocks away from any change folded together. */
function foldUnchanged(rows: DiffRow[]): ({ row: DiffRow } | { folded: DiffRow[] })[] {
  const near = rows.map((_, i) => rows.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((r) => r.op !== "equal"));
  const sections: ({ row: DiffRow } | { folded: DiffRow[] })[] = [];
  rows.forEach((row, i) => {
    if (row.op !== "equal" || near[i]) {
      sections.push({ row });
      return;
    }
    const last = sections.at(-1);
    if (last && "folded" in last) last.folded.push(row);
    else sections.push({ folded: [row] });
  });
  return sections;
}

const BADGES: Record<Exclude<DiffRow["op"], "equal">, string> = {
  added: "Added",
  removed: "Removed",
  changed: "Changed",
  "moved-from": "Moved away",
  "moved-to": "Moved here",
};

function rowLabel(row: DiffRow): string {
  return "block" in row ? row.block.label : row.after.label;
}

/** The heading of a change: what happened, to which kind of block, and links to the changes around it. */
function ChangeHeading({ row, changeId, total, prefix }: { row: DiffRow; changeId: number; total: number; prefix: string }) {
  if (row.op === "equal") return null;
  return (
    <p className="diff-label">
      <strong>{row.op === "changed" && row.fileChanged ? "Another version of the file" : BADGES[row.op]}</strong> · {rowLabel(row)}
      {"moveId" in row && (
        <>
          {" · "}
          <a href={`#${prefix}move-${row.moveId}-${row.op === "moved-from" ? "to" : "from"}`}>{row.op === "moved-from" ? "see where it went" : "see where it was"}</a>
        </>
      )}
      <span className="diff-step">
        {changeId > 1 && <a href={`#${prefix}change-${changeId - 1}`}>Previous change</a>}
        {changeId < total && <a href={`#${prefix}change-${changeId + 1}`}>Next change</a>}
      </span>
    </p>
  );
}

function Block({ block, children }: { block: DiffBlock; children: ReactNode }) {
  if (block.kind === "hr") return <hr />;
  if (block.kind === "pre") return <pre>{children}</pre>;
  return <div className={`diff-block diff-${block.kind}`}>{children}</div>;
}

function rowAnchor(prefix: string, row: DiffRow): string | undefined {
  return "moveId" in row ? `${prefix}move-${row.moveId}-${row.op === "moved-from" ? "from" : "to"}` : undefined;
}

/** The picture (or file) a figure shows on one side, small, beside its caption. */
function FilePreview({ name, media, side }: { name: string; media: RenderMedia | undefined; side: string }) {
  return (
    <figure className="diff-file">
      {media?.picture && media.width && media.height ? (
        <a href={media.href}>
          <MediaPicture picture={media.picture} width={media.width} height={media.height} alt={media.alt} sizes="160px" />
        </a>
      ) : media ? (
        <a href={media.href}>{name}</a>
      ) : (
        <span className="media-missing">{name} (file does not exist)</span>
      )}
      <figcaption>{side}</figcaption>
    </figure>
  );
}

/** A figure's files beside it: each side's in a changed row, the one side's otherwise. */
function RowFiles({ row, files, show }: { row: DiffRow; files: Files; show: "both" | "before" | "after" }) {
  const sides: { name: string; media: RenderMedia | undefined; side: string }[] = [];
  if (row.op === "changed") {
    if (row.before.media && show !== "after") sides.push({ name: row.before.media, media: files.from.get(row.before.media), side: "Before" });
    if (row.after.media && show !== "before") sides.push({ name: row.after.media, media: files.to.get(row.after.media), side: "After" });
  } else if (row.block.media) {
    const older = row.op === "removed" || row.op === "moved-from";
    sides.push({ name: row.block.media, media: (older ? files.from : files.to).get(row.block.media), side: row.op === "equal" ? "Unchanged" : BADGES[row.op] });
  }
  if (!sides.length) return null;
  return (
    <div className="diff-files">
      {sides.map((file) => (
        <FilePreview key={file.side} {...file} />
      ))}
    </div>
  );
}

function InlineRow({ row, labels, files, changeId, total, prefix }: { row: DiffRow; labels: Labels; files: Files; changeId: number | undefined; total: number; prefix: string }) {
  const content =
    row.op === "changed" ? (
      <Block block={row.after}>
        <RowFiles row={row} files={files} show="both" />
        <InlineDiff parts={row.parts} show="both" labels={labels} />
      </Block>
    ) : (
      <Block block={row.block}>
        <RowFiles row={row} files={files} show="both" />
        <Marked op={row.op}>
          <DiffTokens tokens={row.block.tokens} labels={row.op === "removed" || row.op === "moved-from" ? labels.before : labels.after} />
        </Marked>
      </Block>
    );
  return (
    <div className={`diff-row diff-${row.op}`}>
      {changeId !== undefined && <span id={`${prefix}change-${changeId}`} />}
      <div id={rowAnchor(prefix, row)}>
        {changeId !== undefined && <ChangeHeading row={row} changeId={changeId} total={total} prefix={prefix} />}
        {content}
      </div>
    </div>
  );
}

/** Whole blocks added or removed carry the same marks as words, for the same reasons. */
function Marked({ op, children }: { op: DiffRow["op"]; children: ReactNode }) {
  if (op === "added" || op === "moved-to") return <ChangeMark change="insert">{children}</ChangeMark>;
  if (op === "removed" || op === "moved-from") return <ChangeMark change="delete">{children}</ChangeMark>;
  return <>{children}</>;
}

function SideRow({ row, labels, files, changeId, total, prefix }: { row: DiffRow; labels: Labels; files: Files; changeId: number | undefined; total: number; prefix: string }) {
  const heading = changeId !== undefined && (
    <tr className="diff-row-heading" id={`${prefix}change-${changeId}`}>
      <td colSpan={2}>
        <ChangeHeading row={row} changeId={changeId} total={total} prefix={prefix} />
      </td>
    </tr>
  );
  let left: ReactNode = null;
  let right: ReactNode = null;
  if (row.op === "changed") {
    left = (
      <Block block={row.before}>
        <RowFiles row={row} files={files} show="before" />
        <InlineDiff parts={row.parts} show="before" labels={labels} />
      </Block>
    );
    right = (
      <Block block={row.after}>
        <RowFiles row={row} files={files} show="after" />
        <InlineDiff parts={row.parts} show="after" labels={labels} />
      </Block>
    );
  } else {
    const tokens = <DiffTokens tokens={row.block.tokens} labels={row.op === "removed" || row.op === "moved-from" ? labels.before : labels.after} />;
    const block = (
      <Block block={row.block}>
        <RowFiles row={row} files={files} show="both" />
        <Marked op={row.op}>{tokens}</Marked>
      </Block>
    );
    if (row.op !== "added" && row.op !== "moved-to") left = block;
    if (row.op !== "removed" && row.op !== "moved-from") right = block;
  }
  return (
    <>
      {heading}
      <tr className={`diff-row diff-${row.op}`} id={rowAnchor(prefix, row)}>
        <td>{left}</td>
        <td>{right}</td>
      </tr>
    </>
  );
}

const STATUS_TEXT: Record<ReferenceChange["status"], string> = { added: "Added", removed: "Removed", changed: "Cited differently" };

/** The References part of a diff: sources added and removed, and citations that came or went. */
function ReferenceChanges({ changes, labels, prefix, formatted }: { changes: ReferenceChange[]; labels: Labels; prefix: string; formatted: Map<string, string> }) {
  return (
    <section className="diff-references" aria-labelledby={`${prefix}diff-references`}>
      <h2 id={`${prefix}diff-references`}>References</h2>
      {changes.length === 0 ? (
        <p>No source was added or removed, and every citation is as it was.</p>
      ) : (
        <ul>
          {changes.map((change) => {
            const source = labels.after.sources?.get(change.sourceId);
            const number = change.status === "removed" ? labels.before.numbers.get(change.sourceId) : labels.after.numbers.get(change.sourceId);
            return (
              <li key={change.sourceId} className={`diff-reference-${change.status}`}>
                <strong>{STATUS_TEXT[change.status]}</strong> [{number}]{" "}
                {source ? <SourceCitation html={formatted.get(source.id)} title={source.title} /> : <span className="source-missing">A source no longer in the library.</span>}{" "}
                <span className="diff-uses">{usesText(change)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function usesText(change: ReferenceChange): string {
  const count = (n: number) => `${n} ${n === 1 ? "citation" : "citations"}`;
  if (change.status === "added") return `(${count(change.usesAfter)})`;
  if (change.status === "removed") return `(${count(change.usesBefore)} removed)`;
  const locators =
    change.locatorsBefore.join("; ") !== change.locatorsAfter.join("; ")
      ? `; locators ${change.locatorsBefore.join("; ") || "none"} → ${change.locatorsAfter.join("; ") || "none"}`
      : "";
  return `(${count(change.usesBefore)} → ${count(change.usesAfter)}${locators})`;
}
