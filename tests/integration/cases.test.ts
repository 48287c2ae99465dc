// Cases through the HTTP API: several bundles of one incident uploaded together, analysed each on its
// own, and viewed as one (merged findings, requests joined across boxes); before/after compared.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createTestUser } from "../helpers/accounts";
import { SAMPLE_SELF_SIGNED, waitForAnalysis } from "../helpers/portal";
import { portalWithUser } from "../helpers/portal-fixture";
import { caseFileName, expresswayCBundle, expresswayCFixedBundle, expresswayEBundle } from "../fixtures/case-bundles";
import { gzip } from "../fixtures/build-bundle";
import { BROKEN_NODES, CLUSTER_BUNDLE_NAME, clusterBundle } from "../fixtures/cluster-bundle";

const SIGNATURE = "x14-2-traffic-server-verification";
const LIMIT = 3;

describe("Cases", () => {
  const fx = portalWithUser({ env: { MAX_CASE_BUNDLES: String(LIMIT) } });

  const multipart = (files: [Buffer<ArrayBuffer>, string][], query = "") => {
    const form = new FormData();
    for (const [bytes, name] of files) form.append("file", new Blob([bytes]), name);
    return fetch(`${fx.portal.url}/api/analyses${query}`, { method: "POST", body: form, headers: fx.user.auth });
  };
  const getCase = async (id: string, headers = fx.user.auth) => fetch(`${fx.portal.url}/api/cases/${id}`, { headers });
  async function waitForCase(id: string): Promise<any> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const body = await (await getCase(id)).json();
      if (body.status === "done") return body;
      if (Date.now() > deadline) throw new Error(`case ${id} still ${body.status}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it("makes one case of a C+E pair dropped together, C's certificate failure explaining E's 502 in one finding naming both", async () => {
    const res = await multipart([
      [await expresswayCBundle(), caseFileName("expc1")],
      [await expresswayEBundle(), caseFileName("expe1")],
    ]);
    assert.equal(res.status, 202);
    const created = await res.json();
    assert.match(created.caseId, /^[A-Za-z0-9_-]{20,}$/);
    assert.equal(created.url, `/cases/${created.caseId}`);
    assert.equal(res.headers.get("location"), created.url);
    assert.equal(created.analyses.length, 2);
    for (const a of created.analyses) {
      assert.equal(a.status, "queued");
      assert.equal(a.url, `/analyses/${a.id}`);
    }

    const view = await waitForCase(created.caseId);
    assert.deepEqual(Object.keys(view).sort(), ["analyses", "calls", "counts", "createdAt", "deployments", "findings", "id", "mraRequests", "status", "title", "url"]);
    assert.deepEqual(view.analyses.map((a: any) => [a.host, a.product, a.version, a.status]), [
      ["expc1", "Cisco Expressway", "X14.2.1", "done"],
      ["expe1", "Cisco Expressway", "X14.2.1", "done"],
    ]);
    for (const a of view.analyses) assert.equal(typeof a.counts.issue, "number");
    const finding = view.findings.find((f: any) => f.signatureId === SIGNATURE);
    assert.equal(finding.outcome, "issue");
    assert.deepEqual(finding.seenOn.map((p: any) => [p.host, p.role]).sort(), [["expc1", "cause"], ["expe1", "symptom"]]);
    assert.match(finding.description, /explains the 502 that expe1 answered for 2 requests/);
    assert.equal(view.mraRequests.correlated, 2);
    // both boxes logged the client's TrackingID (case-bundles.ts): the hops are joined by it
    assert.equal(view.mraRequests.byTrackingId, 2);
    assert.equal(view.mraRequests.rows[0].matchedBy, "tracking_id");
    assert.deepEqual(view.mraRequests.rows[0].hops.map((h: any) => h.peer), ["expe1", "expc1"]);
    assert.match(view.mraRequests.rows[0].hops[0].explainedBy, /on expc1$/);
    // Each analysis stands on its own as before.
    const single = await waitForAnalysis(fx.portal.url, created.analyses[0].id, fx.user.auth);
    assert.equal(single.status, "done");

    const list = await (await fetch(`${fx.portal.url}/api/cases`, { headers: fx.user.auth })).json();
    const item = list.items.find((c: any) => c.id === created.caseId);
    assert.deepEqual([item.status, item.analysisCount, item.hosts.sort()], ["done", 2, ["expc1", "expe1"]]);
  });

  it("adds raw uploads to a case with ?case=, and finds two peers of one cluster on different versions", async () => {
    const res = await fetch(`${fx.portal.url}/api/cases`, { method: "POST", headers: { ...fx.user.auth, "Content-Type": "application/json" }, body: JSON.stringify({ title: "INC-4711 cluster" }) });
    assert.equal(res.status, 201);
    const { id } = await res.json();
    for (const [host, version] of [["expc1", "X14.2.1"], ["expc2", "X14.0.7"]]) {
      const up = await fetch(`${fx.portal.url}/api/analyses?case=${id}`, {
        method: "POST",
        body: await expresswayCBundle({ host, version }),
        headers: { ...fx.user.auth, "X-Filename": caseFileName(host) },
      });
      assert.equal(up.status, 202);
      const body = await up.json();
      assert.equal(body.caseId, id);
      assert.equal(body.url, `/analyses/${body.id}`);
    }
    const view = await waitForCase(id);
    assert.equal(view.title, "INC-4711 cluster");
    const versions = view.findings.find((f: any) => f.signatureId === "case-peer-versions");
    assert.equal(versions.outcome, "potential");
    assert.deepEqual(versions.affected.map((a: any) => [a.host, a.reason]), [["expc1", "runs X14.2.1"], ["expc2", "runs X14.0.7"]]);
    const cert = view.findings.find((f: any) => f.signatureId === SIGNATURE);
    assert.deepEqual(cert.affected[0].peers, ["expc1", "expc2"]);
  });

  it("makes an archive holding one folder per peer a case of one analysis per peer (?split=peers), and deletes the shared bundle with the last", async () => {
    const res = await fetch(`${fx.portal.url}/api/analyses?split=peers`, { method: "POST", body: Buffer.from(await clusterBundle()), headers: { ...fx.user.auth, "X-Filename": CLUSTER_BUNDLE_NAME } });
    assert.equal(res.status, 202);
    const created = await res.json();
    assert.equal(created.url, `/cases/${created.caseId}`);
    assert.equal(created.analyses.length, 1);
    let view = await waitForCase(created.caseId);
    // The job of the upload found three peer folders and queued one analysis for each other peer.
    while (view.analyses.length < 3 || view.status !== "done") view = await waitForCase(created.caseId);
    assert.deepEqual(view.analyses.map((a: any) => [a.host, a.peerFolder, a.status]), [
      ["expc1", "expc1", "done"],
      ["expc2", "expc2", "done"],
      ["expc3", "expc3", "done"],
    ]);
    const card = view.findings.find((f: any) => f.signatureId === SIGNATURE);
    assert.equal(card.affected.length, 3);
    for (const n of BROKEN_NODES) assert.deepEqual(card.affected.find((a: any) => a.ip === n.ip).peers, [n.peer]);
    const versions = view.findings.find((f: any) => f.signatureId === "case-peer-versions");
    assert.equal(versions.outcome, "ok");

    // Deleting one peer's analysis keeps the others' shared bundle: re-analysing one still works.
    const [first, second] = view.analyses;
    assert.equal((await fetch(`${fx.portal.url}/api/analyses/${first.id}`, { method: "DELETE", headers: fx.user.auth })).status, 204);
    assert.equal((await fetch(`${fx.portal.url}/api/analyses/${second.id}/reanalyze`, { method: "POST", headers: fx.user.auth })).status, 202);
    const again = await waitForAnalysis(fx.portal.url, second.id, fx.user.auth);
    assert.equal(again.status, "done", JSON.stringify(again.error));
    assert.equal(again.bundle.host, "expc2");
  });

  it("compares a before/after pair and lists the resolved finding", async () => {
    const before = await (await fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body: await expresswayCBundle(), headers: { ...fx.user.auth, "X-Filename": caseFileName("expc1") } })).json();
    const after = await (await fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body: await expresswayCFixedBundle(), headers: { ...fx.user.auth, "X-Filename": caseFileName("expc1", "2024-03-06_15_00_00") } })).json();
    await waitForAnalysis(fx.portal.url, before.id, fx.user.auth);
    await waitForAnalysis(fx.portal.url, after.id, fx.user.auth);
    // Asked the other way round, the bundle collected first is still `before`.
    const res = await fetch(`${fx.portal.url}/api/analyses/${after.id}/compare/${before.id}`, { headers: fx.user.auth });
    assert.equal(res.status, 200);
    const cmp = await res.json();
    assert.deepEqual(Object.keys(cmp).sort(), ["after", "appeared", "before", "changed", "resolved", "unchanged"]);
    assert.equal(cmp.before.id, before.id);
    assert.equal(cmp.after.id, after.id);
    const resolved = cmp.resolved.find((e: any) => e.signatureId === SIGNATURE);
    assert.deepEqual([resolved.before.outcome, resolved.after.outcome], ["issue", "ok"]);
    assert.equal(cmp.appeared.length, 0);

    const stranger = await createTestUser(fx.portal.url, "stranger");
    const hidden = await fetch(`${fx.portal.url}/api/analyses/${after.id}/compare/${before.id}`, { headers: stranger.auth });
    assert.equal(hidden.status, 404);
  });

  it("analyses the same bundle twice in one case once", async () => {
    const bytes = await expresswayCBundle({ host: "expc9" });
    const res = await multipart([[bytes, caseFileName("expc9")], [bytes, "copy-of-the-same.tar.gz"]]);
    assert.equal(res.status, 202);
    const created = await res.json();
    assert.equal(created.analyses[0].id, created.analyses[1].id);
    assert.equal(created.analyses[1].duplicate, true);
    const view = await waitForCase(created.caseId);
    assert.equal(view.analyses.length, 1);
    // Added again later, still once.
    const again = await fetch(`${fx.portal.url}/api/analyses?case=${created.caseId}`, { method: "POST", body: bytes, headers: { ...fx.user.auth, "X-Filename": "again.tar.gz" } });
    assert.equal((await again.json()).id, created.analyses[0].id);
  });

  it("finishes a case whose one bundle fails, saying which, and shows unrelated hosts apart", async () => {
    const broken = Buffer.from(Buffer.concat([gzip("x").subarray(0, 10), Buffer.from("this is not deflate data at all, just bytes")]));
    const res = await multipart([
      [await expresswayCBundle({ host: "expc1" }), caseFileName("expc1")],
      [broken, "diagnostic_log_broken_2024-03-05_09_12_40.tar.gz"],
      [await readFile(SAMPLE_SELF_SIGNED), path.basename(SAMPLE_SELF_SIGNED)],
    ]);
    assert.equal(res.status, 202);
    const view = await waitForCase((await res.json()).caseId);
    assert.equal(view.status, "done");
    const failed = view.analyses.filter((a: any) => a.status === "failed");
    assert.equal(failed.length, 1);
    assert.equal(failed[0].fileName, "diagnostic_log_broken_2024-03-05_09_12_40.tar.gz");
    assert.ok(failed[0].error.message.length > 0);
    assert.ok(view.findings.find((f: any) => f.signatureId === SIGNATURE));
  });

  it(`refuses more than MAX_CASE_BUNDLES (${LIMIT}) bundles with 413 and keeps nothing of the request`, async () => {
    const casesBefore = (await (await fetch(`${fx.portal.url}/api/cases`, { headers: fx.user.auth })).json()).items.length;
    const files: [Buffer<ArrayBuffer>, string][] = [];
    for (let i = 0; i <= LIMIT; i++) files.push([await expresswayCBundle({ host: `expc${i + 20}` }), caseFileName(`expc${i + 20}`)]);
    const res = await multipart(files);
    assert.equal(res.status, 413);
    assert.equal((await res.json()).error.code, "too_many_bundles");
    assert.equal((await (await fetch(`${fx.portal.url}/api/cases`, { headers: fx.user.auth })).json()).items.length, casesBefore);

    const full = await (await multipart(files.slice(0, LIMIT))).json();
    const more = await fetch(`${fx.portal.url}/api/analyses?case=${full.caseId}`, { method: "POST", body: files[LIMIT][0], headers: { ...fx.user.auth, "X-Filename": files[LIMIT][1] } });
    assert.equal(more.status, 413);
    assert.equal((await more.json()).error.code, "too_many_bundles");
  });

  it("keeps a case to its workspace, shares it read-only with its analyses, and deletes it with them", async () => {
    const created = await (await multipart([[await expresswayCBundle(), caseFileName("expc1")], [await expresswayEBundle(), caseFileName("expe1")]])).json();
    await waitForCase(created.caseId);
    const stranger = await createTestUser(fx.portal.url, "outsider");
    assert.equal((await getCase(created.caseId, stranger.auth)).status, 404);
    assert.equal((await getCase("AAAAAAAAAAAAAAAAAAAAAA")).status, 404);
    const intoOthers = await fetch(`${fx.portal.url}/api/analyses?case=${created.caseId}`, { method: "POST", body: await expresswayCBundle(), headers: { ...stranger.auth, "X-Filename": "x.tar.gz" } });
    assert.equal(intoOthers.status, 404);

    const share = await fetch(`${fx.portal.url}/api/cases/${created.caseId}/shares`, { method: "POST", headers: { ...fx.user.auth, "Content-Type": "application/json" }, body: "{}" });
    assert.equal(share.status, 201);
    const { token, url } = await share.json();
    assert.equal(url, `/s/${token}`);
    const shared = await (await fetch(`${fx.portal.url}/api/shared/${token}`)).json();
    assert.equal(shared.id, created.caseId);
    assert.equal(shared.findings.find((f: any) => f.signatureId === SIGNATURE).outcome, "issue");
    const inner = await fetch(`${fx.portal.url}/api/shared/${token}/analyses/${created.analyses[0].id}`);
    assert.equal(inner.status, 200);
    const outside = await (await fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body: await expresswayCBundle({ host: "elsewhere" }), headers: { ...fx.user.auth, "X-Filename": "x.tar.gz" } })).json();
    assert.equal((await fetch(`${fx.portal.url}/api/shared/${token}/analyses/${outside.id}`)).status, 404);

    assert.equal((await fetch(`${fx.portal.url}/api/cases/${created.caseId}`, { method: "DELETE", headers: stranger.auth })).status, 404);
    assert.equal((await fetch(`${fx.portal.url}/api/cases/${created.caseId}`, { method: "DELETE", headers: fx.user.auth })).status, 204);
    assert.equal((await getCase(created.caseId)).status, 404);
    for (const a of created.analyses) assert.equal((await fetch(`${fx.portal.url}/api/analyses/${a.id}`, { headers: fx.user.auth })).status, 404);
    assert.equal((await fetch(`${fx.portal.url}/api/shared/${token}`)).status, 404);
  });
});
