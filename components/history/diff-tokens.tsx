import type { ReactNode } from "react";
import type { DiffToken, InlinePart } from "@/lib/content/diff";
import { inlineSegments, tokensText } from "@/lib/content/diff";
import { pageHref } from "@/lib/content/page-id";
import type { RenderSource } from "@/lib/content/render";
import { safeUrl } from "@/lib/content/url";

export interface CitationLabels {
  /** The sources, when known: a marker then names its source, or says it is missing. */
  sources?: ReadonlyMap<string, RenderSource>;
  /** Citation numbers on the side the tokens come from. */
  numbers: ReadonlyMap<string, number>;
}

const sameStyle = (a: DiffToken, b: DiffToken) => a.format === b.format && a.href === b.href && a.target === b.target && !a.sourceId && !b.sourceId;

/** Tokens as readers see them: runs with one format or link become one element. */
export function DiffTokens({ tokens, labels }: { tokens: DiffToken[]; labels: CitationLabels }) {
  const runs: DiffToken[][] = [];
  for (const token of tokens) {
    const run = runs.at(-1);
    if (run && sameStyle(run[0], token)) run.push(token);
    else runs.push([token]);
  }
  return (
    <>
      {runs.map((run, i) => {
        const first = run[0];
        if (first.sourceId) {
          const number = labels.numbers.get(first.numberKey ?? first.sourceId);
          const title = labels.sources ? (labels.sources.get(first.sourceId)?.title ?? "Source missing") : null;
          const described = [title, first.locator].filter(Boolean).join(", ");
          return (
            <sup key={i} className="citation" title={described || undefined}>
              <span className="visually-hidden">Reference </span>[{number ?? "?"}]
            </sup>
          );
        }
        return <StyledRun key={i} token={first} text={tokensText(run)} />;
      })}
    </>
  );
}

function StyledRun({ token, text }: { token: DiffToken; text: string }) {
  let node: ReactNode = text.includes("\n") ? text.split("\n").flatMap((line, i) => (i ? [<br key={i} />, line] : [line])) : text;
  const format = token.format ?? "";
  if (format.includes("c")) node = <code>{node}</code>;
  if (format.includes("s")) node = <s>{node}</s>;
  if (format.includes("u")) node = <u>{node}</u>;
  if (format.includes("i")) node = <em>{node}</em>;
  if (format.includes("b")) node = <strong>{node}</strong>;
  if (token.target) {
    const [target, fragment] = token.target.split("#");
    node = (
      <a className="wikilink" href={pageHref(target, fragment || null)}>
        {node}
      </a>
    );
  } else if (token.href) {
    const href = safeUrl(token.href);
    if (href) {
      node = (
        <a className="external" href={href} rel="nofollow noopener noreferrer">
          {node}
        </a>
      );
    }
  }
  return <>{node}</>;
}

/**
 * One side of a changed block, or both sides in place: insertions and deletions are marked with
 * `<ins>`/`<del>` (underlined, struck through) and named for screen readers, so colour is never the
 * only cue.
 */
export function InlineDiff({
  parts,
  show,
  labels,
  names,
}: {
  parts: InlinePart[];
  show: "both" | "before" | "after";
  labels: { before: CitationLabels; after: CitationLabels };
  /** What screen readers hear a change called, when not "inserted" and "deleted". */
  names?: { insert: string; delete: string };
}) {
  // One side alone keeps the spaces its own words had (a replacement's space belongs to both).
  const shown = show === "both" ? parts : parts.filter((part) => part.op === "equal" || part.op === (show === "after" ? "insert" : "delete"));
  return (
    <>
      {inlineSegments(shown).map((segment, i) => {
        if (segment.op === "equal") return <DiffTokens key={i} tokens={segment.tokens} labels={show === "before" ? labels.before : labels.after} />;
        return (
          <span key={i}>
            {segment.lead}
            <ChangeMark change={segment.op} name={names?.[segment.op]}>
              <DiffTokens tokens={segment.tokens} labels={segment.op === "delete" ? labels.before : labels.after} />
            </ChangeMark>
          </span>
        );
      })}
    </>
  );
}

/** Inserted or deleted content: underlined or struck through, and named for screen readers. */
export function ChangeMark({ change, name, children }: { change: "insert" | "delete"; name?: string; children: ReactNode }) {
  const Tag = change === "insert" ? "ins" : "del";
  return (
    <Tag>
      <span className="visually-hidden">[{name ?? (change === "insert" ? "inserted" : "deleted")}: </span>
      {children}
      <span className="visually-hidden">]</span>
    </Tag>
  );
}
