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

  // TN 225746's layout: `Detail="Receive Request" Txn-id="3028" TrackingID="fxxxxxxx-86f6-4030-8259-0b768c07723e"`;
  // each box has its own Txn-id, the TrackingID is the client's (tests/fixtures/real-layouts/lines.ts).
  const TID = "fxxxxxxx-86f6-4030-8259-0b768c07723e";

  it("joins hops by TrackingID first, even further apart than the window, and says so on the row", () => {
    const late = new Date(Date.parse("2024-03-05T09:00:00.000Z") + CORRELATION_WINDOW_MS + 3000).toISOString();
    const out = correlateMraRequests([
      { analysisId: "e", host: "expe1", total: 1, rows: [row("2024-03-05T09:00:00.000Z", { trackingId: TID, status: 502 })] },
      { analysisId: "c", host: "expc1", total: 1, rows: [row(late, { trackingId: TID, status: 502, failure: "certificate verification failed: self signed certificate (depth 0)" })] },
    ]);
    assert.equal(out.correlated, 1);
    assert.equal(out.byTrackingId, 1);
    assert.equal(out.rows.length, 1);
    assert.equal(out.rows[0].matchedBy, "tracking_id");
    assert.equal(out.rows[0].trackingId, TID);
    assert.deepEqual(out.rows[0].hops.map((h) => [h.peer, h.trackingId]), [["expe1", TID], ["expc1", TID]]);
  });

  it("never joins two rows whose TrackingIDs differ, however alike and close", () => {
    const out = correlateMraRequests([
      { analysisId: "e", host: "expe1", total: 1, rows: [row("2024-03-05T09:00:00.000Z", { trackingId: TID })] },
      { analysisId: "c", host: "expc1", total: 1, rows: [row("2024-03-05T09:00:00.050Z", { trackingId: "a3b1c2d4-1111-4030-8259-0b768c07723e" })] },
    ]);
    assert.equal(out.correlated, 0);
    assert.deepEqual(out.rows.map((r) => r.matchedBy), [null, null]);
  });

  it("falls back to request, path and target when only one hop carries a TrackingID", () => {
    const out = correlateMraRequests([
      { analysisId: "e", host: "expe1", total: 1, rows: [row("2024-03-05T09:00:00.000Z")] },
      { analysisId: "c", host: "expc1", total: 1, rows: [row("2024-03-05T09:00:00.050Z", { trackingId: TID })] },
    ]);
    assert.equal(out.correlated, 1);
    assert.equal(out.byTrackingId, 0);
    assert.equal(out.rows[0].matchedBy, "request");
    assert.equal(out.rows[0].trackingId, TID);
  });
});
