"use client";

import { type DocumentJSON, type NodeJSON, textContent } from "@/lib/content/document";
import type { ConflictDetails } from "@/lib/wiki/revisions";

const text = (blocks: NodeJSON[]) => blocks.map(textContent).join("\n\n") || "(removed)";

/**
 * Shown when someone else saved the same passages meanwhile: both versions side by side, and a
 * choice of which to continue from. Nothing is saved until the editor saves again.
 */
export function ConflictPanel({ conflict, onResolve }: { conflict: ConflictDetails; onResolve: (doc: DocumentJSON) => void }) {
  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">Your edit conflicts with revision {conflict.latestNumber}</h2>
      <p>Someone else changed the same passages while you were editing. Compare them, then choose where to continue from.</p>
      {conflict.conflicts.map((c, i) => (
        <div key={i} className="conflict-pair">
          <div>
            <h3>Your version</h3>
            <p className="conflict-text">{text(c.mine)}</p>
          </div>
          <div>
            <h3>Their version (revision {conflict.latestNumber})</h3>
            <p className="conflict-text">{text(c.theirs)}</p>
          </div>
        </div>
      ))}
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
