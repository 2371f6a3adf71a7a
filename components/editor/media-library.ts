"use client";

import { useEffect, useSyncExternalStore } from "react";
import type { PictureSources } from "@/lib/media/serving";

/** A file of the media library as `GET /api/media` lists it. */
export interface LibraryFile {
  name: string;
  description: string;
  alt: string;
  /** The file's page in the library. */
  href: string;
  version: { number: number; type: string; label: string; size: number; width: number | null; height: number | null; url: string; picture: PictureSources | null };
}

// What the editor knows of the files its figures show, shared by every figure and the save form:
// a file, null when there is no file of that name, absent while not asked for yet.
const known = new Map<string, LibraryFile | null>();
const asked = new Set<string>();
const listeners = new Set<() => void>();
let revision = 0;

function changed() {
  revision++;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** Searches the library by name or description (the first 50 answers), remembering what it finds. */
export async function searchLibrary(query: string, type?: "image"): Promise<LibraryFile[]> {
  const params = new URLSearchParams({ q: query });
  if (type) params.set("type", type);
  const response = await fetch(`/api/media?${params}`);
  if (!response.ok) throw new Error("The media library could not be searched.");
  const { entries } = (await response.json()) as { entries: LibraryFile[] };
  for (const entry of entries) known.set(entry.name, entry);
  if (entries.length) changed();
  return entries;
}

/** The file of this name as the library has it now (null when there is none), asked afresh. */
export async function fetchLibraryFile(name: string): Promise<LibraryFile | null> {
  // A search answers 200 for a missing name, where the file's own address would log a 404.
  const found = (await searchLibrary(name)).find((entry) => entry.name === name) ?? null;
  if (!found) {
    known.set(name, null);
    changed();
  }
  return found;
}

/** What the editor knows of a file, asking the library once; undefined until it answers. */
export function useLibraryFile(name: string): LibraryFile | null | undefined {
  const file = useSyncExternalStore(
    subscribe,
    () => known.get(name),
    () => undefined,
  );
  useEffect(() => {
    if (!name || asked.has(name) || known.has(name)) return;
    asked.add(name);
    fetchLibraryFile(name).catch(() => asked.delete(name));
  }, [name]);
  return file;
}

/** The alt text of a file the editor knows of; undefined for files not known or missing. */
export function knownFileAlt(name: string): string | undefined {
  return known.get(name)?.alt;
}

/** A number that changes whenever the editor learns something about a file. */
export function useLibraryRevision(): number {
  return useSyncExternalStore(
    subscribe,
    () => revision,
    () => 0,
  );
}

export type UploadOutcome = { ok: true; file: LibraryFile } | { ok: false; message: string };

/**
 * Uploads a file through the media API under a name, with optional alt text, and returns the file
 * as the library has it now. A refusal comes back as its message; nothing is stored then.
 */
export async function uploadToLibrary(file: File, name: string, alt = ""): Promise<UploadOutcome> {
  const form = new FormData();
  form.set("file", file);
  form.set("name", name);
  if (alt.trim()) form.set("alt", alt.trim());
  try {
    const response = await fetch("/api/media", { method: "POST", body: form });
    const body = (await response.json().catch(() => null)) as { name?: string; error?: { message: string; fieldErrors?: Record<string, string> } } | null;
    if (!response.ok || !body?.name) {
      const fieldErrors = Object.values(body?.error?.fieldErrors ?? {});
      return { ok: false, message: [body?.error?.message ?? "The upload failed; try again.", ...fieldErrors.filter((e) => e !== body?.error?.message)].join(" ") };
    }
    const stored = await fetchLibraryFile(body.name);
    return stored ? { ok: true, file: stored } : { ok: false, message: "The file was stored but cannot be found in the library; try again." };
  } catch {
    return { ok: false, message: "The upload could not reach the server; try again." };
  }
}
