import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ChangeList } from "@/components/history/change-list";
import { userHref } from "@/components/history/revision-line";
import { db } from "@/lib/db";
import { HistoryQuerySchema, queryObject } from "@/lib/validation/history";
import { AppError } from "@/lib/wiki/errors";
import { getContributions } from "@/lib/wiki/history";
import { routeParam } from "@/lib/http/route-param";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Contributions of ${routeParam((await params).name)}` };
}

/** Everything one person wrote, newest first. */
export default async function ContributionsPage({ params, searchParams }: Props) {
  await connection();
  const name = routeParam((await params).name);
  const { before } = HistoryQuerySchema.parse(queryObject(await searchParams));
  const result = await getContributions(db, name, { before }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <article className="history" aria-labelledby="contributions-title">
      <h1 id="contributions-title">Contributions of {result.user.name}</h1>
      {result.contributions.length === 0 ? <p>No edits yet.</p> : <ChangeList changes={result.contributions} />}
      {result.older && (
        <nav className="pager" aria-label="More contributions">
          <Link href={`${userHref(result.user.name)}?before=${result.older}`}>Older contributions →</Link>
        </nav>
      )}
    </article>
  );
}
