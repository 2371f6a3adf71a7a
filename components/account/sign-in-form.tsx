"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { ScriptSubmit } from "@/components/ui/script-submit";

/** Email and password; refusals (wrong password, blocked, slowed down) are shown as said. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong email or password.");
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <ScriptSubmit pending={pending}>{pending ? "Signing in…" : "Sign in"}</ScriptSubmit>
      <p>
        No account yet? <Link href="/signup">Create one</Link>.
      </p>
    </form>
  );
}
