import Link from "next/link";

/** "Sign in to …" with a link that comes back here afterwards. */
export function SignInPrompt({ title, to, back }: { title: string; to: string; back: string }) {
  return (
    <article className="prose">
      <h1>{title}</h1>
      <p role="alert">
        <Link href={`/login?callbackUrl=${encodeURIComponent(back)}`}>Sign in</Link> {to}.
      </p>
    </article>
  );
}
