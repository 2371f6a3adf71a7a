import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SignInPrompt } from "@/components/account/sign-in-prompt";
import { SOURCE_FIELD_LABELS, SourceFormFields } from "@/components/sources/source-form-fields";
import { ActionForm } from "@/components/ui/action-form";
import { can } from "@/lib/auth/policy";
import { currentAccount } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatAuthorList } from "@/lib/validation/source";
import { AppError } from "@/lib/wiki/errors";
import { getSourceDetail } from "@/lib/wiki/library";
import { updateSourceAction } from "../actions";
import { routeParam } from "@/lib/http/route-param";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Edit a source", robots: { index: false } };

/** Every field of a source, for editors; saving keeps the previous version. */
export default async function EditSourcePage({ params }: Props) {
  await connection();
  const id = routeParam((await params).id);
  const account = await currentAccount();
  if (!can(account, "edit")) return <SignInPrompt title="Edit a source" to="as an editor to change sources" back={`/sources/${id}/edit`} />;
  const detail = await getSourceDetail(db, id, account?.id ?? null).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const { source } = detail;
  return (
    <article className="prose narrow" aria-labelledby="edit-source-title">
      <h1 id="edit-source-title">Edit “{source.title}”</h1>
      <p>Articles citing this source show the change in their References; the previous version is kept.</p>
      <ActionForm action={updateSourceAction} fields={{ id }} label="Save the source" labels={SOURCE_FIELD_LABELS}>
        <SourceFormFields
          values={{ ...source, volume: source.volume ?? null, issue: source.issue ?? null, page: source.page ?? null, authors: formatAuthorList(source.authors) }}
        />
      </ActionForm>
    </article>
  );
}
