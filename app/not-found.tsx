import Link from "next/link";
import { MissingPageActions } from "@/components/reader/missing-page-actions";

export default function NotFound() {
  return (
    <article className="prose">
      <h1>No such page</h1>
      <p>There is no article at this address. It may have been misspelled, or not written yet.</p>
      <MissingPageActions />
      <p>
        <Link href="/">Browse all articles</Link>
      </p>
    </article>
  );
}
