import type { Metadata } from "next";
import { connection } from "next/server";
import { ActionForm } from "@/components/ui/action-form";
import { can } from "@/lib/auth/policy";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getSiteSettings } from "@/lib/wiki/settings";
import { saveSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Site settings" };

export default async function SettingsPage() {
  await connection();
  const actor = await currentAccount();
  if (!can(actor, "manageAccounts")) {
    return (
      <article className="prose">
        <h1>Site settings</h1>
        <p role="alert">Only administrators change site settings. {actor ? "" : "Sign in first."}</p>
      </article>
    );
  }
  const settings = await getSiteSettings(db);
  return (
    <article className="prose narrow">
      <h1>Site settings</h1>
      <ActionForm action={saveSettingsAction} fields={{}} label="Save settings" done="Settings saved.">
        <label>
          New accounts made by signing up are
          <select name="signUpRole" defaultValue={settings.signUpRole}>
            <option value="editor">editors (they can edit at once)</option>
            <option value="reader">readers (an administrator makes them editors)</option>
          </select>
        </label>
      </ActionForm>
    </article>
  );
}
