// Evidence lines with their "Show context" lines woven in, as the log snippet shows them.
import type { Evidence } from "@/lib/results/types";

export type Row = { kind: "evidence"; e: Evidence } | { kind: "context"; line: number; text: string };

/**
 * Evidence lines with their context lines woven in, each file line shown once, in file order
 * (evidence lists are not always sorted, and one line's "after" may pass the next one's "before").
 */
export function withContext(lines: Evidence[], on: boolean): Row[] {
  if (!on) return lines.map((e) => ({ kind: "evidence", e }));
  const evidenceLines = new Set(lines.map((e) => e.line));
  const shown = new Set<number>();
  const rows: Row[] = [];
  const ctx = (c: { line: number; text: string }) => {
    if (evidenceLines.has(c.line) || shown.has(c.line)) return;
    shown.add(c.line);
    rows.push({ kind: "context", line: c.line, text: c.text });
  };
  for (const e of lines) {
    e.context?.before.forEach(ctx);
    shown.add(e.line);
    rows.push({ kind: "evidence", e });
    e.context?.after.forEach(ctx);
  }
  const lineOf = (r: Row) => (r.kind === "evidence" ? r.e.line : r.line);
  return rows.sort((a, b) => lineOf(a) - lineOf(b));
}

