// The lines of one file that are evidence on the overview's cards, with the cards they belong to: the
// log viewer highlights them and links each back to its card.
import type { AnalysisView } from "@/lib/results/types";
import { resultAnchor } from "@/lib/ui/result-anchor";

export type EvidenceMark = { line: number; cards: { anchor: string; title: string }[] };

export function evidenceMarks(view: AnalysisView, file: string): EvidenceMark[] {
  const byLine = new Map<number, EvidenceMark>();
  for (const r of view.results) {
    for (const e of r.evidence) {
      if (e.file !== file) continue;
      const mark = byLine.get(e.line) ?? { line: e.line, cards: [] };
      if (!mark.cards.some((c) => c.anchor === resultAnchor(r.signatureId))) mark.cards.push({ anchor: resultAnchor(r.signatureId), title: r.title });
      byLine.set(e.line, mark);
    }
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}
