import Link from "next/link";
import { connection } from "next/server";
import { pageHref } from "@/lib/content/page-id";
import { db } from "@/lib/db";
import { listArticles } from "@/lib/wiki/articles";

export default async function HomePage() {
  await connection();
  const articles = await listArticles(db);
  return (
    <article className="prose">
      <h1>Articles</h1>
      {articles.length ? (
        <ul className="article-list">
          {articles.map((a) => (
            <li key={a.pageId}>
              <Link href={pageHref(a.pageId)}>{a.title}</Link>
              {a.namespace && <span className="namespace"> ({a.namespace})</span>}
            </li>
          ))}
        </ul>
      ) : (
        <p>There are no articles yet.</p>
      )}
    </article>
  );
}
