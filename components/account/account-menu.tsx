"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut, useSession } from "next-auth/react";
import { can } from "@/lib/auth/policy";

/** The sign-in page, coming back here afterwards. */
const signInHref = (path: string | null) => (path && path !== "/login" ? `/login?${new URLSearchParams({ callbackUrl: path })}` : "/login");

function Menu() {
  const { data, status } = useSession();
  const path = usePathname();
  const account = data?.account;
  const unread = data?.unreadNotifications ?? 0;
  // Until the session is known the menu is empty; without JavaScript it never will be, so the page
  // as sent holds a plain sign-in link for browsers that run no script.
  if (status === "loading") {
    return (
      <noscript>
        <li>
          <a href={signInHref(path)}>Sign in</a>
        </li>
      </noscript>
    );
  }
  if (!account) {
    return (
      <li>
        <Link href={signInHref(path)}>Sign in</Link>
      </li>
    );
  }
  return (
    <>
      {can(account, "manageAccounts") && (
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
        <Link href="/watchlist">Watchlist</Link>
      </li>
      <li>
        <Link href="/review">Review</Link>
      </li>
      <li>
        <Link href="/notifications" aria-label={unread ? `Notifications, ${unread} unread` : undefined}>
          Notifications
          {unread > 0 && (
            <span className="count-badge" aria-hidden="true">
              {unread}
            </span>
          )}
        </Link>
      </li>
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

/** The signed-in part of the header (within {@link Session}). */
export function AccountMenu() {
  return <Menu />;
}
