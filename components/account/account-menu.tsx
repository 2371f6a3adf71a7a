"use client";

import Link from "next/link";
import { signOut, useSession } from "next-auth/react";
import { can } from "@/lib/auth/policy";

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
        <Link href="/notifications">Notifications</Link>
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
