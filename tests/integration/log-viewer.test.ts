// The log viewer's API, downloads and reports against the real server: lines from the stored line index,
// search streamed as NDJSON, the bundle byte for byte, and the bad inputs the issue names.
import { describe, it, before } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { access, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as tar from "tar-stream";
import { SAMPLE_SELF_SIGNED, waitForAnalysis } from "../helpers/portal";
import { portalWithUser } from "../helpers/portal-fixture";
import { makeTarGz, xstatDump } from "../fixtures/build-bundle";

const LOG = "loggingsnapshot_expc1_2024-03-05_09_12_40.txt";

/** The sample's files as the bundle holds them. */
async function filesOf(bundle: Buffer): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const extract = tar.extract();
  const done = (async () => {
    for await (const entry of extract) {
      const parts: Buffer[] = [];
      for await (const c of entry) parts.push(c as Buffer);
      out.set(entry.header.name, Buffer.concat(parts));
    }
  })();
  extract.end(gunzipSync(bundle));
  await done;
  return out;
}

describe("log viewer API", () => {
  const fx = portalWithUser();
  let sample: Buffer;
  let id: string;
  let analysis: any;

  const get = (p: string, headers: Record<string, string> = fx.user.auth) => fetch(`${fx.portal.url}${p}`, { headers });
  const upload = async (bytes: Buffer, fileName: string) => {
    const res = await fetch(`${fx.portal.url}/api/analyses`, { method: "POST", body: new Uint8Array(bytes), headers: { ...fx.user.auth, "X-Filename": fileName } });
    assert.equal(res.status, 202);
    const { id } = await res.json();
    return { id, analysis: await waitForAnalysis(fx.portal.url, id, fx.user.auth) };
  };

  before(async () => {
    sample = await readFile(SAMPLE_SELF_SIGNED);
    ({ id, analysis } = await upload(sample, path.basename(SAMPLE_SELF_SIGNED)));
    assert.equal(analysis.status, "done");
  });

  it("stores a line index beside the bundle once the results are in", async () => {
    const index = path.join(fx.portal.dataDir, "uploads", `${id}.lines`);
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await access(index);
        break;
      } catch {
        if (Date.now() > deadline) throw new Error("no line index after 30 s");
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  });

  it("gives any page of a file's lines, numbered as the evidence is", async () => {
    const log = (await filesOf(sample)).get(LOG)!.toString("utf8").split("\n");
    const total = log[log.length - 1] === "" ? log.length - 1 : log.length;
    const res = await get(`/api/analyses/${id}/files/${encodeURIComponent(LOG)}/lines?from=10&count=5`);
    assert.equal(res.status, 200);
    const page = await res.json();
    assert.equal(page.file, LOG);
    assert.equal(page.total, total);
    assert.deepEqual(page.lines, log.slice(9, 14).map((text, i) => ({ n: 10 + i, text })));
    // every evidence line of every card is that line of the file
    for (const r of analysis.results) {
      for (const e of r.evidence.filter((e: any) => e.file === LOG)) {
        const one = await (await get(`/api/analyses/${id}/files/${encodeURIComponent(LOG)}/lines?from=${e.line}&count=1`)).json();
        assert.equal(one.lines[0].text, e.text.length <= 2000 ? log[e.line - 1] : one.lines[0].text, `${r.signatureId} line ${e.line}`);
      }
    }
    const last = await (await get(`/api/analyses/${id}/files/${encodeURIComponent(LOG)}/lines?from=999999&count=20`)).json();
    assert.equal(last.from, total - 19);
    assert.equal(last.lines.at(-1).n, total);
  });

  it("streams search matches as NDJSON, next and previous", async () => {
    const res = await get(`/api/analyses/${id}/files/${encodeURIComponent(LOG)}/search?q=Level%3D%22WARN&from=1&limit=2`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type") ?? "", /ndjson/);
    const records = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
    const done = records.at(-1);
    assert.equal(done.done, true, JSON.stringify(records));
    for (const m of records.slice(0, -1)) assert.match(m.text, /Level="WARN/);
    const bad = await get(`/api/analyses/${id}/files/${encodeURIComponent(LOG)}/search?q=(oops&regex=1`);
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error.code, "invalid_regex");
  });

  it("downloads the bundle with the uploaded file's SHA-256, one file as it is in it, and the analysis as JSON", async () => {
    const res = await get(`/api/analyses/${id}/bundle`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-disposition") ?? "", /attachment; filename="diagnostic_log_expc1/);
    const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");
    assert.equal(sha(Buffer.from(await res.arrayBuffer())), sha(sample));
    const file = await get(`/api/analyses/${id}/files/${encodeURIComponent(LOG)}`);
    assert.equal(file.status, 200);
    assert.ok(Buffer.from(await file.arrayBuffer()).equals((await filesOf(sample)).get(LOG)!));
    const json = await get(`/api/analyses/${id}/analysis.json`);
    assert.equal((await json.json()).id, id);
  });

  it("writes report.md and report.pdf with every issue card's defect IDs and actions", async () => {
    const md = await (await get(`/api/analyses/${id}/report.md`)).text();
    const issues = analysis.results.filter((r: any) => r.outcome === "issue");
    assert.ok(issues.length > 0);
    for (const r of issues) {
      for (const d of r.defects) assert.ok(md.includes(d), d);
      assert.ok(md.includes(r.action), "action");
    }
    const pdf = await get(`/api/analyses/${id}/report.pdf`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get("content-type"), "application/pdf");
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), "%PDF-");
  });

  it("answers bad input clearly: unknown file 404, binary file 415, a 1 MiB line cut, names with folders", async () => {
    const bundle = await makeTarGz([
      { name: LOG, content: `2024-03-05T04:12:40.173-05:00 expc1 tvcs: UTCTime="2024-03-05 09:12:40,173" Module="network.sip" Level="INFO": Detail="x"\n` },
      { name: "xstat_dump_expc1_2024-03-05_09_12_40.txt", content: xstatDump() },
      { name: "extra/sub dir/app%1.log", content: `short\n${"z".repeat(1024 * 1024 + 10)}\nafter\n` },
      { name: "capture.pcap", content: Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0]) },
    ]);
    const { id: other, analysis: a } = await upload(bundle, "diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz");
    assert.equal(a.status, "done", JSON.stringify(a.error));
    const base = `/api/analyses/${other}/files`;
    assert.equal((await get(`${base}/${encodeURIComponent("nope.txt")}/lines`)).status, 404);
    const binary = await get(`${base}/capture.pcap/lines`);
    assert.equal(binary.status, 415);
    assert.equal((await binary.json()).error.code, "not_text");
    const long = await (await get(`${base}/${encodeURIComponent("extra/sub dir/app%1.log")}/lines?from=1&count=10`)).json();
    assert.deepEqual(long.lines.map((l: any) => l.n), [1, 2, 3]);
    assert.equal(long.lines[1].truncated, true);
    assert.equal(long.lines[1].bytes, 1024 * 1024 + 10);
    assert.equal(long.lines[2].text, "after");
    const page = await fetch(`${fx.portal.url}/analyses/${other}/files/${encodeURIComponent("extra/sub dir/app%1.log")}?line=2`, { headers: { cookie: fx.user.cookie } });
    assert.equal(page.status, 200);
  });

  it("lets a share link read lines and reports but not download the bundle, and answers 410 once the bundle is gone", async () => {
    const created = await fetch(`${fx.portal.url}/api/analyses/${id}/shares`, { method: "POST", headers: { ...fx.user.auth, "content-type": "application/json" }, body: "{}" });
    const share = await created.json();
    const lines = await fetch(`${fx.portal.url}/api/shared/${share.token}/files/${encodeURIComponent(LOG)}/lines?from=1&count=2`);
    assert.equal(lines.status, 200);
    assert.equal((await fetch(`${fx.portal.url}/api/shared/${share.token}/report.md`)).status, 200);
    assert.equal((await fetch(`${fx.portal.url}/api/shared/${share.token}/bundle`)).status, 404);
    assert.equal((await fetch(`${fx.portal.url}/s/${share.token}/files/${encodeURIComponent(LOG)}?line=3`)).status, 200);
    // nobody's token reads another's lines
    assert.equal((await fetch(`${fx.portal.url}/api/analyses/${id}/files/${encodeURIComponent(LOG)}/lines`)).status, 401);

    await rm(path.join(fx.portal.dataDir, "uploads", `${id}.bundle`));
    const gone = await get(`/api/analyses/${id}/files/${encodeURIComponent(LOG)}/lines`);
    assert.equal(gone.status, 410);
    assert.equal((await gone.json()).error.code, "bundle_gone");
    assert.equal((await get(`/api/analyses/${id}/bundle`)).status, 410);
  });

  it("answers 404 for a deleted analysis's lines, and removes its line index with it", async () => {
    const { id: doomed } = await upload(sample, path.basename(SAMPLE_SELF_SIGNED));
    assert.equal((await get(`/api/analyses/${doomed}/files/${encodeURIComponent(LOG)}/lines`)).status, 200);
    assert.equal((await fetch(`${fx.portal.url}/api/analyses/${doomed}`, { method: "DELETE", headers: fx.user.auth })).status, 204);
    assert.equal((await get(`/api/analyses/${doomed}/files/${encodeURIComponent(LOG)}/lines`)).status, 404);
    await new Promise((r) => setTimeout(r, 1500)); // an index still being written removes itself
    await assert.rejects(access(path.join(fx.portal.dataDir, "uploads", `${doomed}.lines`)));
  });
});
