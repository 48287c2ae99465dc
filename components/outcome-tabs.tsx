"use client";
// CSA's five outcome tabs with counts: a WAI-ARIA tablist (arrow keys, Home/End) whose selection
// lives in the URL (?tab=) so a link can open a given tab. Beside them, cards or a compact list.
import { useEffect, useRef } from "react";
import { OUTCOMES, OUTCOME_LABELS, type Outcome, type SignatureResult } from "@/lib/results/types";
import { useViewPreference } from "@/lib/ui/view-preferences";
import { OUTCOME_STYLE } from "./badges";
import { FindingsViewToggle } from "./findings-view-toggle";
import { ResultCard } from "./result-card";

const EMPTY_TEXT: Record<Outcome, string> = {
  issue: "No known issue matched this bundle.",
  potential: "Nothing here looks like a potential problem.",
  missing: "Every check had the information it needed.",
  not_applicable: "Every check applied to this bundle.",
  ok: "No check came back clean; see the other tabs.",
};

export function OutcomeTabs({
  results,
  counts,
  selected,
  onSelect,
  cardExtra,
}: {
  results: SignatureResult[];
  counts: Record<Outcome, number>;
  selected: Outcome;
  onSelect: (o: Outcome) => void;
  /** more to show under a card's title (the case page: on which peers it was seen) */
  cardExtra?: (r: SignatureResult) => React.ReactNode;
}) {
  const refs = useRef<Partial<Record<Outcome, HTMLButtonElement | null>>>({});
  const [view] = useViewPreference("findingsView");
  const scroller = useRef<HTMLDivElement>(null);

  // On narrow screens the tab strip scrolls sideways: keep the selected tab in view without
  // scrolling the page itself.
  useEffect(() => {
    const box = scroller.current;
    const el = refs.current[selected];
    if (!box || !el || box.scrollWidth <= box.clientWidth) return;
    const left = el.offsetLeft - box.offsetLeft;
    if (left < box.scrollLeft || left + el.offsetWidth > box.scrollLeft + box.clientWidth) {
      box.scrollLeft = Math.max(0, left - 16);
    }
  }, [selected]);
  // folded checks (partOf) are shown inside the card they belong to
  const shown = results.filter((r) => r.outcome === selected && !r.partOf);
  const countOf = (o: Outcome) => counts[o] ?? results.filter((r) => r.outcome === o && !r.partOf).length;

  const onKeyDown = (e: React.KeyboardEvent, o: Outcome) => {
    const i = OUTCOMES.indexOf(o);
    let next: number | null = null;
    if (e.key === "ArrowRight") next = (i + 1) % OUTCOMES.length;
    else if (e.key === "ArrowLeft") next = (i - 1 + OUTCOMES.length) % OUTCOMES.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = OUTCOMES.length - 1;
    if (next === null) return;
    e.preventDefault();
    const target = OUTCOMES[next];
    onSelect(target);
    refs.current[target]?.focus();
  };

  return (
    <section aria-label="Findings" data-testid="findings">
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-end sm:gap-4 sm:border-b sm:border-slate-200">
      <div ref={scroller} className="scroll-thin -mx-4 min-w-0 overflow-x-auto px-4 sm:mx-0 sm:-mb-px sm:flex-1 sm:px-0">
        <div role="tablist" aria-label="Findings by outcome" className="flex min-w-max gap-1 border-b border-slate-200 sm:border-b-0">
          {OUTCOMES.map((o) => {
            const active = o === selected;
            const n = countOf(o);
            const s = OUTCOME_STYLE[o];
            return (
              <button
                key={o}
                ref={(el) => {
                  refs.current[o] = el;
                }}
                type="button"
                role="tab"
                id={`tab-${o}`}
                data-testid={`tab-${o}`}
                aria-selected={active}
                aria-controls="outcome-panel"
                tabIndex={active ? 0 : -1}
                onClick={() => onSelect(o)}
                onKeyDown={(e) => onKeyDown(e, o)}
                className={`group relative -mb-px flex items-center gap-2 rounded-t-md border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors focus-visible:outline-offset-[-2px] ${
                  active ? "border-slate-900 text-slate-900" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800"
                }`}
              >
                <span className={`h-2 w-2 rounded-full ${n > 0 ? s.dot : "bg-slate-300"}`} aria-hidden="true" />
                {OUTCOME_LABELS[o]}
                <span
                  className={`min-w-6 rounded-full px-1.5 py-px text-center text-xs font-semibold tabular-nums ${
                    n > 0 && (o === "issue" || o === "potential" || o === "missing")
                      ? `${s.soft} ${s.text}`
                      : active
                        ? "bg-slate-200 text-slate-700"
                        : "bg-slate-100 text-slate-500"
                  }`}
                >
                  {n}
                </span>
              </button>
            );
          })}
        </div>
      </div>
      <div className="flex justify-end sm:pb-1.5">
        <FindingsViewToggle />
      </div>
      </div>

      <div role="tabpanel" id="outcome-panel" aria-labelledby={`tab-${selected}`} tabIndex={0} className="mt-5 rounded-lg focus-visible:outline-offset-4">
        {shown.length === 0 ? (
          <div className="card flex flex-col items-center gap-2 px-6 py-12 text-center">
            {(() => {
              const Icon = OUTCOME_STYLE[selected].Icon;
              return <Icon className="h-8 w-8 text-slate-300" />;
            })()}
            <p className="text-sm font-medium text-slate-700">Nothing under “{OUTCOME_LABELS[selected]}”</p>
            <p className="text-sm text-slate-500">{EMPTY_TEXT[selected]}</p>
          </div>
        ) : (
          <div className={view === "list" ? "space-y-2" : "space-y-4"} data-view={view}>
            {shown.map((r) => (
              // keyed by the view: switching resets every card to that view's default
              <ResultCard
                key={`${r.signatureId}:${view}`}
                result={r}
                folded={results.filter((x) => x.partOf === r.signatureId)}
                extra={cardExtra?.(r)}
                compact={view === "list"}
                defaultExpanded={view === "cards" && r.outcome !== "ok" && r.outcome !== "not_applicable"}
              />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
