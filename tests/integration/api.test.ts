// Upload -> job -> stored results, through the HTTP API a script would use, against the real server.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { SAMPLE_SELF_SIGNED, SAMPLE_SNI, waitForAnalysis } from "../helpers/portal";
import { portalWithUser } from "../helpers/portal-fixture";

const SIGNATURE = "x14-2-traffic-server-verification";

describe("HTTP API", () => {
  const fx = portalWithUser();

  const upload = (body: BodyInit, init: { fileName?: string; query?: string; headers?: Record<string, string> } = {}) =>
    fetch(`${fx.portal.url}/api/analyses${init.query ?? ""}`, {
      method: "POST",
      body,
      headers: { ...fx.user.auth, ...(init.fileName ? { "X-Filename": init.fileName } : {}), ...init.headers },
    });

  it("reports the database and the queue as reachable", async () => {
    const res = await fetch(`${fx.portal.url}/api/health`);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.status, "ok");
    assert.equal(body.database.ok, true);
    assert.equal(body.queue.ok, true);
  });

  it("analyses the self-signed sample into one CSCwc69661 issue naming the node, port and service", async () => {
    const bytes = await readFile(SAMPLE_SELF_SIGNED);
    const res = await upload(bytes, { fileName: path.basename(SAMPLE_SELF_SIGNED) });
    assert.equal(res.status, 202);
    const created = await res.json();
    assert.match(created.id, /^[A-Za-z0-9_-]{20,}$/);
    assert.equal(created.status, "queued");
    assert.equal(created.url, `/analyses/${created.id}`);

    const analysis = await waitForAnalysis(fx.portal.url, created.id, fx.user.auth);
    assert.equal(analysis.status, "done", JSON.stringify(analysis.error));
    assert.equal(analysis.bundle.fileName, path.basename(SAMPLE_SELF_SIGNED));
    assert.equal(analysis.bundle.size, bytes.length);
    assert.equal(analysis.bundle.host, "expc1");
    assert.equal(analysis.bundle.version, "X14.2.0");
    assert.ok(analysis.bundle.timeRange.start.startsWith("2024-03-05T04:12"));
    const kinds = Object.fromEntries(analysis.bundle.files.map((f: any) => [f.kind, f.name]));
    assert.match(kinds.log, /loggingsnapshot_expc1/);
    assert.match(kinds.xconf, /xconf_dump/);
    assert.match(kinds.xstat, /xstat_dump/);

    const result = analysis.results.find((r: any) => r.signatureId === SIGNATURE);
    assert.ok(result, "the X14.2 signature was evaluated");
    for (const key of ["defects", "title", "outcome", "severity", "description", "condition", "furtherInformation", "action", "affected", "evidence"]) {
      assert.ok(key in result, `result has ${key}`);
    }
    assert.equal(result.outcome, "issue");
    assert.deepEqual([...result.defects].sort(), ["CSCwa25108", "CSCwc69661"]);
    assert.equal(result.affected.length, 1);
    const node = result.affected[0];
    assert.equal(node.host, "cucm-pub.acme.test");
    assert.equal(node.ip, "192.0.2.10");
    assert.equal(node.port, 6972);
    assert.match(node.service, /TFTP/);
    assert.match(node.reason, /self.signed/i);
    assert.ok(node.count >= 1);
    assert.ok(node.firstSeen && node.lastSeen);
    assert.match(result.action, /VerifyOriginServer: Off/);
    assert.ok(result.evidence.some((e: any) => /certificate verification failed/.test(e.text) && e.line > 0 && /loggingsnapshot/.test(e.file)));
    assert.equal(analysis.counts.issue, analysis.results.filter((r: any) => r.outcome === "issue" && !r.partOf).length);

    // what the reader understood, and which box wrote the bundle
    assert.equal(analysis.bundle.reading.notUnderstood, 0);
    assert.match(analysis.bundle.reading.files[0].file, /loggingsnapshot_expc1/);
    assert.ok(analysis.bundle.reading.files[0].families.some((f: any) => f.name === "traffic_server" && f.lines > 0));
    assert.equal(analysis.bundle.identity.name, "Expressway-C");
    // a folded check points at its card, which lists it
    for (const r of analysis.results.filter((x: any) => x.partOf)) {
      assert.ok(analysis.results.find((c: any) => c.signatureId === r.partOf).related.some((x: any) => x.signatureId === r.signatureId));
    }
  });

  it("analyses the SNI sample (file name in ?filename=) into an issue on 8443", async () => {
    const res = await upload(await readFile(SAMPLE_SNI), { query: `?filename=${path.basename(SAMPLE_SNI)}` });
    assert.equal(res.status, 202);
    const analysis = await waitForAnalysis(fx.portal.url, (await res.json()).id, fx.user.auth);
    const result = analysis.results.find((r: any) => r.signatureId === SIGNATURE);
    assert.equal(result.outcome, "issue");
    assert.equal(result.affected[0].ip, "192.0.2.10");
    assert.equal(result.affected[0].port, 8443);
    assert.match(result.affected[0].reason, /SNI|not in certificate/i);
  });

  it("accepts multipart/form-data with a file field", async () => {
    const form = new FormData();
    form.append("file", new Blob([await readFile(SAMPLE_SELF_SIGNED)]), "bundle.tar.gz");
    const res = await fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body: form, headers: fx.user.auth });
    assert.equal(res.status, 202);
    const analysis = await waitForAnalysis(fx.portal.url, (await res.json()).id, fx.user.auth);
    assert.equal(analysis.status, "done");
    assert.equal(analysis.bundle.fileName, "bundle.tar.gz");
  });

  it("lists analyses newest first, a page at a time", async () => {
    const first = await (await fetch(`${fx.portal.url}/api/analyses?pageSize=2`, { headers: fx.user.auth })).json();
    assert.equal(first.page, 1);
    assert.equal(first.pageSize, 2);
    assert.ok(first.total >= 3);
    assert.equal(first.items.length, 2);
    assert.ok(first.items[0].createdAt >= first.items[1].createdAt);
    assert.equal(first.items[0].fileName, "bundle.tar.gz");
    const second = await (await fetch(`${fx.portal.url}/api/analyses?pageSize=2&page=2`, { headers: fx.user.auth })).json();
    assert.ok(second.items.every((s: any) => !first.items.some((f: any) => f.id === s.id)));
    const bad = await fetch(`${fx.portal.url}/api/analyses?page=0`, { headers: fx.user.auth });
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.code, "invalid_request");
  });

  it("answers 404 with an error object for an unknown analysis", async () => {
    for (const id of ["AAAAAAAAAAAAAAAAAAAAAA", "../../etc/passwd", "x"]) {
      const res = await fetch(`${fx.portal.url}/api/analyses/${encodeURIComponent(id)}`, { headers: fx.user.auth });
      assert.equal(res.status, 404);
      assert.equal((await res.json()).error.code, "not_found");
    }
  });

  describe("refuses what can never be a bundle, with a clear error", () => {
    const cases: [string, () => Promise<Response>, number, string][] = [
      ["no file name", () => upload(Buffer.from("hello")), 400, "missing_filename"],
      ["a wrong extension", () => upload(Buffer.from("hello"), { fileName: "notes.docx" }), 415, "unsupported_type"],
      ["an empty file", () => upload(Buffer.alloc(0), { fileName: "empty.tar.gz" }), 400, "empty_file"],
      ["binary that is neither gzip, tar nor text", () => upload(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]), { fileName: "x.tar.gz" }), 415, "unsupported_format"],
      ["a multipart body without a file", () => { const f = new FormData(); f.append("note", "x"); return fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body: f, headers: fx.user.auth }); }, 400, "missing_file"],
    ];
    for (const [name, send, status, code] of cases) {
      it(name, async () => {
        const res = await send();
        assert.equal(res.status, status);
        const body = await res.json();
        assert.equal(body.error.code, code);
        assert.ok(body.error.message.length > 10);
      });
    }
  });
});
