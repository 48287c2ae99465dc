// The real layouts (tests/fixtures/real-layouts) through the whole pipeline: every variant alone,
// all of them mixed in any order and cut at any byte around block starts, and the cards they give:
// one root cause per card, never one evidence line in two issue cards.
import assert from "node:assert/strict";
import { createReadStream } from "node:fs";
import { describe, it } from "node:test";
import { readBundle } from "@/lib/bundle/read-bundle";
import { createFactsCollector } from "@/lib/facts/collect-facts";
import { analyzeBundle } from "@/lib/pipeline/analyze-bundle";
import type { AnalysisOutput, SignatureResult } from "@/lib/results/types";
import { chunked } from "@/tests/fixtures/build-bundle";
import { CLUSTER_BUNDLE_NAME, clusterBundle } from "@/tests/fixtures/cluster-bundle";
import * as L from "@/tests/fixtures/real-layouts/lines";
import { REAL_BUNDLE_NAME, type RealLayoutBundleOptions, realLayoutBundle } from "@/tests/fixtures/real-layouts/real-layout-bundle";
import { TLS_BUNDLE_NAME, tlsBundle } from "@/tests/fixtures/tls-bundle";

const X142 = "x14-2-traffic-server-verification";

async function analyzeReal(o: RealLayoutBundleOptions): Promise<AnalysisOutput> {
  return analyzeBundle(chunked(await realLayoutBundle(o), 4096), REAL_BUNDLE_NAME, { scanThread: "never" });
}

const result = (out: AnalysisOutput, id: string): SignatureResult => {
  const r = out.results.find((x) => x.signatureId === id);
  assert.ok(r, `${id} ran`);
  return r;
};

const issues = (out: AnalysisOutput) => out.results.filter((r) => r.outcome === "issue").map((r) => r.signatureId).sort();

/** host, ip, port, reason of a card's affected rows, sorted */
const nodes = (r: SignatureResult) => r.affected.map((a) => [a.host, a.ip, a.port, a.reason].join(" ")).sort();

/** What each variant alone must give: the issue cards, and a check on the output. */
const EXPECTED: Record<keyof typeof L.REAL_LOG_VARIANTS, { issues: string[]; check?: (out: AnalysisOutput) => void }> = {
  X142_SELF_SIGNED_6972: {
    issues: [X142],
    check: (out) => {
      const r = result(out, X142);
      assert.deepEqual(nodes(r), ["cucm.steven.lab 10.48.36.215 6972 self signed certificate (depth 0): the CA is not trusted"]);
      assert.ok(r.evidence.some((e) => e.text.includes("502 connect failed")), "the 502 the client got");
      assert.ok(r.evidence.some((e) => e.text.includes("]ERROR:SSL connection failed")), "the glued SSL line");
    },
  },
  X142_SNI_BY_IP_8443: {
    issues: [X142],
    check: (out) => assert.deepEqual(nodes(result(out, X142)), ["10.48.36.215 10.48.36.215 8443 SNI 10.48.36.215 not in certificate"]),
  },
  X142_SELF_SIGNED_TIDY: {
    issues: [X142],
    check: (out) => assert.deepEqual(nodes(result(out, X142)), ["cucm.steven.lab 10.48.36.215 6972 self signed certificate (depth 0): the CA is not trusted"]),
  },
  TLS_ALERT_UNKNOWN_CA: { issues: ["cucm-untrusted-expressway-c"] },
  SERVER_NULL: {
    issues: [X142],
    check: (out) => {
      const [a] = result(out, X142).affected;
      assert.equal(a.ip, "10.48.36.216");
      assert.ok(a.host === null || a.host === "10.48.36.216", `known by its IP only, not "${a.host}"`);
      assert.doesNotMatch(JSON.stringify(result(out, X142).description), /\bnull\b/);
    },
  },
  ORIGIN_HOSTNAME_NOT_IN_CERTIFICATE: {
    issues: [X142],
    check: (out) => assert.deepEqual(nodes(result(out, X142)), ["imp.steven.lab 10.48.36.217  SNI imp.steven.lab not in certificate"]),
  },
  HTTP_ERROR_RESPONSE_403: {
    issues: ["uds-403-forbidden"],
    check: (out) => assert.ok(result(out, "uds-403-forbidden").evidence.some((e) => e.text.includes('Event="Sending HTTP error response"'))),
  },
  UDS_401_EDGECONFIG: {
    issues: ["uds-401-unauthorized"],
    check: (out) => {
      const r = result(out, "uds-401-unauthorized");
      assert.match(r.description, /pstojano/);
      assert.ok(r.evidence.some((e) => e.text.includes("HTTP/1.1 401 Unauthorized")));
      assert.ok(r.evidence.some((e) => e.text.includes("Failed to authenticate user against server")));
    },
  },
  EDGE_CONFIG_EMPTY_UDS: { issues: ["edge-config-empty-uds"] },
  NO_PROCESS_TOKEN: {
    // TN 217230's peer-down lines: the database error and the failed connection to the peer
    issues: ["cluster-communication-failure", "cluster-database-inconsistent"],
    check: (out) => assert.ok(out.bundle.reading!.files[0].families.some((f) => f.name === "no process token" && f.lines === 4)),
  },
  PROCESS_TOKENS: {
    // alarm 20006 left open, 20007 (restart required), and the RAS timeout towards 10.15.13.16, which
    // the replication line's AlternateIPAddresses names as peer expc02: cluster communication, one card
    issues: ["cluster-communication-failure", "restart-required-pending"],
    check: (out) => {
      assert.ok(result(out, "cluster-communication-failure").affected.some((a) => a.ip === "10.15.13.16" && a.port === 1719));
      const names = out.bundle.reading!.files[0].families.map((f) => f.name).sort();
      assert.deepEqual(names, ["alarm", "httpd", "management", "replication", "tvcs"]);
    },
  },
  RELAYED_TOKEN: { issues: ["traversal-tls-identity"] },
  PADDED_LEVEL: { issues: [] },
  SIP_LEADING_SPACE_BLOCK: {
    issues: [],
    check: (out) => assert.equal(out.bundle.reading!.files[0].messageLines, 12),
  },
  SIP_MARKER_WITH_FIRST_LINE: { issues: [] },
  BAR_GLUED_TO_LAST_LINE: {
    issues: [],
    check: (out) => assert.equal(out.bundle.reading!.files[0].families.find((f) => f.name === "tvcs")?.lines, 2),
  },
  FALSE_BLOCK_STARTS: {
    issues: [],
    check: (out) => {
      const f = out.bundle.reading!.files[0];
      // the lone bar and the marker after it are junk; the stamped lines after them are read
      assert.equal(f.notUnderstood, 2);
      assert.equal(f.families.find((x) => x.name === "tvcs")?.lines, 3);
      assert.deepEqual(f.samples.map((s) => s.line), [3, 4]);
    },
  },
};

/** Every evidence line belongs to at most one issue card. */
function assertOneCardPerLine(out: AnalysisOutput, label: string): void {
  const owner = new Map<string, string>();
  for (const r of out.results) {
    if (r.outcome !== "issue") continue;
    for (const e of r.evidence) {
      const k = `${e.file}:${e.line}`;
      const other = owner.get(k);
      assert.ok(other === undefined || other === r.signatureId, `${label}: line ${k} is evidence of ${other} and ${r.signatureId}`);
      owner.set(k, r.signatureId);
    }
  }
}

/** "Show context" lines are in file order, before the line and after it. */
function assertContextOrder(out: AnalysisOutput, label: string): void {
  for (const r of out.results) {
    for (const e of r.evidence) {
      if (!e.context) continue;
      const lines = [...e.context.before.map((x) => x.line), e.line, ...e.context.after.map((x) => x.line)];
      for (let i = 1; i < lines.length; i++) assert.ok(lines[i - 1] < lines[i], `${label}: context of ${e.file}:${e.line} out of order: ${lines.join(",")}`);
    }
  }
}

function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe("real Expressway layouts through the whole pipeline", () => {
  for (const [name, lines] of Object.entries(L.REAL_LOG_VARIANTS)) {
    it(`reads ${name} with the expected cards`, async () => {
      const out = await analyzeReal({ log: [lines] });
      const want = EXPECTED[name as keyof typeof EXPECTED];
      assert.deepEqual(issues(out), [...want.issues].sort());
      want.check?.(out);
      if (name !== "FALSE_BLOCK_STARTS") assert.equal(out.bundle.reading!.notUnderstood, 0, JSON.stringify(out.bundle.reading!.files[0].samples));
      assertOneCardPerLine(out, name);
      assertContextOrder(out, name);
    });
  }

  it("finds both X14.2 causes in the real layout and names CSCwc69661, the node, port and cause", async () => {
    const out = await analyzeReal({ log: [L.X142_SELF_SIGNED_6972, L.X142_SNI_BY_IP_8443] });
    const r = result(out, X142);
    assert.equal(r.outcome, "issue");
    assert.ok(r.defects.includes("CSCwc69661"));
    assert.match(r.description, /CSCwc69661/);
    assert.match(r.description, /cucm\.steven\.lab/);
    assert.deepEqual(nodes(r), [
      "10.48.36.215 10.48.36.215 8443 SNI 10.48.36.215 not in certificate",
      "cucm.steven.lab 10.48.36.215 6972 self signed certificate (depth 0): the CA is not trusted",
    ]);
    assert.equal(out.bundle.identity?.name, "Expressway-C");
    assert.equal(out.bundle.host, "vcsc");
    // TN 225746's `TrackingID="..."` between Txn-id and Src-ip, what a case joins the hops of a request by
    assert.deepEqual(out.details.mraRequests?.rows.map((r) => r.trackingId), ["fxxxxxxx-86f6-4030-8259-0b768c07723e", "a3b1c2d4-1111-4030-8259-0b768c07723e"]);
  });

  it("gives the same cards for every variant mixed in one file, in any order", async () => {
    const variants = Object.values(L.REAL_LOG_VARIANTS);
    const expected = [...new Set(Object.values(EXPECTED).flatMap((e) => e.issues))].sort();
    let x142: string[] | null = null;
    for (const seed of [1, 7, 42, 1234]) {
      const out = await analyzeReal({ log: shuffled(variants, seed) });
      assert.deepEqual(issues(out), expected, `order ${seed}`);
      const n = nodes(result(out, X142));
      if (x142 === null) x142 = n;
      else assert.deepEqual(n, x142, `order ${seed}`);
      assert.equal(out.bundle.reading!.notUnderstood, 2, `order ${seed}: only the false block starts' junk`);
      assertOneCardPerLine(out, `order ${seed}`);
      assertContextOrder(out, `order ${seed}`);
    }
    // 6972 self-signed (in both layouts: one node), 8443 SNI by IP, (null) by IP, the IM&P origin name
    assert.equal(x142!.length, 4);
  });

  it("gives the same facts whatever byte a chunk ends on around a block start", async () => {
    const text = Buffer.from(L.realLog(...Object.values(L.REAL_LOG_VARIANTS)));
    const name = "loggingsnapshot_vcsc_2022-07-11_17:00:00.txt";
    const factsOf = async (pieces: Buffer[]) => {
      const c = createFactsCollector({ scanThread: "never" });
      try {
        const read = await readBundle((async function* () { yield* pieces; })(), name, { visitor: c.visitor });
        return JSON.stringify(c.finish(read, name), (_k, v) => (v instanceof Map ? [...v] : v));
      } finally {
        await c.close();
      }
    };
    const reference = await factsOf([text]);
    // where blocks start: a marker line, its first message line, a closing bar, the next stamped line
    const starts: number[] = [];
    let at = 0;
    for (const line of text.toString("latin1").split("\n")) {
      if (/^\s*(HTTPMSG:|SIPMSG:|\|)/.test(line) || /MSG:\s*$/.test(line) || /^\d{4}-/.test(line)) starts.push(at);
      at += line.length + 1;
    }
    assert.ok(starts.length > 60);
    for (const s of starts) {
      for (let d = -2; d <= 2; d++) {
        const k = s + d;
        if (k <= 0 || k >= text.length) continue;
        assert.equal(await factsOf([text.subarray(0, k), text.subarray(k)]), reference, `split at byte ${k}`);
      }
    }
  });

  it("walks every fixture bundle: no evidence line in two issue cards, context lines in file order", async () => {
    const outs: [string, AnalysisOutput][] = [
      ["tls bundle", await analyzeBundle(chunked(await tlsBundle()), TLS_BUNDLE_NAME)],
      ["cluster bundle", await analyzeBundle(chunked(await clusterBundle()), CLUSTER_BUNDLE_NAME)],
      ["all real variants", await analyzeReal({ log: Object.values(L.REAL_LOG_VARIANTS) })],
    ];
    for (const f of ["diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz", "diagnostic_log_expc1_2024-03-05_10_02_11.tar.gz"]) {
      outs.push([f, await analyzeBundle(createReadStream(`tests/samples/${f}`), f)]);
    }
    for (const [label, out] of outs) {
      assertOneCardPerLine(out, label);
      assertContextOrder(out, label);
      // a folded check points at a card that exists and lists it
      for (const r of out.results.filter((x) => x.partOf)) {
        const card = result(out, r.partOf!);
        assert.ok(card.related?.some((x) => x.signatureId === r.signatureId), `${label}: ${r.signatureId} listed in ${card.signatureId}`);
        assert.notEqual(r.outcome, "issue");
      }
    }
  });

  it("shows 0 lines not understood on the public samples", async () => {
    for (const f of ["diagnostic_log_expc1_2024-03-05_09_12_40.tar.gz", "diagnostic_log_expc1_2024-03-05_10_02_11.tar.gz"]) {
      const out = await analyzeBundle(createReadStream(`tests/samples/${f}`), f);
      assert.ok(out.bundle.reading!.files.length > 0);
      assert.equal(out.bundle.reading!.notUnderstood, 0, f);
    }
  });
});

describe("product detection", () => {
  it("tells Expressway-E from xstat's option keys and answers not_applicable for Expressway-C-only checks", async () => {
    const out = await analyzeReal({ log: [L.PROCESS_TOKENS], side: "Expressway-E" });
    assert.equal(out.bundle.identity?.name, "Expressway-E");
    assert.ok(out.bundle.identity!.decidedBy.some((d) => d.includes("Traversal Server")));
    for (const id of [X142, "uds-401-unauthorized", "verify-origin-server-off"]) assert.equal(result(out, id).outcome, "not_applicable", id);
  });

  it("tells VCS from Expressway by ExpresswaySeries, not by the product name", async () => {
    const out = await analyzeReal({ log: [L.PROCESS_TOKENS], side: "VCS" });
    assert.equal(out.bundle.product, "TANDBERG Video Communication Server");
    assert.equal(out.bundle.identity?.series, "VCS");
    assert.equal(out.bundle.identity?.name, "VCS Control");
  });

  it("decides from the log when the bundle has no dumps, and says so", async () => {
    const out = await analyzeReal({ log: [L.X142_SELF_SIGNED_6972], logOnly: true });
    assert.equal(out.bundle.identity?.name, "Expressway-C");
    assert.match(out.bundle.identity!.decidedBy.join(" "), /log/);
    // the host comes from the inner names with colons in their stamps
    assert.equal(out.bundle.host, "vcsc");
  });

  it("keeps a finding of a check for the other side (a wrong side must not hide it)", async () => {
    const out = await analyzeReal({ log: [L.X142_SELF_SIGNED_6972], side: "Expressway-E" });
    assert.equal(result(out, X142).outcome, "issue");
  });

  it("reads quoted enum values in xconf (VerifyOriginServer: \"Off\")", async () => {
    const off = await analyzeReal({ log: [L.PROCESS_TOKENS], verifyOriginServer: "Off" });
    assert.equal(result(off, "verify-origin-server-off").outcome, "potential");
    const on = await analyzeReal({ log: [L.PROCESS_TOKENS], verifyOriginServer: "On" });
    assert.equal(result(on, "verify-origin-server-off").outcome, "ok");
  });
});
