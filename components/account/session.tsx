"use client";

import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";

/**
 * One session for every client component on the page (the account menu, notices for editors),
 * asked for from the browser so the pages themselves stay the same for everyone and can be cached.
 */
export function Session({ children }: { children: ReactNode }) {
  return <SessionProvider>{children}</SessionProvider>;
}
