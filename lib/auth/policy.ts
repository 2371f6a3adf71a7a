import type { Account } from "../wiki/accounts";

export type Action = "read" | "edit" | "move" | "review" | "rollback" | "protect" | "delete" | "manageAccounts";

/** What a page tells the policy about itself. */
export interface PageFacts {
  protected?: boolean;
}

const RANK = { reader: 0, editor: 1, reviewer: 2, admin: 3 } as const;

/**
 * The one place that decides who may do what. Actions refuse with it; the UI hides with it.
 * Anyone may read; blocked accounts may do nothing more than an anonymous visitor.
 */
export function can(account: Account | null, action: Action, page?: PageFacts): boolean {
  if (action === "read") return true;
  if (!account || account.blocked) return false;
  const rank = RANK[account.role];
  switch (action) {
    case "edit":
    case "move":
      return page?.protected ? rank >= RANK.reviewer : rank >= RANK.editor;
    case "review":
    case "rollback":
    case "protect":
      return rank >= RANK.reviewer;
    case "delete":
    case "manageAccounts":
      return rank >= RANK.admin;
  }
}
