import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import type { Account } from "./account";
import { type Action, authorize, can } from "./policy";

const person = (role: Account["role"], blocked = false): Account => ({ id: role, email: `${role}@x`, name: role, role, blocked });

// Who may do what: every kind of visitor, on an ordinary and a protected page.
const WHO = { anonymous: null, blocked: person("admin", true), reader: person("reader"), editor: person("editor"), reviewer: person("reviewer"), admin: person("admin") };
type Who = keyof typeof WHO;
const ALL: Who[] = ["anonymous", "blocked", "reader", "editor", "reviewer", "admin"];
const SIGNED_IN: Who[] = ["reader", "editor", "reviewer", "admin"];
const EDITORS: Who[] = ["editor", "reviewer", "admin"];
const REVIEWERS: Who[] = ["reviewer", "admin"];
const ADMINS: Who[] = ["admin"];

const MATRIX: [Action, { protected?: boolean } | undefined, Who[]][] = [
  ["read", undefined, ALL],
  ["read", { protected: true }, ALL],
  ["watch", undefined, SIGNED_IN],
  ["edit", undefined, EDITORS],
  ["edit", { protected: true }, REVIEWERS],
  ["move", undefined, EDITORS],
  ["move", { protected: true }, REVIEWERS],
  ["upload", undefined, EDITORS],
  ["changeSources", undefined, EDITORS],
  ["review", undefined, REVIEWERS],
  ["rollback", undefined, REVIEWERS],
  ["protect", undefined, REVIEWERS],
  ["delete", undefined, ADMINS],
  ["manageAccounts", undefined, ADMINS],
  ["manageSettings", undefined, ADMINS],
];

describe("the permission policy", () => {
  it("covers every action", () => {
    const actions = new Set(MATRIX.map(([action]) => action));
    expect([...actions].sort()).toEqual([
      "changeSources",
      "delete",
      "edit",
      "manageAccounts",
      "manageSettings",
      "move",
      "protect",
      "read",
      "review",
      "rollback",
      "upload",
      "watch",
    ]);
  });

  describe.each(MATRIX)("%s %o", (action, page, allowed) => {
    it.each(ALL)("%s", (who) => {
      const account = WHO[who];
      expect(can(account, action, page)).toBe(allowed.includes(who));
      if (allowed.includes(who)) {
        expect(authorize(account, action, page)).toBe(account);
        return;
      }
      // Someone signed out is asked to sign in (401); anyone else is told why not (403).
      let refusal: unknown;
      try {
        authorize(account, action, page);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(AppError);
      const { code, message } = refusal as AppError;
      expect(code).toBe(account ? "FORBIDDEN" : "UNAUTHENTICATED");
      expect(message).toMatch(account ? /\w/ : /^Sign in to /);
      if (who === "blocked") expect(message).toMatch(/blocked/);
    });
  });

  it("says why a protected page is refused", () => {
    expect(() => authorize(WHO.editor, "edit", { protected: true })).toThrow("This page is protected: only reviewers and administrators can edit it.");
    expect(() => authorize(WHO.reader, "edit")).toThrow("Your account cannot edit pages.");
  });
});
