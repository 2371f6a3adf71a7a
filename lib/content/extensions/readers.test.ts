import { describe, expect, it } from "vitest";
import { schema } from "../schema";
import { MARK_READERS, NODE_READERS } from "./readers";

describe("readers", () => {
  it("render every node and mark of the schema, and nothing else", () => {
    const nodes = Object.keys(schema.nodes).filter((name) => name !== "doc" && name !== "text");
    expect(Object.keys(NODE_READERS).sort()).toEqual(nodes.sort());
    expect(Object.keys(MARK_READERS).sort()).toEqual(Object.keys(schema.marks).sort());
  });
});
