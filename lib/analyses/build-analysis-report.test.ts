import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AnalysisView, SignatureResult } from "@/lib/results/types";
import { buildAnalysisReportHtml, buildAnalysisReportMarkdown } from "@/lib/analyses/build-analysis-report";
import { renderReportPdf } from "@/lib/analyses/render-report-pdf";

function card(over: Partial<SignatureResult>): SignatureResult {
  return {
    signatureId: "x14-2-traffic-server-verification",
    signatureVersion: 1,
    defects: ["CSCwc69661", "CSCwa25108"],
    title: "Traffic server certificate verification fails after X14.2",
    outcome: "issue",
    severity: "high",
    description: "",
    condition: "The traffic server rejects the certificate of `cucm-pub.acme.test`.",
    furtherInformation: "",
    action: "Upload the CA of cucm-pub to the Expressway trust store, then restart.",
    affected: [{ host: "cucm-pub.acme.test", ip: "192.0.2.10", port: 8443, service: "UDS | Tomcat", reason: "self signed certificate", count: 3, firstSeen: null, lastSeen: null }],
    // A line with backticks and markup: neither may close the fence nor become HTML.
    evidence: [{ file: "loggingsnapshot_expc1.txt", line: 42, text: 'ERROR: ``` <script>alert(1)</script> Detail="certificate verify failed"' }],
    references: [],
    ...over,
  };
}

const view = {
  id: "abcdefghijklmnopqrstuv",
  status: "done",
  createdAt: "2024-03-05T09:20:00.000Z",
  startedAt: null,
  finishedAt: "2024-03-05T09:20:03.000Z",
  url: "/analyses/abcdefghijklmnopqrstuv",
  catalogVersion: "2024.1",
  bundle: { fileName: "diagnostic_log_expc1.tar.gz", size: 1000, host: "expc1", product: "Expressway-C", version: "X14.2.0", files: [], timeRange: null, notes: [], lineCount: 100 },
  counts: { issue: 1, potential: 1, missing: 1, not_applicable: 0, ok: 0 },
  results: [
    card({}),
    card({ signatureId: "verify-origin-server-off", defects: ["CSCwd12345"], outcome: "potential", title: "Origin server verification is off", action: "Set Verify origin server to On.", evidence: [] }),
    card({ signatureId: "xcp-7400", defects: [], outcome: "missing", title: "XCP port check", condition: "No xstat dump in the bundle.", action: "", evidence: [] }),
  ],
  details: {},
  stats: null,
} as unknown as AnalysisView;

describe("case report", () => {
  it("gives every issue and potential card with its defects, condition, action, affected nodes and evidence in a fence", () => {
    const md = buildAnalysisReportMarkdown(view);
    for (const r of view.results.filter((r) => r.outcome === "issue" || r.outcome === "potential")) {
      for (const d of r.defects) assert.ok(md.includes(d), d);
      assert.ok(md.includes(r.action), r.action);
    }
    assert.ok(md.includes("| cucm-pub.acme.test | 192.0.2.10 | 8443 | UDS \\| Tomcat |"));
    assert.ok(md.includes("````text\n42: ERROR: ``` <script>"), "the fence is longer than the backticks in the line");
    assert.ok(md.includes("## Missing information (1)\n\n- XCP port check: No xstat dump in the bundle."));
  });

  it("escapes log text in the HTML the PDF prints", () => {
    const html = buildAnalysisReportHtml(view);
    assert.ok(!html.includes("<script>"));
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  });

  it("prints a PDF whose text has every issue card's defect IDs and action", async () => {
    const pdf = await renderReportPdf(view);
    assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
    const text = await pdfText(pdf);
    for (const r of view.results.filter((r) => r.outcome === "issue" || r.outcome === "potential")) {
      for (const d of r.defects) assert.ok(text.includes(d), `${d} in the PDF`);
      assert.ok(text.replace(/\s+/g, " ").includes(r.action), `action in the PDF: ${r.action}`);
    }
  });
});

async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true }).promise;
  let text = "";
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    text += content.items.map((it) => ("str" in it ? it.str : "")).join(" ") + "\n";
  }
  return text;
}
