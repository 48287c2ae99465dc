import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LineSplitter } from "@/lib/bundle/line-splitter";

function split(chunks: Buffer[], max = 1024) {
  const lines: [number, string][] = [];
  const long: [number, number][] = [];
  const s = new LineSplitter(max, (l, n) => lines.push([n, l]), (n, b) => long.push([n, b]));
  for (const c of chunks) s.push(c);
  s.end();
  return { lines, long, count: s.lines };
}

describe("line splitter", () => {
  it("splits LF and CRLF lines and flushes a last line without a newline", () => {
    const r = split([Buffer.from("a\r\nb\n\nc")]);
    assert.deepEqual(r.lines, [[1, "a"], [2, "b"], [3, ""], [4, "c"]]);
  });

  it("joins lines and multi-byte characters cut across chunks", () => {
    const bytes = Buffer.from("héllo wörld\nzwei\n");
    const r = split([bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)]);
    assert.deepEqual(r.lines, [[1, "héllo wörld"], [2, "zwei"]]);
  });

  it("decodes a line that is not valid UTF-8 as Latin-1", () => {
    const r = split([Buffer.concat([Buffer.from("User=\""), Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), Buffer.from("\"\nok ✓\n")])]);
    assert.equal(r.lines[0][1], 'User="Müller"');
    assert.equal(r.lines[1][1], "ok ✓");
  });

  it("decodes a Shift-JIS line (Japanese names) as Shift-JIS, not Latin-1", () => {
    // 'ユーザー山田' in Shift-JIS
    const sjis = Buffer.from([0x83, 0x86, 0x81, 0x5b, 0x83, 0x55, 0x81, 0x5b, 0x8e, 0x52, 0x93, 0x63]);
    const r = split([Buffer.concat([Buffer.from('Detail="'), sjis, Buffer.from('"\n')])]);
    assert.equal(r.lines[0][1], 'Detail="ユーザー山田"');
  });

  it("skips an over-long line without buffering it and keeps numbering", () => {
    const chunks = [Buffer.from("first\n"), Buffer.alloc(600, 65), Buffer.alloc(600, 65), Buffer.from("AA\r\nthird\n")];
    const r = split(chunks, 1000);
    assert.deepEqual(r.lines, [[1, "first"], [3, "third"]]);
    assert.deepEqual(r.long, [[2, 1202]]);
    assert.equal(r.count, 3);
  });

  it("skips an over-long line that sits inside one chunk", () => {
    const r = split([Buffer.from(`a\n${"x".repeat(50)}\nb`)], 10);
    assert.deepEqual(r.lines, [[1, "a"], [3, "b"]]);
    assert.deepEqual(r.long, [[2, 50]]);
  });
});
