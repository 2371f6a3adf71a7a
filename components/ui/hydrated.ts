"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False in the server's HTML and until React has made the page live, true after. Forms that send
 * through script keep their button disabled until then: a click on the HTML alone would otherwise
 * submit them natively, as a GET carrying every field (a password among them) in the address.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
