"use client";

import { useEffect, useState } from "react";

/** What the editor saved, told to the page it goes to next. */
interface SavedEdit {
  pageId: string;
  number: number;
  pending: boolean;
  merged: boolean;
}

// Kept for the tab only, and read once: a reload or a later visit does not say it again.
const SAVED_KEY = "palimpsest:saved";

/** Remembers a save for the article page the editor goes to next (a full page load away). */
export function rememberSave(saved: SavedEdit): void {
  try {
    sessionStorage.setItem(SAVED_KEY, JSON.stringify(saved));
  } catch {
    // Storage refused: the page simply shows no notice.
  }
}

function takeSave(pageId: string): SavedEdit | null {
  try {
    const stored = sessionStorage.getItem(SAVED_KEY);
    if (!stored) return null;
    const saved = JSON.parse(stored) as SavedEdit;
    if (saved.pageId !== pageId || !Number.isInteger(saved.number)) return null;
    sessionStorage.removeItem(SAVED_KEY);
    return saved;
  } catch {
    return null;
  }
}

/**
 * "Saved as revision 7" on the article an edit was just saved to. Read in the browser after the page is shown,
 * so the page itself stays the same for every reader (and cacheable).
 */
export function SaveNotice({ pageId }: { pageId: string }) {
  const [saved, setSaved] = useState<SavedEdit | null>(null);
  // The tab's storage is read once the page is live (the server has none), and taken once.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setSaved(takeSave(pageId)), [pageId]);
  if (!saved) return null;
  return (
    <p className="notice save-notice" role="status">
      Saved as revision {saved.number}
      {saved.merged && ", merged with the changes made while you edited"}.{saved.pending && " It waits for a reviewer’s approval before readers see it."}
    </p>
  );
}
