import { describe, expect, it } from "vitest";
import type { Account } from "../wiki/accounts";
import { can } from "./policy";

const account = (role: Account["role"], blocked = false): Account => ({ id: role, email: `${role}@x`, name: role, role, blocked });

describe("the permission policy", () => {
  it("lets anyone read", () => {
    expect(can(null, "read")).toBe(true);
  });

  it("lets editors and above edit, and only reviewers and admins edit protected pages", () => {
    expect([null, account("reader"), account("editor"), account("reviewer"), account("admin")].map((a) => can(a, "edit"))).toEqual([false, false, true, true, true]);
    expect(["editor", "reviewer", "admin"].map((r) => can(account(r as Account["role"]), "edit", { protected: true }))).toEqual([false, true, true]);
  });

  it("keeps review to reviewers and admins, and accounts to admins", () => {
    expect(["reader", "editor", "reviewer", "admin"].map((r) => can(account(r as Account["role"]), "review"))).toEqual([false, false, true, true]);
    expect(["reader", "editor", "reviewer", "admin"].map((r) => can(account(r as Account["role"]), "manageAccounts"))).toEqual([false, false, false, true]);
  });

  it("gives blocked accounts nothing beyond reading", () => {
    expect(["edit", "review", "manageAccounts"].map((action) => can(account("admin", true), action as "edit"))).toEqual([false, false, false]);
  });
});
