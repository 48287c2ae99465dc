import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { foldMissingInputs, foldSharedEvidence } from "@/lib/pipeline/consolidate-results";
import type { SignatureResult } from "@/lib/results/types";

const r = (signatureId: string, outcome: SignatureResult["outcome"], lines: number[], condition = "c"): SignatureResult => ({
  signatureId,
  signatureVersion: 1,
  defects: [],
  title: signatureId,
  outcome,
  severity: "high",
  description: `${signatureId} says`,
  condition,
  furtherInformation: "",
  action: "",
  affected: [],
  evidence: lines.map((line) => ({ file: "log", line, text: `line ${line}` })),
  references: [],
});

describe("one root cause, one card", () => {
  it("folds an issue sharing an evidence line into the earlier card, as a related check", () => {
    const out = foldSharedEvidence([r("a", "issue", [1, 2]), r("b", "issue", [2]), r("c", "issue", [9])]);
    assert.deepEqual(out.map((x) => [x.signatureId, x.outcome, x.partOf ?? null]), [["a", "issue", null], ["b", "potential", "a"], ["c", "issue", null]]);
    assert.deepEqual(out[0].related?.map((x) => [x.signatureId, x.relation, x.outcome]), [["b", "related_check", "issue"]]);
    assert.deepEqual(out[1].evidence, [], "its lines are the card's");
  });

  it("calls a folded check with evidence of its own a contributing factor, and keeps that evidence", () => {
    const out = foldSharedEvidence([r("a", "issue", [1]), r("b", "potential", [1, 5])]);
    assert.equal(out[0].related?.[0].relation, "contributing_factor");
    assert.deepEqual(out[1].evidence.map((e) => e.line), [5]);
  });

  it("leaves results without shared lines, and ok / missing ones, alone", () => {
    const input = [r("a", "issue", [1]), r("b", "ok", [1]), r("c", "missing", [1]), r("d", "potential", [3])];
    assert.deepEqual(foldSharedEvidence(input).map((x) => x.partOf ?? null), [null, null, null, null]);
  });

  it("asks for a missing input once, naming every check it would enable", () => {
    const out = foldMissingInputs([r("a", "missing", [], "No capture."), r("b", "missing", [], "No capture."), r("c", "missing", [], "No xconf."), r("d", "missing", [], "No capture.")]);
    assert.deepEqual(out.map((x) => x.partOf ?? null), [null, "a", null, "a"]);
    assert.match(out[0].description, /would also enable: b; d\.$/);
    assert.deepEqual(out[0].related?.map((x) => x.relation), ["same_missing_input", "same_missing_input"]);
  });
});
