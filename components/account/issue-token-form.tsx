"use client";

import { useState } from "react";
import type { issueTokenAction } from "@/app/admin/users/token-actions";
import { TOKEN_LIFETIMES } from "@/lib/validation/api-token";
import { ScriptSubmit } from "@/components/ui/script-submit";

/** Issues an API token for an account and shows it once, for the admin to pass on. */
export function IssueTokenForm({ accounts, issueToken }: { accounts: { id: string; name: string }[]; issueToken: typeof issueTokenAction }) {
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const lifetime = String(form.get("expiresInDays") ?? "");
    const result = await issueToken(String(form.get("userId")), String(form.get("name")), lifetime ? Number(lifetime) : null);
    if (result.ok) {
      setToken(result.data.token);
      setError(null);
    } else setError(result.message);
  }

  return (
    <form className="form narrow" onSubmit={submit}>
      <label>
        Account
        <select name="userId">
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        What the token is for
        <input name="name" placeholder="Import script" maxLength={100} />
      </label>
      <label>
        Works for
        <select name="expiresInDays" defaultValue="90">
          {TOKEN_LIFETIMES.map((days) => (
            <option key={days} value={days}>
              {days === 365 ? "a year" : `${days} days`}
            </option>
          ))}
          <option value="">until revoked</option>
        </select>
      </label>
      <ScriptSubmit>Issue token</ScriptSubmit>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {token && (
        <p role="status">
          Copy this token now; it will not be shown again: <code className="token">{token}</code>
        </p>
      )}
    </form>
  );
}
