import type { Metadata } from "next";
import { connection } from "next/server";
import { SignInPrompt } from "@/components/account/sign-in-prompt";
import { formatTime } from "@/components/history/revision-line";
import { ActionForm } from "@/components/ui/action-form";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listNotifications } from "@/lib/wiki/notifications";
import { markReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications", robots: { index: false } };

/** What happened to one's revisions: approvals and rejections, with the reviewer's words. */
export default async function NotificationsPage() {
  await connection();
  const account = await currentAccount();
  if (!account) return <SignInPrompt title="Notifications" to="to see your notifications" back="/notifications" />;
  const { items, unread } = await listNotifications(db, account);
  return (
    <article className="history" aria-labelledby="notifications-title">
      <h1 id="notifications-title">Notifications</h1>
      <p>{unread === 0 ? "Nothing new." : `${unread} new.`}</p>
      {items.length === 0 ? (
        <p>When your revisions are reviewed, you will read about it here.</p>
      ) : (
        <ul className="change-list notifications">
          {items.map((n) => (
            <li key={n.id} className={n.read ? undefined : "unread"}>
              {!n.read && <strong className="badge">New </strong>}
              <time dateTime={n.createdAt.toISOString()}>{formatTime(n.createdAt)}</time> · <a href={n.link}>{n.message}</a>
            </li>
          ))}
        </ul>
      )}
      {unread > 0 && <ActionForm action={markReadAction} fields={{}} label="Mark all as read" />}
    </article>
  );
}
