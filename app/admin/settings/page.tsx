import type { Metadata } from "next";
import { connection } from "next/server";
import { ActionForm } from "@/components/ui/action-form";
import { can } from "@/lib/auth/policy";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { CITATION_STYLES } from "@/lib/content/citation-styles";
import { getSiteSettings } from "@/lib/wiki/settings";
import { listNamespacePolicies } from "@/lib/wiki/review";
import { namespacePolicyAction, saveSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Site settings" };

export default async function SettingsPage() {
  await connection();
  const actor = await currentAccount();
  if (!can(actor, "manageSettings")) {
    return (
      <article className="prose">
        <h1>Site settings</h1>
        <p role="alert">Only administrators change site settings. {actor ? "" : "Sign in first."}</p>
      </article>
    );
  }
  const [settings, namespaces] = await Promise.all([getSiteSettings(db), listNamespacePolicies(db)]);
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
        <label>
          Edits by editors
          <select name="reviewPolicy" defaultValue={settings.reviewPolicy}>
            <option value="none">are published at once</option>
            <option value="required">wait for a reviewer&apos;s approval</option>
          </select>
        </label>
        <label>
          Text waiting for review (and rejected text) can be read by
          <select name="pendingVisibility" defaultValue={settings.pendingVisibility}>
            <option value="everyone">everyone, as MediaWiki shows it</option>
            <option value="signedIn">signed-in accounts</option>
            <option value="reviewers">reviewers and administrators only</option>
          </select>
        </label>
        <label>
          References are formatted in
          <select name="citationStyle" defaultValue={settings.citationStyle}>
            {CITATION_STYLES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>Looking up sources</legend>
          <label>
            DOI resolver (answers CSL-JSON by content negotiation)
            <input name="doiResolver" type="url" required maxLength={500} defaultValue={settings.doiResolver} />
          </label>
          <label>
            Web pages are fetched
            <input name="urlResolver" type="url" maxLength={500} defaultValue={settings.urlResolver} placeholder="directly" aria-describedby="url-resolver-help" />
          </label>
          <p id="url-resolver-help" className="form-info">
            Leave empty to fetch pages directly (addresses on private networks are refused), or give an address the page&apos;s URL is added to, encoded, such as a proxy&apos;s.
          </p>
        </fieldset>
        <label>
          Interwiki shortcuts for DokuWiki imports (<code>[[wp&gt;Page]]</code>), one <code>shortcut address</code> a line as in DokuWiki&apos;s interwiki.conf
          <textarea name="interwiki" rows={8} maxLength={20_000} defaultValue={settings.interwiki} spellCheck={false} />
        </label>
      </ActionForm>
      <h2>Review by namespace</h2>
      {namespaces.length > 0 ? (
        <ul>
          {namespaces.map((n) => (
            <li key={n.namespace}>
              <code>{n.namespace}</code>: {n.policy === "required" ? "edits wait for review" : "edits are published at once"}
            </li>
          ))}
        </ul>
      ) : (
        <p>Every namespace follows the site.</p>
      )}
      <ActionForm action={namespacePolicyAction} fields={{}} label="Set" done="Saved.">
        <label>
          Namespace (and those below it)
          <input name="namespace" required maxLength={200} placeholder="policy" />
        </label>
        <label>
          Edits there
          <select name="policy" defaultValue="required">
            <option value="required">wait for review</option>
            <option value="none">are published at once</option>
            <option value="inherit">follow the site</option>
          </select>
        </label>
      </ActionForm>
      <p>A page&apos;s own policy, set from its history by a reviewer, comes before its namespace&apos;s.</p>
    </article>
  );
}
