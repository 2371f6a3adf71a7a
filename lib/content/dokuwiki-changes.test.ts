import { describe, expect, it } from "vitest";
import { changeLine, parseChanges } from "./dokuwiki-changes";

describe("DokuWiki's .changes lines", () => {
  it("reads what each revision line says and skips the rest", () => {
    const text = "1700000000\t127.0.0.1\tC\tmodels:gpt\talice\tcreated\t\t120\nnot a line\n1700000100\t::1\te\tmodels:gpt\t\t typo \n";
    expect(parseChanges(text)).toEqual([
      { time: 1700000000, type: "C", user: "alice", summary: "created" },
      { time: 1700000100, type: "e", user: "", summary: "typo" },
    ]);
  });

  it("writes lines that read back as written, whatever a summary holds", () => {
    const line = changeLine([1700000200, "127.0.0.1", "E", "a:b", "bob", "two\tfields\nand lines", "", -4]);
    expect(line.split("\t")).toHaveLength(8);
    expect(parseChanges(line)).toEqual([{ time: 1700000200, type: "E", user: "bob", summary: "two fields and lines" }]);
  });
});
