import { type Account } from "@/lib/wiki/accounts";
import { can } from "@/lib/auth/policy";
import type { ActionResult } from "@/lib/actions/result";
import type { PageHeader } from "@/lib/wiki/history";
import { ActionForm } from "../ui/action-form";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

const Reason = () => (
  <label>
    Reason (shown in the history)
    <input name="reason" maxLength={300} />
  </label>
);

/** Rename, protect, delete and restore, each offered only to those allowed to use it. */
export function PageTools({
  page,
  account,
  rename,
  pageEvent,
  reviewPolicy,
}: {
  page: PageHeader;
  account: Account | null;
  rename: Action;
  pageEvent: Action;
  reviewPolicy: Action;
}) {
  const tools = [
    !page.deleted && can(account, "move", page) && (
      <details key="rename" className="page-tool">
        <summary>Rename this page</summary>
        <ActionForm action={rename} fields={{ pageId: page.pageId }} label="Rename">
          <label>
            New page id
            <input name="newPageId" required maxLength={200} defaultValue={page.pageId} />
          </label>
          <label>
            Title
            <input name="title" maxLength={300} defaultValue={page.title} />
          </label>
          <Reason />
        </ActionForm>
      </details>
    ),
    !page.deleted && can(account, "protect", page) && (
      <details key="protect" className="page-tool">
        <summary>{page.protected ? "Lift protection" : "Protect this page"}</summary>
        <ActionForm action={pageEvent} fields={{ pageId: page.pageId, event: page.protected ? "unprotect" : "protect" }} label={page.protected ? "Lift protection" : "Protect"}>
          <Reason />
        </ActionForm>
      </details>
    ),
    !page.deleted && can(account, "protect", page) && (
      <details key="review" className="page-tool">
        <summary>Review policy</summary>
        <ActionForm action={reviewPolicy} fields={{ pageId: page.pageId }} label="Set">
          <label>
            Edits by editors to this page
            <select name="policy" defaultValue={page.reviewPolicy ?? "inherit"}>
              <option value="inherit">follow its namespace and the site</option>
              <option value="required">wait for review</option>
              <option value="none">are published at once</option>
            </select>
          </label>
        </ActionForm>
      </details>
    ),
    can(account, "delete", page) && (
      <details key="delete" className="page-tool" open={page.deleted}>
        <summary>{page.deleted ? "Restore this page" : "Delete this page"}</summary>
        <ActionForm action={pageEvent} fields={{ pageId: page.pageId, event: page.deleted ? "restore" : "delete" }} label={page.deleted ? "Restore" : "Delete"}>
          <Reason />
        </ActionForm>
      </details>
    ),
  ].filter(Boolean);
  if (!tools.length) return null;
  return (
    <section className="page-tools" aria-label="Page tools">
      {tools}
    </section>
  );
}
