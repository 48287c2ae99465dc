import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { MraRequestRow } from "@/lib/results/mra-requests";
import { CORRELATION_WINDOW_MS, correlateMraRequests } from "@/lib/cases/correlate-mra-requests";

const row = (time: string, o: Partial<MraRequestRow> = {}): MraRequestRow => ({
  time,
  peer: null,
  user: "bwayne",
  domain: "acme.test",
  host: "cucm-pub.acme.test",
  port: 8443,
  service: "UDS / Tomcat (8443)",
  method: "GET",
  path: "/cucm-uds/user/bwayne/devices",
  status: 200,
  failure: null,
  file: "loggingsnapshot.txt",
  line: 1,
  ...o,
});

describe("correlateMraRequests", () => {
  it("joins rows of two boxes with the same request within the window, and not beyond it", () => {
    const late = new Date(Date.parse("2024-03-05T09:00:00.000Z") + CORRELATION_WINDOW_MS + 1000).toISOString();
    const out = correlateMraRequests([
      { analysisId: "e", host: "expe1", total: 2, rows: [row("2024-03-05T09:00:00.000Z"), row(late)] },
      { analysisId: "c", host: "expc1", total: 1, rows: [row("2024-03-05T04:00:00.900-05:00")] },
    ]);
    assert.equal(out.total, 3);
    assert.equal(out.correlated, 1);
    assert.deepEqual(out.rows.map((r) => r.hops.map((h) => h.peer)), [["expe1", "expc1"], ["expe1"]]);
  });

  it("never joins two requests of the same bundle, nor requests to another path", () => {
    const out = correlateMraRequests([
      { analysisId: "c", host: "expc1", total: 3, rows: [row("2024-03-05T09:00:00.000Z"), row("2024-03-05T09:00:00.100Z"), row("2024-03-05T09:00:00.200Z", { path: "/other" })] },
    ]);
    assert.equal(out.correlated, 0);
    assert.equal(out.rows.length, 3);
  });

  it("explains a 504 but not a 401 with the other box's certificate failure", () => {
    const failure = "certificate verification failed: certificate has expired (depth 0)";
    const out = correlateMraRequests([
      { analysisId: "e", host: "expe1", total: 2, rows: [row("2024-03-05T09:00:00.000Z", { status: 504 }), row("2024-03-05T09:00:01.000Z", { status: 401, path: "/b" })] },
      { analysisId: "c", host: "expc1", total: 2, rows: [row("2024-03-05T09:00:00.050Z", { status: 502, failure }), row("2024-03-05T09:00:01.050Z", { status: 502, failure, path: "/b" })] },
    ]);
    assert.equal(out.explanations.length, 1);
    assert.deepEqual(out.explanations[0].statuses, [504]);
    const [first, second] = out.rows;
    assert.equal(first.hops[0].explainedBy, `${failure} on expc1`);
    assert.equal(second.hops[0].explainedBy, null);
  });
});
