"use client";

import { useEffect, useRef } from "react";
import { InlineDiff } from "@/components/history/diff-tokens";
import { citationNumbers, type DiffToken, diffTokens, flattenBlocks } from "@/lib/content/diff";
import type { DocumentJSON, NodeJSON } from "@/lib/content/document";
import type { ConflictDetails } from "@/lib/wiki/revisions";

// Each side marks what only it has.
const ONLY_HERE = { insert: "only in your version", delete: "only in their version" };

/** The passages' words, links and citation markers, a line break between blocks. */
function passageTokens(blocks: NodeJSON[]): DiffToken[] {
  return flattenBlocks({ type: "doc", content: blocks }).flatMap((block, i) => (i ? [{ text: "\n" }, ...block.tokens] : block.tokens));
}

/**
 * Shown when someone else saved the same passages meanwhile: both versions side by side, the words
 * that differ marked in each, and a choice of which to continue from. It takes the focus when it
 * opens, so nobody misses it below the text. Nothing is saved until the editor saves again.
 */
export function ConflictPanel({ conflict, onResolve }: { conflict: ConflictDetails; onResolve: (doc: DocumentJSON) => void }) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.scrollIntoView({ block: "start" });
    panel.current?.focus();
  }, [conflict]);
  // Citation markers numbered as each whole version numbers them.
  const labels = {
    before: { numbers: citationNumbers(conflict.theirs) },
    after: { numbers: citationNumbers(conflict.resolved?.mine ?? conflict.theirs) },
  };
  return (
    <section className="conflict" aria-labelledby="conflict-heading" ref={panel} tabIndex={-1}>
      <h2 id="conflict-heading">Your edit conflicts with revision {conflict.latestNumber}</h2>
      <p>Someone else changed the same passages while you were editing. Compare them (what differs is marked), then choose where to continue from.</p>
      {conflict.conflicts.map((c, i) => {
        const [mine, theirs] = [passageTokens(c.mine), passageTokens(c.theirs)];
        const parts = diffTokens(theirs, mine);
        return (
          <div key={i} className="conflict-pair">
            <div>
              <h3>Your version</h3>
              <p className="conflict-text">{mine.length ? <InlineDiff parts={parts} show="after" labels={labels} names={ONLY_HERE} /> : <Removed />}</p>
            </div>
            <div>
              <h3>Their version (revision {conflict.latestNumber})</h3>
              <p className="conflict-text">{theirs.length ? <InlineDiff parts={parts} show="before" labels={labels} names={ONLY_HERE} /> : <Removed />}</p>
            </div>
          </div>
        );
      })}
      <div className="button-row">
        {conflict.resolved && (
          <button type="button" onClick={() => onResolve(conflict.resolved!.mine)}>
            Continue with my version of these passages
          </button>
        )}
        <button type="button" className="secondary" onClick={() => onResolve(conflict.resolved?.theirs ?? conflict.theirs)}>
          Continue with their version
        </button>
      </div>
    </section>
  );
}

function Removed() {
  return <em>(removed)</em>;
}
