// The catalog through the HTTP API: GET /api/signatures, a cluster bundle with three broken nodes,
// and re-analysing an analysis made with an older catalog.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readFile } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { SAMPLE_SELF_SIGNED, startPortal, waitForAnalysis, type Portal } from "../helpers/portal";
import { portalWithUser } from "../helpers/portal-fixture";
import { BROKEN_NODES, CLUSTER_BUNDLE_NAME, clusterBundle } from "../fixtures/cluster-bundle";
import { CLUSTER_ALARM_BUNDLE_NAME, EXPIRING_CERT_BUNDLE_NAME, clusterAlarmBundle, expiringCertificateBundle } from "../fixtures/catalog-bundles";

/** Runs SQL on the portal's own database: directly on PostgreSQL, or with the portal stopped for PGlite. */
async function withDatabase(portal: Portal, fn: (query: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<void>): Promise<Portal> {
  if (portal.databaseUrl) {
    const c = new pg.Client({ connectionString: portal.databaseUrl });
    await c.connect();
    try {
      await fn((sql, params) => c.query(sql, params as unknown[]));
    } finally {
      await c.end();
    }
    return portal;
  }
  await portal.stop();
  const db = await PGlite.create(path.join(portal.dataDir, "pglite"));
  try {
    await fn((sql, params) => db.query(sql, params as unknown[]));
  } finally {
    await db.close();
  }
  return startPortal({ dataDir: portal.dataDir, databaseUrl: null });
}

describe("signature catalog over HTTP", () => {
  const fx = portalWithUser();

  const upload = async (body: Uint8Array, fileName: string) => {
    const res = await fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body: new Uint8Array(body), headers: { ...fx.user.auth, "X-Filename": fileName } });
    assert.equal(res.status, 202);
    return (await res.json()).id as string;
  };

  it("lists every signature with id, version, title, defects, category, inputs and the versions it applies to", async () => {
    const res = await fetch(`${fx.portal.url}/api/signatures`, { headers: fx.user.auth });
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.match(body.catalogVersion, /^\d{4}\.\d+\.\d+$/);
    assert.ok(body.signatures.length >= 40, `${body.signatures.length} signatures`);
    const x142 = body.signatures.find((s: any) => s.id === "x14-2-traffic-server-verification");
    assert.deepEqual(x142.defects, ["CSCwc69661", "CSCwa25108"]);
    assert.equal(x142.category, "defect");
    assert.equal(x142.appliesTo.from, "X14.2.0");
    for (const s of body.signatures) {
      for (const k of ["id", "version", "title", "defects", "category", "inputs", "appliesTo", "products", "summary", "outcomes"]) assert.ok(k in s, `${s.id} has ${k}`);
    }
  });

  it("shows a cluster bundle with three broken nodes as one card naming all three with their causes", async () => {
    const id = await upload(await clusterBundle(), CLUSTER_BUNDLE_NAME);
    const a = await waitForAnalysis(fx.portal.url, id, fx.user.auth);
    assert.equal(a.status, "done", JSON.stringify(a.error));
    const cards = a.results.filter((r: any) => r.outcome === "issue" && r.affected.length === 3);
    assert.equal(cards.length, 1);
    const card = cards[0];
    assert.equal(card.signatureId, "x14-2-traffic-server-verification");
    for (const n of BROKEN_NODES) {
      const row = card.affected.find((x: any) => x.ip === n.ip);
      assert.match(row.reason, n.reason);
      assert.deepEqual(row.peers, [n.peer]);
    }
    assert.equal(a.details.mraRequests.total, 3);
    assert.ok(a.details.unexplainedWarnings);
  });

  it("re-analyses an analysis made with an older catalog and says what changed", async () => {
    const id = await upload(await readFile(SAMPLE_SELF_SIGNED), path.basename(SAMPLE_SELF_SIGNED));
    assert.equal((await waitForAnalysis(fx.portal.url, id, fx.user.auth)).status, "done");
    // Make it look like an analysis from the one-signature catalog, with a different outcome.
    fx.portal = await withDatabase(fx.portal, async (q) => {
      await q(`DELETE FROM "Result" WHERE "analysisId" = $1 AND "signatureId" <> 'x14-2-traffic-server-verification'`, [id]);
      await q(`UPDATE "Result" SET "outcome" = 'missing' WHERE "analysisId" = $1`, [id]);
      await q(`UPDATE "Analysis" SET "catalogVersion" = '2025.1.0', "issueCount" = 0, "missingCount" = 1 WHERE "id" = $1`, [id]);
    });
    const old = await (await fetch(`${fx.portal.url}/api/analyses/${id}`, { headers: fx.user.auth })).json();
    assert.equal(old.catalogVersion, "2025.1.0");
    assert.equal(old.results.length, 1);
    assert.equal(old.previous, null);

    const res = await fetch(`${fx.portal.url}/api/analyses/${id}/reanalyze`, { method: "POST", headers: fx.user.auth });
    assert.equal(res.status, 202);
    const queued = await res.json();
    assert.deepEqual(queued, { id, status: "queued", url: `/analyses/${id}` });
    const again = await fetch(`${fx.portal.url}/api/analyses/${id}/reanalyze`, { method: "POST", headers: fx.user.auth });
    assert.ok([202, 409].includes(again.status), "a second click is refused or harmless");

    const done = await waitForAnalysis(fx.portal.url, id, fx.user.auth);
    assert.equal(done.status, "done");
    const catalog = await (await fetch(`${fx.portal.url}/api/signatures`, { headers: fx.user.auth })).json();
    assert.equal(done.catalogVersion, catalog.catalogVersion);
    assert.equal(done.results.length, catalog.signatures.length);
    if (again.status === 409) {
      assert.equal(done.previous.catalogVersion, "2025.1.0");
      assert.deepEqual(done.previous.outcomes.map((o: any) => [o.signatureId, o.outcome]), [["x14-2-traffic-server-verification", "missing"]]);
    } else {
      // On a loaded machine the first re-analysis can finish before the second click lands: that click
      // then queues another run, whose previous run is the first re-analysis with today's catalog.
      assert.equal(done.previous.catalogVersion, catalog.catalogVersion);
      assert.equal(done.previous.outcomes.length, catalog.signatures.length);
    }
    assert.equal(done.results.find((r: any) => r.signatureId === "x14-2-traffic-server-verification").outcome, "issue");
    assert.equal(done.counts.issue, done.results.filter((r: any) => r.outcome === "issue").length);
  });

  it("shows a cluster database error and a raised alarm in one bundle as findings, and says what it could not check", async () => {
    const id = await upload(await clusterAlarmBundle(), CLUSTER_ALARM_BUNDLE_NAME);
    const a = await waitForAnalysis(fx.portal.url, id, fx.user.auth);
    assert.equal(a.status, "done", JSON.stringify(a.error));
    const by = (sid: string) => a.results.find((r: any) => r.signatureId === sid);
    const db = by("cluster-database-inconsistent");
    assert.equal(db.outcome, "issue");
    assert.equal(db.affected[0].host, "expc02.apolo.local");
    assert.match(db.evidence[0].text, /Inconsistent Database/);
    const comm = by("cluster-communication-failure");
    assert.equal(comm.outcome, "issue");
    assert.ok(comm.affected.some((x: any) => /^20006 Cluster database communication failure/.test(x.reason)));
    const open = by("alarm-raised-not-lowered");
    assert.equal(open.outcome, "issue");
    assert.match(open.affected[0].reason, /^35015 Unified CM port conflict/);
    assert.match(open.action, /SIP trunk/);
    // the neighbour signature leaves the cluster peer's timeout to the cluster card
    assert.equal(by("neighbour-gatekeeper-unreachable").outcome, "ok");
    const sip = a.details.coverage.items.find((i: any) => i.key === "sip");
    assert.equal(sip.state, "not_checked");
    assert.match(sip.text, /No SIP traffic in the logging window/);
  });

  it("gives a bundle whose own server certificate expires in ten days an issue card naming the date", async () => {
    const { bundle, notAfter } = await expiringCertificateBundle(10);
    const id = await upload(bundle, EXPIRING_CERT_BUNDLE_NAME);
    const a = await waitForAnalysis(fx.portal.url, id, fx.user.auth);
    assert.equal(a.status, "done", JSON.stringify(a.error));
    const card = a.results.find((r: any) => r.signatureId === "server-certificate-validity");
    assert.equal(card.outcome, "issue");
    const date = notAfter.toISOString().slice(0, 10);
    assert.match(card.description, new RegExp(`expires on ${date}`));
    assert.match(card.affected[0].reason, new RegExp(`expires on ${date}`));
    assert.equal(a.counts.issue, a.results.filter((r: any) => r.outcome === "issue").length);
  });

  it("refuses to re-analyse an unknown analysis", async () => {
    const res = await fetch(`${fx.portal.url}/api/analyses/AAAAAAAAAAAAAAAAAAAAAA/reanalyze`, { method: "POST", headers: fx.user.auth });
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error.code, "not_found");
  });
});
