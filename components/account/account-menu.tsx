"use client";

import Link from "next/link";
import { SessionProvider, signOut, useSession } from "next-auth/react";

function Menu() {
  const { data, status } = useSession();
  const account = data?.account;
  if (status === "loading") return null;
  if (!account) {
    return (
      <li>
        <Link href="/login">Sign in</Link>
      </li>
    );
  }
  return (
    <>
      {account.role === "admin" && (
        <>
          <li>
            <Link href="/admin/users">Accounts</Link>
          </li>
          <li>
            <Link href="/admin/settings">Settings</Link>
          </li>
        </>
      )}
      <li>
        <span className="account-name">{account.name}</span>
      </li>
      <li>
        <button type="button" className="link-button" onClick={() => signOut({ callbackUrl: "/" })}>
          Sign out
        </button>
      </li>
    </>
  );
}

/**
 * The signed-in part of the header. It asks for the session from the browser, so the pages around
 * it stay the same for everyone and can be cached.
 */
export function AccountMenu() {
  return (
    <SessionProvider>
      <Menu />
    </SessionProvider>
  );
}
