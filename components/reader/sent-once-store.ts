/**
 * Where HTML waits between React's server pass and its HTML pass of one request (both run in this
 * process, as separate bundles: the store lives on globalThis). Shared by sent-once.ts, which puts,
 * and sent-once-view.tsx, which takes; nothing here runs in the browser.
 */
export function sentOnceStore(): Map<string, string> {
  const holder = globalThis as { palimpsestSentOnce?: Map<string, string> };
  holder.palimpsestSentOnce ??= new Map();
  return holder.palimpsestSentOnce;
}
