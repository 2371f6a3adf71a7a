"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import type { signUp as signUpAction } from "@/app/signup/actions";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/account";
import { ScriptSubmit } from "@/components/ui/script-submit";

/** Makes an account, then signs in with it. */
export function SignUpForm({ signUp }: { signUp: typeof signUpAction }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? ""), password: String(form.get("password") ?? "") };
    setPending(true);
    const result = await signUp(input);
    if (!result.ok) {
      setPending(false);
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      return;
    }
    const signedIn = await signIn("credentials", { email: input.email, password: input.password, redirect: false });
    // A whole new page, so every part of it (the header's account menu too) starts signed in.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    if (signedIn?.ok && !signedIn.error) window.location.assign("/");
    else {
      setPending(false);
      // The address may have had an account already: sign-up does not say so (see lib/wiki/accounts.ts).
      setMessage("Signing in with this email and password failed. If you already have an account, sign in with its password.");
    }
  }

  const field = (name: string) => (errors[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});

  return (
    <form className="form" onSubmit={submit} noValidate>
      {message && (
        <p role="alert" className="form-error">
          {message}
        </p>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required {...field("email")} />
      </label>
      {errors.email && (
        <p id="email-error" className="field-error">
          {errors.email}
        </p>
      )}
      <label>
        Name shown on your edits
        <input name="name" autoComplete="nickname" required {...field("name")} />
      </label>
      {errors.name && (
        <p id="name-error" className="field-error">
          {errors.name}
        </p>
      )}
      <label>
        Password (at least {MIN_PASSWORD_LENGTH} characters)
        <input name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} required {...field("password")} />
      </label>
      {errors.password && (
        <p id="password-error" className="field-error">
          {errors.password}
        </p>
      )}
      <ScriptSubmit pending={pending}>{pending ? "Creating your account…" : "Create account"}</ScriptSubmit>
    </form>
  );
}
