import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeBundle } from "@/lib/pipeline/analyze-bundle";
import type { AnalysisOutput, AnalysisView, Outcome } from "@/lib/results/types";
import { buildCaseView, caseStatus } from "@/lib/cases/build-case-view";
import { PEER_VERSIONS_ID } from "@/lib/cases/check-peer-versions";
import { compareAnalyses } from "@/lib/cases/compare-analyses";
import { chunked } from "@/tests/fixtures/build-bundle";
import { CUCM, expresswayCBundle, expresswayCFixedBundle, expresswayEBundle } from "@/tests/fixtures/case-bundles";
import { caseSipBundles } from "@/tests/fixtures/sip/case-sip-bundles";

let n = 0;
/** What the API would return for a finished analysis of this bundle. */
async function viewOf(bundle: Buffer, status: AnalysisView["status"] = "done"): Promise<AnalysisView> {
  const out: AnalysisOutput = await analyzeBundle(chunked(bundle), "bundle.tar.gz");
  const counts = Object.fromEntries((["issue", "potential", "missing", "not_applicable", "ok"] as Outcome[]).map((o) => [o, out.results.filter((r) => r.outcome === o).length])) as Record<Outcome, number>;
  const id = `analysis-${++n}-xxxxxxxx`;
  return {
    id,
    status,
    createdAt: new Date(2026, 0, 1, 0, n).toISOString(),
    startedAt: null,
    finishedAt: null,
    url: `/analyses/${id}`,
    catalogVersion: out.catalogVersion,
    bundle: { ...out.bundle, fileName: `diagnostic_log_${out.bundle.host}.tar.gz`, size: bundle.length },
    counts,
    results: out.results,
    details: out.details,
    stats: null,
  };
}

const record = { id: "case-aaaaaaaaaaaa", title: "", createdAt: new Date("2026-01-01T00:00:00Z") };

describe("the case view", () => {
  it("points a call card's ladder links at the case's calls (<analysisId>:<callId>, what GET /api/cases/:id/calls/:callId takes)", async () => {
    const { e: eb, c: cb } = await caseSipBundles();
    const e = await viewOf(eb);
    const c = await viewOf(cb);
    const view = buildCaseView(record, [e, c]);
    const links = view.findings.flatMap((f) => f.affected.flatMap((a) => a.calls ?? []));
    assert.ok(links.length > 0, "the 488 card names its call");
    assert.ok(links.every((l) => /^analysis-\d+-x+:c\d+$/.test(l)), links.join(", "));
    assert.ok(links.every((l) => l.startsWith(`${c.id}:`)), "only -C saw the 488");
  });

  it("merges C's certificate failure and E's 502 for the same requests into one finding naming both Expressways", async () => {
    const c = await viewOf(await expresswayCBundle());
    const e = await viewOf(await expresswayEBundle());
    const view = buildCaseView(record, [e, c]);
    assert.equal(view.status, "done");
    assert.equal(view.title, "expc1, expe1");
    const f = view.findings.find((x) => x.signatureId === "x14-2-traffic-server-verification");
    assert.ok(f);
    assert.equal(f.outcome, "issue");
    assert.deepEqual(
      f.seenOn.map((p) => [p.host, p.role]).sort(),
      [["expc1", "cause"], ["expe1", "symptom"]],
    );
    assert.equal(f.explains.length, 1);
    assert.deepEqual([f.explains[0].causeHost, f.explains[0].symptomHost, f.explains[0].requests, f.explains[0].statuses], ["expc1", "expe1", 2, [502]]);
    assert.match(f.description, /This failure on expc1 explains the 502 that expe1 answered for 2 requests to cucm-pub\.acme\.test:6972/);
    const node = f.affected.find((a) => a.host === CUCM.host);
    assert.deepEqual(node?.peers, ["expc1"]);

    // The requests: one row each, with both hops, -E (client-facing) first; E's hop says what explains it.
    assert.equal(view.mraRequests.total, 4);
    assert.equal(view.mraRequests.correlated, 2);
    assert.equal(view.mraRequests.rows.length, 2);
    for (const row of view.mraRequests.rows) {
      assert.deepEqual(row.hops.map((h) => h.peer), ["expe1", "expc1"]);
      assert.equal(row.status, 502);
      assert.match(row.failure ?? "", /certificate verification failed: self signed certificate/);
      assert.match(row.hops[0].explainedBy ?? "", /certificate verification failed.* on expc1/);
      assert.equal(row.hops[1].explainedBy, null);
    }
  });

  it("finds two peers of one cluster on different versions", async () => {
    const one = await viewOf(await expresswayCBundle({ host: "expc1", version: "X14.2.1" }));
    const two = await viewOf(await expresswayCBundle({ host: "expc2", version: "X14.0.7" }));
    const view = buildCaseView(record, [one, two]);
    assert.equal(view.deployments.length, 1);
    const f = view.findings[0];
    assert.equal(f.signatureId, PEER_VERSIONS_ID);
    assert.equal(f.outcome, "potential");
    assert.deepEqual(f.affected.map((a) => [a.host, a.reason]), [["expc1", "runs X14.2.1"], ["expc2", "runs X14.0.7"]]);
    assert.match(f.description, /expc1 X14\.2\.1, expc2 X14\.0\.7/);
    assert.equal(view.counts.potential, view.findings.filter((x) => x.outcome === "potential" && !x.partOf).length);
  });

  it("says the versions agree when they do", async () => {
    const view = buildCaseView(record, [await viewOf(await expresswayCBundle({ host: "expc1" })), await viewOf(await expresswayCBundle({ host: "expc2" }))]);
    const f = view.findings.find((x) => x.signatureId === PEER_VERSIONS_ID);
    assert.equal(f?.outcome, "ok");
    assert.match(f?.description ?? "", /expc1, expc2 all run X14\.2\.1/);
  });

  it("keeps unrelated bundles apart: two deployments, no version check across them", async () => {
    const view = buildCaseView(record, [await viewOf(await expresswayCBundle({ host: "expc1", version: "X14.2.1" })), await viewOf(await otherDomainBundle())]);
    assert.equal(view.deployments.length, 2);
    assert.equal(view.findings.find((x) => x.signatureId === PEER_VERSIONS_ID), undefined);
  });

  it("is done when one analysis failed, and builds the findings from the others", async () => {
    const c = await viewOf(await expresswayCBundle());
    const failed: AnalysisView = { ...(await viewOf(await expresswayEBundle())), status: "failed", error: { code: "bad", message: "broken" }, results: [], details: {} };
    const view = buildCaseView(record, [c, failed]);
    assert.equal(view.status, "done");
    assert.deepEqual(view.analyses.map((a) => a.status).sort(), ["done", "failed"]);
    assert.equal(view.analyses.find((a) => a.status === "failed")?.error?.message, "broken");
    assert.ok(view.findings.find((x) => x.signatureId === "x14-2-traffic-server-verification")?.outcome === "issue");
  });

  it("is running while one analysis is still running, queued while all wait", () => {
    assert.equal(caseStatus(["done", "running"]), "running");
    assert.equal(caseStatus(["queued", "queued"]), "queued");
    assert.equal(caseStatus(["done", "failed"]), "done");
  });
});

describe("compare", () => {
  it("lists the fixed certificate failure as resolved, the bundle collected first being before", async () => {
    const before = await viewOf(await expresswayCBundle());
    const after = await viewOf(await expresswayCFixedBundle());
    // Argument order does not matter: the collection time decides.
    const cmp = compareAnalyses(after, before);
    assert.equal(cmp.before.id, before.id);
    assert.equal(cmp.after.id, after.id);
    assert.equal(cmp.before.collectedAt, before.bundle.timeRange?.start);
    const resolved = cmp.resolved.find((x) => x.signatureId === "x14-2-traffic-server-verification");
    assert.ok(resolved, JSON.stringify(cmp.resolved.map((x) => x.signatureId)));
    assert.equal(resolved.before?.outcome, "issue");
    assert.equal(resolved.after?.outcome, "ok");
    assert.ok(resolved.changes.some((c) => /no longer affected: cucm-pub\.acme\.test:6972/.test(c)));
    assert.equal(cmp.appeared.length, 0);
    const total = cmp.appeared.length + cmp.resolved.length + cmp.unchanged.length + cmp.changed.length;
    assert.equal(total, new Set([...before.results, ...after.results].map((r) => r.signatureId)).size);
  });

  it("lists a problem the later bundle shows as appeared, and the same result twice as unchanged", async () => {
    const cmp = compareAnalyses(await viewOf(await expresswayCFixedBundle()), await viewOf(await expresswayCBundle({ start: "2024-03-07T04:12:40.170-05:00" })));
    assert.ok(cmp.appeared.some((x) => x.signatureId === "x14-2-traffic-server-verification"));
    const same = compareAnalyses(await viewOf(await expresswayCBundle()), await viewOf(await expresswayCBundle()));
    assert.equal(same.appeared.length + same.resolved.length + same.changed.length, 0);
  });
});

async function otherDomainBundle(): Promise<Buffer> {
  const { LogBuilder, expresswayBundle, xstatDump, xconfDump } = await import("@/tests/fixtures/build-bundle");
  const log = new LogBuilder({ host: "vcs-other" }).mraRequest({ txnId: 1, domain: "other.example", host: "cucm.other.example", ip: "203.0.113.9", port: 8443, path: "/cucm-uds/user/x/devices" });
  return expresswayBundle({ host: "vcs-other", log, xstat: xstatDump({ version: "X12.7", host: "vcs-other" }), xconf: xconfDump({ host: "vcs-other" }) });
}
