import Link from "next/link";

export default function NotFound() {
  return (
    <article className="prose">
      <h1>No such page</h1>
      <p>There is no article at this address. It may have been misspelled, or not written yet.</p>
      <p>
        <Link href="/">Browse all articles</Link>
      </p>
    </article>
  );
}
