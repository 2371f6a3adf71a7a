import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DocumentJSON } from "./document";
import { mergeDocuments, undoDocument } from "./merge";

const doc = (...paragraphs: string[]): DocumentJSON => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

describe("three-way merge of documents", () => {
  const base = doc("one", "two", "three", "four");

  it("combines changes to different blocks", () => {
    const mine = doc("one", "TWO", "three", "four");
    const theirs = doc("one", "two", "three", "four", "five");
    expect(mergeDocuments(base, mine, theirs)).toEqual({ clean: true, doc: doc("one", "TWO", "three", "four", "five") });
  });

  it("combines an insertion and a deletion far apart", () => {
    const mine = doc("zero", "one", "two", "three", "four");
    const theirs = doc("one", "two", "three");
    expect(mergeDocuments(base, mine, theirs)).toEqual({ clean: true, doc: doc("zero", "one", "two", "three") });
  });

  it("takes the same change made on both sides once", () => {
    const both = doc("one", "2", "three", "four");
    expect(mergeDocuments(base, both, both)).toEqual({ clean: true, doc: both });
  });

  it("reports different changes to the same block as a conflict, with all three versions", () => {
    const mine = doc("one", "two (mine)", "three", "four");
    const theirs = doc("one", "two (theirs)", "three", "four");
    const result = mergeDocuments(base, mine, theirs);
    expect(result.clean).toBe(false);
    if (result.clean) return;
    expect(result.conflicts).toEqual([{ base: doc("two").content, mine: doc("two (mine)").content, theirs: doc("two (theirs)").content }]);
    expect(result.resolved).toEqual({ mine, theirs });
  });

  it("reports an edit of a block the other side deleted as a conflict", () => {
    const mine = doc("one", "two edited", "three", "four");
    const theirs = doc("one", "three", "four");
    expect(mergeDocuments(base, mine, theirs).clean).toBe(false);
  });

  it("combines changes to neighbouring blocks, and an insertion beside the other side's edit", () => {
    expect(mergeDocuments(base, doc("one", "TWO", "three", "four"), doc("one", "two", "THREE", "four"))).toEqual({ clean: true, doc: doc("one", "TWO", "THREE", "four") });
    expect(mergeDocuments(base, doc("ONE", "TWO", "three", "four"), doc("one", "two", "THREE", "FOUR"))).toEqual({ clean: true, doc: doc("ONE", "TWO", "THREE", "FOUR") });
    expect(mergeDocuments(base, doc("one", "new", "two", "three", "four"), doc("one", "TWO", "three", "four"))).toEqual({
      clean: true,
      doc: doc("one", "new", "TWO", "three", "four"),
    });
    expect(mergeDocuments(base, doc("one", "two", "three"), doc("one", "two", "THREE", "four"))).toEqual({ clean: true, doc: doc("one", "two", "THREE") });
  });

  it("reports two different insertions at one place as a conflict", () => {
    const result = mergeDocuments(base, doc("one", "mine", "two", "three", "four"), doc("one", "theirs", "two", "three", "four"));
    expect(result.clean).toBe(false);
  });

  it("always combines changes to different blocks, wherever they are", () => {
    const texts = Array.from({ length: 12 }, (_, i) => `block ${i}`);
    const original = doc(...texts);
    fc.assert(
      fc.property(fc.array(fc.constantFrom("mine", "theirs", "both-same", null), { minLength: 12, maxLength: 12 }), (who) => {
        const edit = (side: string) => doc(...texts.map((t, i) => (who[i] === side || who[i] === "both-same" ? `${t} (${who[i] === "both-same" ? "agreed" : side})` : t)));
        const expected = doc(...texts.map((t, i) => (who[i] === null ? t : `${t} (${who[i] === "both-same" ? "agreed" : who[i]})`)));
        expect(mergeDocuments(original, edit("mine"), edit("theirs"))).toEqual({ clean: true, doc: expected });
      }),
    );
  });
});

describe("undoing one revision", () => {
  const parent = doc("one", "two", "three", "four");

  it("of the latest revision gives its parent back", () => {
    const revision = doc("one", "TWO", "three", "four");
    expect(undoDocument(revision, parent, revision)).toEqual({ clean: true, doc: parent });
  });

  it("keeps later changes to other passages", () => {
    const revision = doc("one", "TWO", "three", "four");
    const latest = doc("one", "TWO", "three", "FOUR");
    expect(undoDocument(revision, parent, latest)).toEqual({ clean: true, doc: doc("one", "two", "three", "FOUR") });
  });

  it("removes what the revision inserted and restores what it deleted", () => {
    const inserted = doc("one", "two", "extra", "three", "four");
    expect(undoDocument(inserted, parent, doc("ONE", "two", "extra", "three", "four"))).toEqual({ clean: true, doc: doc("ONE", "two", "three", "four") });
    const deleted = doc("one", "three", "four");
    expect(undoDocument(deleted, parent, doc("one", "three", "four", "five"))).toEqual({ clean: true, doc: doc("one", "two", "three", "four", "five") });
  });

  it("refuses when a later revision changed the same passage", () => {
    const revision = doc("one", "TWO", "three", "four");
    const latest = doc("one", "TWO!", "three", "four");
    expect(undoDocument(revision, parent, latest).clean).toBe(false);
  });
});
