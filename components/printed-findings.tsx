"use client";
// What printing the overview shows instead of the tabs: every finding of every outcome, each card in
// full. Hidden on screen; the print stylesheet (app/globals.css) hides the tabs instead.
import { OUTCOMES, OUTCOME_LABELS, type SignatureResult } from "@/lib/results/types";
import { ResultCard } from "./result-card";

export function PrintedFindings({ results }: { results: SignatureResult[] }) {
  return (
    <section className="hidden space-y-6 print:block" aria-hidden="true" data-testid="printed-findings">
      {OUTCOMES.map((o) => {
        // as the tabs show them: folded checks (partOf) inside the card they belong to
        const shown = results.filter((r) => r.outcome === o && !r.partOf);
        if (shown.length === 0) return null;
        return (
          <div key={o} className="space-y-3">
            <h2 className="text-lg font-semibold text-slate-900">
              {OUTCOME_LABELS[o]} ({shown.length})
            </h2>
            {shown.map((r) => (
              <ResultCard key={r.signatureId} result={r} folded={results.filter((x) => x.partOf === r.signatureId)} printed />
            ))}
          </div>
        );
      })}
    </section>
  );
}
