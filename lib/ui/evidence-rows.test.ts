import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withContext } from "@/lib/ui/evidence-rows";

describe("log snippet context", () => {
  it("shows context lines in file order, each once, whatever order the evidence comes in", () => {
    const ev = (line: number, before: number[], after: number[]) => ({
      file: "f",
      line,
      text: `e${line}`,
      context: { before: before.map((l) => ({ line: l, text: `c${l}` })), after: after.map((l) => ({ line: l, text: `c${l}` })) },
    });
    const rows = withContext([ev(20, [18, 19], [21, 22]), ev(10, [8, 9], [11, 12]), ev(12, [10, 11], [13, 14])], true);
    const lines = rows.map((r) => (r.kind === "evidence" ? r.e.line : r.line));
    assert.deepEqual(lines, [8, 9, 10, 11, 12, 13, 14, 18, 19, 20, 21, 22]);
    assert.deepEqual(rows.filter((r) => r.kind === "evidence").map((r) => (r.kind === "evidence" ? r.e.line : 0)), [10, 12, 20]);
  });
});
