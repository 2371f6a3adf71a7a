import { describe, expect, it } from "vitest";
import { excludedFts5, hasTerms, parseQuery, toFts5, toWebSearch, wordHalves } from "./query";

describe("reading a search query", () => {
  it("reads words, quoted phrases, exclusions and a namespace", () => {
    const query = parseQuery('Safety "system card" -benchmark ns:Policy');
    expect(query).toEqual({
      namespace: "policy",
      terms: [
        { words: ["safety"], text: "Safety", phrase: false, exclude: false },
        { words: ["system", "card"], text: "system card", phrase: true, exclude: false },
        { words: ["benchmark"], text: "benchmark", phrase: false, exclude: true },
      ],
    });
    expect(toFts5(query)).toBe('"safety" AND "system" + "card" NOT "benchmark"');
    expect(toWebSearch(query)).toBe('"Safety" "system card" -"benchmark"');
  });

  it("gives the wanted words alone, and the excluded words alone, any of which leaves a page out", () => {
    const query = parseQuery('safety "system card" -benchmark -"red team"');
    expect(toFts5(query, { positive: true })).toBe('"safety" AND "system" + "card"');
    expect(excludedFts5(query)).toBe('"benchmark" OR "red" + "team"');
    expect(excludedFts5(parseQuery("safety"))).toBeNull();
    expect(toWebSearch(query, { positive: true })).toBe('"safety" "system card"');
  });

  it("treats every operator character as a separator, never as syntax", () => {
    const query = parseQuery('* ( ) : NEAR AND OR - ^ ~ \\ gpt-5.2 a"b');
    expect(query.terms.map((t) => t.words)).toEqual([["near"], ["and"], ["or"], ["gpt", "5", "2"], ["a"], ["b"]]);
    expect(toFts5(query)).toBe('"near" AND "and" AND "or" AND "gpt" + "5" + "2" AND "a" AND "b"');
    // PostgreSQL reads each term as typed, quoted: "or" is a word there too, and "gpt-5.2" is read
    // into words as the text it indexed was.
    expect(toWebSearch(query)).toBe('"NEAR" "AND" "OR" "gpt-5.2" "a" "b"');
    expect(parseQuery('"').terms).toEqual([]);
    expect(parseQuery('"unclosed phrase').terms).toEqual([{ words: ["unclosed", "phrase"], text: "unclosed phrase", phrase: true, exclude: false }]);
  });

  it("escapes quotes that reach the engine and keeps unicode words", () => {
    expect(toFts5(parseQuery("Zürich 東京 Ελλάδα"))).toBe('"zürich" AND "東京" AND "ελλάδα"');
  });

  it("makes the last word a prefix for suggestions", () => {
    expect(toFts5(parseQuery("gpt sys"), { prefix: true })).toBe('"gpt" AND "sys"*');
  });

  it("says when nothing is left to look for", () => {
    expect(hasTerms(parseQuery(""))).toBe(false);
    expect(hasTerms(parseQuery("-only -exclusions"))).toBe(false);
    expect(hasTerms(parseQuery("()*:^~"))).toBe(false);
    expect(hasTerms(parseQuery("x"))).toBe(true);
  });

  it("reads at most a bounded part of a very long query", () => {
    const query = parseQuery("word ".repeat(2_000));
    expect(query.terms.length).toBeLessThanOrEqual(12);
  });

  it("halves each word so that a typo leaves one half whole (did you mean)", () => {
    expect(wordHalves("Britanica gpt 5")).toEqual(["britan", "tanica", "gpt"]);
    expect(wordHalves("Encyclopædia")).toEqual(["encyclo", "lopædia"]);
  });
});
