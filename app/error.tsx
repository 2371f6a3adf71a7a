"use client";

import Link from "next/link";

/**
 * What a reader sees when something fails unexpectedly while a page is made: what happened, a way
 * to try again and a way back, never a blank page. The reference (the error's digest) is what the
 * server's log names, for whoever runs the site.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <article className="prose" aria-labelledby="error-title">
      <h1 id="error-title">Something went wrong</h1>
      <p>This page could not be shown just now. Nothing you wrote was lost: every saved change is kept in its page&apos;s history.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        or <Link href="/">go to the start page</Link>, or <Link href="/recent">see what changed lately</Link>.
      </p>
      {error.digest && <p className="hint">If it happens again, the site&apos;s administrator can look it up as error {error.digest}.</p>}
    </article>
  );
}
