import type { Account } from "../auth/account";
import { authorize } from "../auth/policy";
import type { DbOrTx } from "../db";

export interface NotificationItem {
  id: number;
  kind: string;
  message: string;
  link: string;
  createdAt: Date;
  read: boolean;
}

/** A person's newest notifications, and how many are unread. */
export async function listNotifications(db: DbOrTx, account: Account | null, limit = 50): Promise<{ items: NotificationItem[]; unread: number }> {
  const { id: userId } = authorize(account, "watch");
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      orderBy: { id: "desc" },
      take: limit,
      select: { id: true, kind: true, message: true, link: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return { items: rows.map(({ readAt, ...row }) => ({ ...row, read: !!readAt })), unread };
}

/** How many of a person's notifications are unread (for the header, on every session check: one counted query). */
export async function unreadCount(db: DbOrTx, account: Account): Promise<number> {
  return db.notification.count({ where: { userId: account.id, readAt: null } });
}

/** Marks every notification of a person as read. */
export async function markNotificationsRead(db: DbOrTx, account: Account | null): Promise<void> {
  const { id: userId } = authorize(account, "watch");
  await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
}
