import type { Role } from "../validation/account";
import { AppError } from "../errors";
import type { Account } from "./account";

/** Everything the policy decides on. Reading is everyone's; the rest are listed in `RULES`. */
export type Action = "read" | "watch" | "edit" | "upload" | "changeSources" | "move" | "review" | "rollback" | "protect" | "delete" | "manageAccounts" | "manageSettings";

/** What a page tells the policy about itself. */
export interface PageFacts {
  protected?: boolean;
}

interface Rule {
  /** The least role that may. */
  least: Role;
  /** The least role that may on a protected page, when that is more. */
  leastWhenProtected?: Role;
  /** Said to someone signed out. */
  signIn: string;
  /** Said to someone signed in whose role is not enough. */
  refused: string;
  refusedWhenProtected?: string;
}

const RULES: Record<Exclude<Action, "read">, Rule> = {
  watch: { least: "reader", signIn: "Sign in to watch pages and read your notifications.", refused: "" },
  edit: {
    least: "editor",
    leastWhenProtected: "reviewer",
    signIn: "Sign in to edit.",
    refused: "Your account cannot edit pages.",
    refusedWhenProtected: "This page is protected: only reviewers and administrators can edit it.",
  },
  upload: { least: "editor", signIn: "Sign in to upload files.", refused: "Your account cannot upload files." },
  changeSources: { least: "editor", signIn: "Sign in to add or change sources.", refused: "Your account cannot add or change sources." },
  move: {
    least: "editor",
    leastWhenProtected: "reviewer",
    signIn: "Sign in to rename pages.",
    refused: "Your account cannot rename pages.",
    refusedWhenProtected: "This page is protected: only reviewers and administrators can rename it.",
  },
  review: { least: "reviewer", signIn: "Sign in to review.", refused: "Only reviewers and administrators review revisions." },
  rollback: { least: "reviewer", signIn: "Sign in to roll back edits.", refused: "Only reviewers and administrators can roll back edits." },
  protect: { least: "reviewer", signIn: "Sign in to protect pages.", refused: "Only reviewers and administrators protect pages and set their review policy." },
  delete: { least: "admin", signIn: "Sign in to delete pages.", refused: "Only administrators can delete and restore pages." },
  manageAccounts: { least: "admin", signIn: "Sign in to manage accounts.", refused: "Only administrators manage accounts and API tokens." },
  manageSettings: { least: "admin", signIn: "Sign in to change site settings.", refused: "Only administrators change site settings." },
};

const RANK = { reader: 0, editor: 1, reviewer: 2, admin: 3 } as const;

/** Why an account may not, or null when it may. */
function refusal(account: Account | null, action: Action, page?: PageFacts): AppError | null {
  if (action === "read") return null;
  const rule = RULES[action];
  if (!account) return new AppError("UNAUTHENTICATED", rule.signIn);
  if (account.blocked) return new AppError("FORBIDDEN", "This account is blocked: it may read, and nothing more.");
  const least = (page?.protected && rule.leastWhenProtected) || rule.least;
  if (RANK[account.role] >= RANK[least]) return null;
  return new AppError("FORBIDDEN", (page?.protected && rule.refusedWhenProtected) || rule.refused);
}

/**
 * The one place that decides who may do what: anyone reads; signed-in people watch; editors edit,
 * upload, change sources and rename unprotected pages; reviewers also edit and rename protected
 * ones, review, roll back and protect; administrators also delete and manage accounts and settings.
 * A blocked account may do no more than someone signed out. The interface hides with `can`.
 */
export function can(account: Account | null, action: Action, page?: PageFacts): boolean {
  return refusal(account, action, page) === null;
}

/**
 * Services enforce with this: the account, when it may; otherwise it throws, 401 with the action's
 * sign-in message for someone signed out, 403 with its refusal for someone who may not.
 */
export function authorize(account: Account | null, action: Action, page?: PageFacts): Account {
  const refused = refusal(account, action, page);
  if (refused) throw refused;
  return account!;
}
