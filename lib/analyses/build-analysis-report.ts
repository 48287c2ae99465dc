// The report an engineer pastes into a service request or case: GET /api/analyses/:id/report.md, and the
// HTML that report.pdf prints (lib/analyses/render-report-pdf.ts). Both come from one model, so the PDF
// says what the Markdown says: the summary, every issue and potential card with its condition, action,
// affected nodes and evidence lines, then the titles of the other checks.
import { OUTCOME_LABELS, type AnalysisView, type Outcome, type SignatureResult } from "@/lib/results/types";

const DETAILED: Outcome[] = ["issue", "potential"];
const LISTED: Outcome[] = ["missing", "not_applicable", "ok"];

function summaryRows(view: AnalysisView): [string, string][] {
  const b = view.bundle;
  const rows: [string, string][] = [
    ["Bundle", b.fileName],
    ["Host", b.host ?? "not found"],
    ["Product and version", [b.product, b.version].filter(Boolean).join(" ") || "not found"],
  ];
  if (b.timeRange) rows.push(["Log period", `${b.timeRange.start} to ${b.timeRange.end}`]);
  rows.push(
    ["Analysed", view.finishedAt ?? view.createdAt],
    ["Signature catalog", view.catalogVersion ?? "unknown"],
    ["Outcome", (Object.keys(OUTCOME_LABELS) as Outcome[]).map((o) => `${OUTCOME_LABELS[o]}: ${view.counts[o] ?? 0}`).join(", ")],
  );
  return rows;
}

const cardsOf = (view: AnalysisView, outcome: Outcome) => view.results.filter((r) => r.outcome === outcome);

/** A fence longer than any run of backticks in the text, so log lines cannot close it. */
function fence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  return "`".repeat(Math.max(3, longest + 1));
}

/** Markdown table cell: pipes escaped, one line. */
const cell = (v: string | number | null | undefined) => String(v ?? "").replace(/\|/g, "\\|").replace(/\r?\n/g, " ") || " ";

function affectedMarkdown(r: SignatureResult): string[] {
  if (r.affected.length === 0) return [];
  const out = ["**Affected nodes**", "", "| Host | IP | Port | Service | Reason | Count | First seen | Last seen |", "| --- | --- | --- | --- | --- | --- | --- | --- |"];
  for (const a of r.affected) out.push(`| ${[a.host, a.ip, a.port, a.service, a.reason, a.count, a.firstSeen, a.lastSeen].map(cell).join(" | ")} |`);
  out.push("");
  return out;
}

function evidenceMarkdown(r: SignatureResult): string[] {
  if (r.evidence.length === 0) return [];
  const out = ["**Evidence**", ""];
  const byFile = new Map<string, typeof r.evidence>();
  for (const e of r.evidence) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, lines] of byFile) {
    const body = lines.map((e) => `${e.line}: ${e.text}${(e.count ?? 1) > 1 ? `   (x${e.count})` : ""}`).join("\n");
    const f = fence(body);
    out.push(`\`${file}\``, "", `${f}text`, body, f, "");
  }
  return out;
}

function cardMarkdown(r: SignatureResult): string[] {
  const out = [`### ${r.title}`, ""];
  out.push(`- Outcome: ${OUTCOME_LABELS[r.outcome]}, severity ${r.severity}`);
  if (r.defects.length) out.push(`- Defects: ${r.defects.join(", ")}`);
  out.push(`- Signature: ${r.signatureId} v${r.signatureVersion}`, "");
  if (r.condition) out.push("**Condition**", "", r.condition, "");
  if (r.action) out.push("**Action**", "", r.action, "");
  out.push(...affectedMarkdown(r), ...evidenceMarkdown(r));
  if (r.references.length) out.push("**References**", "", ...r.references.map((ref) => `- [${ref.title}](${ref.url})`), "");
  return out;
}

export function buildAnalysisReportMarkdown(view: AnalysisView): string {
  const out = [`# Expressway diagnostic report: ${view.bundle.host ?? view.bundle.fileName}`, "", "| | |", "| --- | --- |"];
  for (const [k, v] of summaryRows(view)) out.push(`| ${cell(k)} | ${cell(v)} |`);
  out.push("");
  if (view.status !== "done") out.push(`The analysis is ${view.status}${view.error ? `: ${view.error.message}` : ""}.`, "");
  for (const o of DETAILED) {
    const cards = cardsOf(view, o);
    out.push(`## ${OUTCOME_LABELS[o]} (${cards.length})`, "");
    if (cards.length === 0) out.push("None.", "");
    for (const r of cards) out.push(...cardMarkdown(r));
  }
  for (const o of LISTED) {
    const cards = cardsOf(view, o);
    if (cards.length === 0) continue;
    out.push(`## ${OUTCOME_LABELS[o]} (${cards.length})`, "");
    for (const r of cards) out.push(`- ${r.title}${r.defects.length ? ` (${r.defects.join(", ")})` : ""}${r.outcome === "missing" && r.condition ? `: ${r.condition.replace(/\s*\n\s*/g, " ")}` : ""}`);
    out.push("");
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Signature prose: paragraphs, and `backticked` commands as code. */
function prose(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => `<p>${esc(p).replace(/`([^`]+)`/g, "<code>$1</code>").replace(/\n/g, "<br>")}</p>`)
    .join("");
}

function cardHtml(r: SignatureResult): string {
  const parts = [`<section class="card ${r.outcome}"><h3>${esc(r.title)}</h3>`];
  parts.push(`<p class="meta">${esc(OUTCOME_LABELS[r.outcome])} · severity ${esc(r.severity)}${r.defects.length ? ` · ${r.defects.map((d) => `<b>${esc(d)}</b>`).join(", ")}` : ""} · ${esc(r.signatureId)} v${r.signatureVersion}</p>`);
  if (r.condition) parts.push(`<h4>Condition</h4>${prose(r.condition)}`);
  if (r.action) parts.push(`<h4>Action</h4><div class="action">${prose(r.action)}</div>`);
  if (r.affected.length) {
    parts.push("<h4>Affected nodes</h4><table><thead><tr><th>Host</th><th>IP</th><th>Port</th><th>Service</th><th>Reason</th><th>Count</th><th>First seen</th><th>Last seen</th></tr></thead><tbody>");
    for (const a of r.affected) parts.push(`<tr>${[a.host, a.ip, a.port, a.service, a.reason, a.count, a.firstSeen, a.lastSeen].map((v) => `<td>${esc(String(v ?? ""))}</td>`).join("")}</tr>`);
    parts.push("</tbody></table>");
  }
  if (r.evidence.length) {
    parts.push("<h4>Evidence</h4>");
    const byFile = new Map<string, typeof r.evidence>();
    for (const e of r.evidence) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
    for (const [file, lines] of byFile) {
      parts.push(`<p class="file">${esc(file)}</p><pre>${lines.map((e) => `<span class="ln">${e.line}</span> ${esc(e.text)}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ""}`).join("\n")}</pre>`);
    }
  }
  if (r.references.length) parts.push(`<h4>References</h4><ul>${r.references.map((ref) => `<li>${esc(ref.title)}: ${esc(ref.url)}</li>`).join("")}</ul>`);
  parts.push("</section>");
  return parts.join("");
}

const STYLE = `
  @page { size: A4; margin: 16mm 14mm; }
  body { font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f172a; }
  h1 { font-size: 17pt; margin: 0 0 8pt; } h2 { font-size: 13pt; margin: 18pt 0 6pt; border-bottom: 1px solid #cbd5e1; padding-bottom: 3pt; }
  h3 { font-size: 11.5pt; margin: 0 0 3pt; } h4 { font-size: 9pt; text-transform: uppercase; letter-spacing: .04em; color: #475569; margin: 9pt 0 3pt; }
  p { margin: 0 0 5pt; } .meta { color: #475569; font-size: 9pt; }
  .card { border: 1px solid #cbd5e1; border-left: 4px solid #94a3b8; border-radius: 4pt; padding: 8pt 10pt; margin: 0 0 10pt; }
  .card.issue { border-left-color: #dc2626; } .card.potential { border-left-color: #d97706; }
  .action { background: #eff6ff; border-radius: 3pt; padding: 4pt 7pt; }
  table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 8.5pt; }
  th, td { border: 1px solid #e2e8f0; padding: 2pt 4pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
  pre { font: 8pt/1.4 ui-monospace, Menlo, Consolas, monospace; background: #f8fafc; border: 1px solid #e2e8f0; padding: 5pt; white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 5pt; }
  code { font: .9em ui-monospace, Menlo, Consolas, monospace; background: #f1f5f9; padding: 0 2pt; overflow-wrap: anywhere; }
  .ln { color: #94a3b8; } .file { font: 8pt ui-monospace, monospace; color: #475569; margin: 4pt 0 2pt; overflow-wrap: anywhere; }
  table.summary td:first-child { width: 28%; color: #475569; }
`;

export function buildAnalysisReportHtml(view: AnalysisView): string {
  const parts = [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(`Expressway diagnostic report: ${view.bundle.host ?? view.bundle.fileName}`)}</title><style>${STYLE}</style></head><body>`,
    `<h1>Expressway diagnostic report: ${esc(view.bundle.host ?? view.bundle.fileName)}</h1>`,
    `<table class="summary"><tbody>${summaryRows(view).map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join("")}</tbody></table>`,
  ];
  if (view.status !== "done") parts.push(`<p>The analysis is ${esc(view.status)}${view.error ? `: ${esc(view.error.message)}` : ""}.</p>`);
  for (const o of DETAILED) {
    const cards = cardsOf(view, o);
    parts.push(`<h2>${esc(OUTCOME_LABELS[o])} (${cards.length})</h2>`);
    if (cards.length === 0) parts.push("<p>None.</p>");
    for (const r of cards) parts.push(cardHtml(r));
  }
  for (const o of LISTED) {
    const cards = cardsOf(view, o);
    if (cards.length === 0) continue;
    parts.push(`<h2>${esc(OUTCOME_LABELS[o])} (${cards.length})</h2><ul>${cards.map((r) => `<li>${esc(r.title)}${r.defects.length ? ` (${esc(r.defects.join(", "))})` : ""}</li>`).join("")}</ul>`);
  }
  parts.push("</body></html>");
  return parts.join("");
}
