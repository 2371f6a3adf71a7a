import type { Metadata } from "next";
import { connection } from "next/server";
import { can } from "@/lib/auth/policy";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ROLES } from "@/lib/validation/account";
import { listAccounts } from "@/lib/wiki/accounts";
import { listApiTokens } from "@/lib/wiki/api-tokens";
import { IssueTokenForm } from "@/components/account/issue-token-form";
import { issueTokenAction, revokeTokenAction } from "./token-actions";
import { updateAccountAction } from "./actions";

export const metadata: Metadata = { title: "Accounts" };

async function submit(form: FormData) {
  "use server";
  await updateAccountAction(form);
}

export default async function AccountsPage() {
  await connection();
  const actor = await currentAccount();
  if (!can(actor, "manageAccounts")) {
    return (
      <article className="prose">
        <h1>Accounts</h1>
        <p role="alert">Only administrators can manage accounts. {actor ? "" : "Sign in first."}</p>
      </article>
    );
  }
  const [accounts, tokens] = await Promise.all([listAccounts(db), listApiTokens(db)]);
  return (
    <article className="prose">
      <h1>Accounts</h1>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td>{a.email}</td>
                <td>
                  <form action={submit} className="inline-form">
                    <input type="hidden" name="id" value={a.id} />
                    <label>
                      <span className="visually-hidden">Role of {a.name}</span>
                      <select name="role" defaultValue={a.role} disabled={a.id === actor!.id}>
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {role}
                          </option>
                        ))}
                      </select>
                    </label>
                    {a.id !== actor!.id && (
                      <button type="submit" className="secondary">
                        Change role
                      </button>
                    )}
                  </form>
                </td>
                <td>
                  {a.blocked ? "Blocked" : "Active"}{" "}
                  {a.id !== actor!.id && (
                    <form action={submit} className="inline-form">
                      <input type="hidden" name="id" value={a.id} />
                      <input type="hidden" name="blocked" value={a.blocked ? "false" : "true"} />
                      <button type="submit" className="secondary">
                        {a.blocked ? `Unblock ${a.name}` : `Block ${a.name}`}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>API tokens</h2>
      <p>A token lets a program read and save pages as the account it belongs to. Only its fingerprint is stored.</p>
      <IssueTokenForm issueToken={issueTokenAction} accounts={accounts.filter((a) => !a.blocked).map((a) => ({ id: a.id, name: a.name }))} />
      {tokens.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Token</th>
                <th scope="col">Account</th>
                <th scope="col">Issued</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>{t.user.name}</td>
                  <td>{t.createdAt.toISOString().slice(0, 10)}</td>
                  <td>{t.lastUsedAt?.toISOString().slice(0, 16).replace("T", " ") ?? "never"}</td>
                  <td>{t.expiresAt?.toISOString().slice(0, 10) ?? "never"}</td>
                  <td>
                    {t.revokedAt ? (
                      "Revoked"
                    ) : t.expired ? (
                      "Expired"
                    ) : (
                      <form action={revokeTokenAction} className="inline-form">
                        <input type="hidden" name="id" value={t.id} />
                        <button type="submit" className="secondary">
                          Revoke {t.name}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </article>
  );
}
