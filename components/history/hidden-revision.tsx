import { AppError } from "@/lib/wiki/errors";

/** Why a revision's text is not shown (waiting for review, or rejected), when that is why; null otherwise. */
export function hiddenRevision(error: unknown): { message: string; signIn: boolean } | null {
  if (!(error instanceof AppError) || (error.code !== "FORBIDDEN" && error.code !== "UNAUTHENTICATED")) return null;
  return { message: error.message, signIn: error.code === "UNAUTHENTICATED" };
}

/** The page shown instead of a revision (or a diff) whose text the reader may not read. */
export function HiddenRevision({ title, hidden, path }: { title: string; hidden: { message: string; signIn: boolean }; path: string }) {
  return (
    <article className="prose">
      <h1>{title}</h1>
      <p role="status" className="notice">
        {hidden.message}
      </p>
      {hidden.signIn && (
        <p>
          <a href={`/login?${new URLSearchParams({ callbackUrl: path })}`}>Sign in</a>
        </p>
      )}
    </article>
  );
}
