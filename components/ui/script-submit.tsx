"use client";

import { type ReactNode, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * The submit button of a form that sends through script, disabled until React has made the page
 * live (and while `pending`): a click on the server's HTML alone would otherwise submit the form
 * natively, as a GET carrying every field (a password among them) in the address. Without
 * JavaScript it says the form needs it.
 */
export function ScriptSubmit({ pending = false, children }: { pending?: boolean; children: ReactNode }) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <>
      <noscript>
        <p className="form-error">This form needs JavaScript, which is off in this browser.</p>
      </noscript>
      <button type="submit" disabled={pending || !hydrated}>
        {children}
      </button>
    </>
  );
}
